package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Pipeline;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** No pipeline at all, or a pipeline without receivers or exporters: the collector refuses the config. */
final class PipelineEmptyRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        if (context.config().pipelines().isEmpty()) {
            findings.accept(Located.at(ConfigCodes.PIPELINE_EMPTY.finding(), context.config().serviceLocation())
                    .evidence("pipeline", "service.pipelines")
                    .evidence("missing", "pipelines")
                    .param("subject", "service.pipelines")
                    .detail("The config defines no pipeline under service.pipelines: the collector will not start.")
                    .build());
            return;
        }
        for (Pipeline pipeline : context.config().pipelines()) {
            List<String> missing = new ArrayList<>();
            if (pipeline.receivers().isEmpty()) {
                missing.add("receivers");
            }
            if (pipeline.exporters().isEmpty()) {
                missing.add("exporters");
            }
            if (!missing.isEmpty()) {
                findings.accept(Located.at(ConfigCodes.PIPELINE_EMPTY.finding(), pipeline.location())
                        .evidence("pipeline", pipeline.id())
                        .evidence("missing", String.join(" and ", missing))
                        .param("subject", "pipeline " + pipeline.id())
                        .detail("service.pipelines.{pipeline} lists no {missing}: the collector will not start.")
                        .build());
            }
        }
    }
}
