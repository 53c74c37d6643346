package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.lint.yaml.YamlNode;

/**
 * One component defined in the config.
 *
 * @param kind the section it is defined in: {@code receivers}, {@code processors}, {@code exporters},
 *             {@code extensions} or {@code connectors}
 * @param id its ID
 * @param body its settings (a null node when written as {@code otlp:} with nothing below)
 * @param location where its ID is written
 */
public record Component(String kind, ComponentId id, YamlNode body, Location location) {
}
