package dev.otlpdoctor.lint.k8s;

import dev.otlpdoctor.lint.config.CollectorVersion;
import java.util.Optional;

/**
 * What the collector images load without {@code --config}: the contrib image
 * {@code /etc/otelcol-contrib/config.yaml}, the core image {@code /etc/otelcol/config.yaml}
 * (docs/collector-behaviour.md). Other distributions are not assumed. The image tag names the release that
 * will run the config.
 */
public final class CollectorImage {
    private CollectorImage() {
    }

    static boolean isCollector(String image) {
        return image != null && (image.contains("opentelemetry-collector") || image.contains("otelcol"));
    }

    /** The release an image tag names ({@code otel/opentelemetry-collector-contrib:0.110.0}), if it names one. */
    public static Optional<CollectorVersion> version(String image) {
        if (image == null) {
            return Optional.empty();
        }
        String reference = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int tag = reference.lastIndexOf(':');
        if (tag <= reference.lastIndexOf('/')) {
            return Optional.empty();
        }
        String text = reference.substring(tag + 1);
        return text.matches("v?\\d+\\.\\d+(\\.\\d+)?") ? Optional.of(CollectorVersion.parse(text)) : Optional.empty();
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
