package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.Pipeline;
import dev.otlpdoctor.lint.config.Reference;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.function.Consumer;

/** A pipeline without a batch processor (recommended practice, info). */
final class BatchRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        for (Pipeline pipeline : context.config().pipelines()) {
            if (MemoryLimiterRule.indexOfType(pipeline.processors(), "batch") < 0) {
                findings.accept(Located.at(ConfigCodes.BATCH_MISSING.finding(), pipeline.location())
                        .evidence("pipeline", pipeline.id())
                        .evidence("processors", pipeline.processors().stream().map(Reference::id).toList())
                        .detail("Pipeline {pipeline} exports without batching.")
                        .build());
            }
        }
    }
}
