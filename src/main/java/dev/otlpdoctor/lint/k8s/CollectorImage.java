package dev.otlpdoctor.lint.k8s;

import java.util.Optional;

/**
 * What the collector images load without {@code --config}: the contrib image
 * {@code /etc/otelcol-contrib/config.yaml}, the core image {@code /etc/otelcol/config.yaml}
 * (docs/collector-behaviour.md). Other distributions are not assumed.
 */
final class CollectorImage {
    private CollectorImage() {
    }

    static boolean isCollector(String image) {
        return image != null && (image.contains("opentelemetry-collector") || image.contains("otelcol"));
    }

    static Optional<String> defaultConfigPath(String image) {
        String repository = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int tag = repository.lastIndexOf(':');
        if (tag > repository.lastIndexOf('/')) {
            repository = repository.substring(0, tag);
        }
        if (repository.endsWith("opentelemetry-collector-contrib") || repository.endsWith("otelcol-contrib")) {
            return Optional.of("/etc/otelcol-contrib/config.yaml");
        }
        if (repository.endsWith("opentelemetry-collector") || repository.endsWith("/otelcol")) {
            return Optional.of("/etc/otelcol/config.yaml");
        }
        return Optional.empty();
    }
}
