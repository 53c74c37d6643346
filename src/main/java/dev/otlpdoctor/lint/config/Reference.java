package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;

/** A component ID used in the service section, with where it is written. */
public record Reference(String id, Location location) {
}
