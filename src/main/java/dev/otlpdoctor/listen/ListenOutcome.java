package dev.otlpdoctor.listen;

/** How a {@code listen} run ended, for the command to turn into its exit code. */
public enum ListenOutcome {
    /** Stopped by time or Ctrl-C with no expectations, or every expectation held. */
    DONE,
    /** Expectations were given and at least one did not hold at the end. */
    EXPECTATIONS_UNMET
}
