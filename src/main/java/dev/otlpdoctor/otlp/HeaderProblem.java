package dev.otlpdoctor.otlp;

/**
 * Something wrong with a header setting, named by its position and name, never by its value.
 *
 * @param message one phrase, e.g. {@code header 'x-key' (entry 2) has an empty value}
 * @param lenient whether many SDKs accept it anyway (a raw space in a value): the header is still sent
 */
public record HeaderProblem(String message, boolean lenient) {
}
