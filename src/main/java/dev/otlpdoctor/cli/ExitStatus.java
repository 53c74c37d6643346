package dev.otlpdoctor.cli;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.listen.ListenOutcome;
import dev.otlpdoctor.report.Severity;
import picocli.CommandLine.ParameterException;

/**
 * The one place where outcomes become exit codes (README, "Exit codes"), for every command: a result's
 * status, bad input, and everything else that escapes a command.
 */
final class ExitStatus {
    private ExitStatus() {
    }

    /**
     * 1 when anything failed (or, with {@code --strict}, warned); 0 otherwise. A check that proved nothing
     * has status fail already ({@code run.not-proven}).
     */
    static int of(Severity status, boolean strict) {
        boolean failed = status == Severity.FAIL || (strict && status == Severity.WARN);
        return (failed ? ExitCode.FINDINGS : ExitCode.OK).code();
    }

    /** A listen run: 0 when it ended as asked (every --expect held, or none was given), else 1. */
    static int of(ListenOutcome outcome) {
        return (outcome == ListenOutcome.DONE ? ExitCode.OK : ExitCode.FINDINGS).code();
    }

    /** Bad input (arguments, files, values) is 2; anything else escaping a command is a bug, 3. */
    static int of(Throwable error) {
        return (error instanceof InvalidInputException || error instanceof ParameterException
                ? ExitCode.USAGE : ExitCode.INTERNAL).code();
    }
}
