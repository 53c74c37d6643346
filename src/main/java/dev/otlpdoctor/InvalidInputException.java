package dev.otlpdoctor;

/**
 * Input that otlpdoctor cannot use: a malformed target, an unreadable or oversized file, a bad header
 * list, a port that cannot be listened on. The message is one line meant for a person, naming what is
 * wrong and where. It carries no exit code: the domain only says "this input is invalid"; the command
 * line maps it to its exit code in one place ({@code cli/ExitStatus}).
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
