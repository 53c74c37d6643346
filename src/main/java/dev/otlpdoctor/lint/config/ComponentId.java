package dev.otlpdoctor.lint.config;

/**
 * A component ID as the collector writes it: {@code type} or {@code type/name} ({@code otlp},
 * {@code otlp/2}, {@code batch/traces}). The type picks the factory; the name only tells instances apart.
 */
public record ComponentId(String type, String name) {

    public static ComponentId parse(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? new ComponentId(id.trim(), "") : new ComponentId(id.substring(0, slash).trim(),
                id.substring(slash + 1).trim());
    }

    @Override
    public String toString() {
        return name.isEmpty() ? type : type + "/" + name;
    }
}
