package dev.otlpdoctor.listen.server;

import dev.otlpdoctor.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;

/**
 * {@code --require-header name=value}: requests without it are refused as unauthenticated. The value
 * is a secret: {@link #toString()} never shows it and comparison takes constant time.
 */
public final class RequiredHeader {
    private final String name;
    private final byte[] value;

    private RequiredHeader(String name, String value) {
        this.name = name;
        this.value = value.getBytes(StandardCharsets.UTF_8);
    }

    public static RequiredHeader parse(String text) {
        int eq = text.indexOf('=');
        String name = eq < 0 ? "" : text.substring(0, eq).strip();
        if (eq < 0 || name.isEmpty() || !name.chars().allMatch(RequiredHeader::tokenChar) || eq == text.length() - 1) {
            throw new InvalidInputException("--require-header: expected NAME=VALUE with a non-empty value"
                    + " (example: --require-header authorization='Bearer <token>')");
        }
        return new RequiredHeader(name.toLowerCase(Locale.ROOT), text.substring(eq + 1));
    }

    private static boolean tokenChar(int c) {
        return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
    }

    /** Lower-case header name (HTTP/2 and gRPC metadata keys are lower case). */
    public String name() {
        return name;
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return name + "=<redacted>";
    }
}
