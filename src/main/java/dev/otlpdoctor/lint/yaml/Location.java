package dev.otlpdoctor.lint.yaml;

/**
 * Where something is written: a file (or {@code stdin}) and a 1-based line and column, as editors and
 * SARIF count them.
 */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
