package dev.otlpdoctor.lint.yaml;

/**
 * Turns a parser position (0-based line and column within the text that was parsed) into the
 * {@link Location} a person should look at. For a file that is the same place; for a config embedded
 * in a Kubernetes manifest it is the place inside the manifest.
 */
@FunctionalInterface
public interface Positions {
    Location at(int line, int column);

    /** Positions in a file of its own. */
    static Positions of(String file) {
        return (line, column) -> new Location(file, line + 1, column + 1);
    }
}
