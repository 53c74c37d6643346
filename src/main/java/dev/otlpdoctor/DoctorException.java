package dev.otlpdoctor;

/**
 * The one exception type that ends a command early. It carries the exit code it stands for, so the
 * mapping from failure to exit code happens in exactly one place ({@link dev.otlpdoctor.cli.Main}).
 * Its message is a single line meant for a person: what is wrong and where.
 */
public final class DoctorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    public DoctorException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public DoctorException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input from the user: exit 2. */
    public static DoctorException usage(String message) {
        return new DoctorException(ExitCode.USAGE, message);
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
