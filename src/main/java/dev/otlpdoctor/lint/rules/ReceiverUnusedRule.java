package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Component;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.Set;
import java.util.function.Consumer;

/** A receiver is defined but no pipeline lists it, so the collector never starts it. */
final class ReceiverUnusedRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        Set<String> used = context.config().usedReceivers();
        for (Component receiver : context.config().section("receivers").values()) {
            if (!used.contains(receiver.id().toString())) {
                findings.accept(Located.at(ConfigCodes.RECEIVER_UNUSED.finding(), receiver.location())
                        .evidence("component", receiver.id().toString())
                        .detail("No pipeline under service.pipelines lists '{component}', so the collector does not "
                                + "start it and its ports stay closed.")
                        .build());
            }
        }
    }
}
