package dev.otlpdoctor.lint.schema;

/**
 * The config schema of one component type.
 *
 * @param id section and type, e.g. {@code receivers/otlp}
 * @param repository the GitHub repository it was generated from
 * @param release the collector release (or contrib commit) of that source
 * @param source the file in that repository
 * @param schema the component's settings
 */
public record ComponentSchema(String id, String repository, String release, String source, SchemaNode schema) {
}
