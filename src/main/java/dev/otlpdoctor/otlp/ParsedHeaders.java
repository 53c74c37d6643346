package dev.otlpdoctor.otlp;

import java.util.List;

/**
 * What one header setting holds: the headers to send, the names as written (of malformed entries too, as far
 * as they can be shown), and the problems. Values appear only in {@link #headers()}, which are never printed.
 *
 * @param headers the usable headers, names in lower case, in order; a later one of the same name replaces an
 *                earlier one
 * @param names the header names as written, in order, for reports
 * @param problems what is malformed, in order
 */
public record ParsedHeaders(List<Header> headers, List<String> names, List<HeaderProblem> problems) {
    public ParsedHeaders {
        headers = List.copyOf(headers);
        names = List.copyOf(names);
        problems = List.copyOf(problems);
    }

    /** Whether every problem is one many SDKs accept (a raw space in a value). */
    public boolean onlyLenientProblems() {
        return problems.stream().allMatch(HeaderProblem::lenient);
    }
}
