package dev.otlpdoctor.lint.rules;

import dev.otlpdoctor.lint.config.ComponentId;
import dev.otlpdoctor.lint.config.Pipeline;
import dev.otlpdoctor.lint.config.Reference;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import dev.otlpdoctor.report.catalog.ConfigCodes;
import java.util.List;
import java.util.function.Consumer;

/** memory_limiter should be the first processor of every pipeline: absent is info, present but later is warn. */
final class MemoryLimiterRule implements ConfigRule {
    @Override
    public void check(ConfigContext context, Consumer<Finding> findings) {
        for (Pipeline pipeline : context.config().pipelines()) {
            List<Reference> processors = pipeline.processors();
            int index = indexOfType(processors, "memory_limiter");
            if (index == 0) {
                continue;
            }
            boolean absent = index < 0;
            findings.accept(Located.at(ConfigCodes.MEMORY_LIMITER_NOT_FIRST.finding(),
                            absent ? pipeline.location() : processors.get(index).location())
                    .severity(absent ? Severity.INFO : Severity.WARN)
                    .evidence("pipeline", pipeline.id())
                    .evidence("processors", processors.stream().map(Reference::id).toList())
                    .param("problem", absent ? "no memory_limiter processor"
                            : "memory_limiter is processor " + (index + 1) + ", not the first")
                    .detail(absent ? "Pipeline {pipeline} has no memory_limiter: nothing refuses data when the "
                            + "collector runs short of memory."
                            : "Processors before memory_limiter hold data the limiter cannot refuse.")
                    .build());
        }
    }

    static int indexOfType(List<Reference> refs, String type) {
        for (int i = 0; i < refs.size(); i++) {
            if (ComponentId.parse(refs.get(i).id()).type().equals(type)) {
                return i;
            }
        }
        return -1;
    }
}
