package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;
import java.util.List;

/**
 * One entry of {@code service.pipelines}: {@code traces}, {@code metrics/2}, {@code logs}…
 *
 * @param id the pipeline ID
 * @param location where the pipeline ID is written
 */
public record Pipeline(String id, Location location, List<Reference> receivers, List<Reference> processors,
                       List<Reference> exporters) {
    public Pipeline {
        receivers = List.copyOf(receivers);
        processors = List.copyOf(processors);
        exporters = List.copyOf(exporters);
    }
}
