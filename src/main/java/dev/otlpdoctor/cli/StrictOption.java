package dev.otlpdoctor.cli;

import dev.otlpdoctor.report.Severity;
import picocli.CommandLine.Option;

/** {@code --strict} of the commands whose result has a status: whether a warning fails the run too. */
public final class StrictOption {

    @Option(names = "--strict", description = "Exit 1 on warnings too.")
    boolean strict;

    /** The exit code of a result with this status under this option. */
    int exitCode(Severity status) {
        return ExitStatus.of(status, strict);
    }
}
