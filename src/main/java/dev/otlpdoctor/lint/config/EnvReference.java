package dev.otlpdoctor.lint.config;

import dev.otlpdoctor.lint.yaml.Location;

/**
 * A variable reference in the config that lint could not resolve as written.
 *
 * @param text the reference as written, e.g. {@code ${env:MY_POD_IP}} or {@code $HOST}
 * @param name the variable name
 * @param bare {@code true} for the bash style {@code $NAME}, which the collector no longer expands
 * @param location the scalar it appears in
 */
public record EnvReference(String text, String name, boolean bare, Location location) {
}
