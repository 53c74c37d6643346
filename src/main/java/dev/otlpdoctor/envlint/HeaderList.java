package dev.otlpdoctor.envlint;

import dev.otlpdoctor.otlp.HeaderProblem;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.otlp.ParsedHeaders;
import java.util.List;

/**
 * The names and problems of an {@code OTEL_EXPORTER_OTLP_HEADERS} value as env shows them, read by the one
 * header parser ({@link OtlpHeaders#parseList}), which check uses too. Only names and positions leave it.
 *
 * @param names the header names as written, in order
 * @param problems what is malformed, one phrase each, naming the entry by position and name (never its value)
 * @param onlyUnencodedSpaces whether every problem is a raw space in a value (accepted by many SDKs)
 */
public record HeaderList(List<String> names, List<String> problems, boolean onlyUnencodedSpaces) {

    public static HeaderList parse(String value) {
        ParsedHeaders parsed = OtlpHeaders.parseList(value, "env " + OtlpHeaders.ENV);
        return new HeaderList(parsed.names(), parsed.problems().stream().map(HeaderProblem::message).toList(),
                !parsed.problems().isEmpty() && parsed.onlyLenientProblems());
    }
}
