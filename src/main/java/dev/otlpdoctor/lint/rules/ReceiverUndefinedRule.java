package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.CollectorConfig;
import dev.otlpdoctor.lint.config.Pipeline;
import dev.otlpdoctor.lint.config.Reference;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** A pipeline lists a receiver that neither receivers nor connectors define. */
final class ReceiverUndefinedRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        CollectorConfig config = context.config();
        for (Pipeline pipeline : config.pipelines()) {
            for (Reference ref : pipeline.receivers()) {
                if (!config.section("receivers").containsKey(ref.id()) && !config.section("connectors").containsKey(ref.id())) {
                    findings.accept(Located.at(ConfigCodes.RECEIVER_UNDEFINED.finding(), ref.location())
                            .evidence("component", ref.id())
                            .evidence("pipeline", pipeline.id())
                            .detail("service.pipelines.{pipeline}.receivers lists '{component}', but the receivers "
                                    + "section defines " + listOrNone(config.section("receivers").keySet())
                                    + ": the collector will not start.")
                            .build());
                }
            }
        }
    }

    static String listOrNone(java.util.Collection<String> ids) {
        return ids.isEmpty() ? "no receiver" : "only " + String.join(", ", ids);
    }
}
