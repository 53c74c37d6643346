package dev.otlpdoctor.lint;

/**
 * One file to lint.
 *
 * @param name how findings name it: the path as given, or {@code stdin}
 * @param bytes its content (already capped in size)
 */
public record LintInput(String name, byte[] bytes) {
}
