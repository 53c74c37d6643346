package dev.otlpdoctor.cli;

import dev.otlpdoctor.target.Protocol;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/**
 * Completion candidates of enum-valued options, spelled as users type them. picocli would offer the enum
 * constants ({@code TEXT}, {@code HTTP_PROTOBUF}); the values are case-insensitive, but a shell completes
 * what it is given, and {@code HTTP_PROTOBUF} is not a protocol name at all.
 */
final class CompletionValues {
    private CompletionValues() {
    }

    private static Iterator<String> lowerCase(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).iterator();
    }

    /** {@code -o} of every command (sarif: lint only). */
    static final class OutputFormats implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lowerCase(OutputOptions.Format.values());
        }
    }

    /** {@code completion SHELL}. */
    static final class Shells implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return lowerCase(CompletionCommand.Shell.values());
        }
    }

    /** {@code --protocol}: the names of OTEL_EXPORTER_OTLP_PROTOCOL, plus auto. */
    static final class Protocols implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Protocol.values()).map(Protocol::value).iterator();
        }
    }
}
