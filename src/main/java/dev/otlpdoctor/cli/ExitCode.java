package dev.otlpdoctor.cli;

/**
 * The exit-code contract of every command (README, "Exit codes"). Scripts and CI gates depend on
 * these numbers, so they never change meaning.
 */
public enum ExitCode {
    /** No finding of severity {@code fail} (with {@code --strict}: no {@code warn} either). */
    OK(0),
    /** At least one {@code fail} finding: the collector is not reachable or usable as configured. */
    FINDINGS(1),
    /** Usage or input error: bad arguments, unreadable or unparsable input. */
    USAGE(2),
    /** Internal error: a bug in otlpdoctor. */
    INTERNAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
