package dev.otlpdoctor.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as people type them and as collector configs write them (Go's {@code time.ParseDuration}):
 * {@code 500ms}, {@code 5s}, {@code 1.5s}, {@code 1m30s}, {@code 1h2m3.5s}, with the units ns, us (µs),
 * ms, s, m and h. A bare number is seconds, as with {@code curl --max-time}. Whole milliseconds, 1ms to
 * one day.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern BARE = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)");
    /** One number-and-unit part; a value is one or more of them, as in Go. */
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(ns|us|µs|μs|ms|s|m|h)");
    private static final Pattern PARTS = Pattern.compile("(?:" + PART.pattern() + "\\s*)+");
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal DAY_NANOS = BigDecimal.valueOf(86_400L * 1_000_000_000L);

    @Override
    public Duration convert(String value) {
        String text = value.trim();
        BigDecimal nanos;
        if (BARE.matcher(text).matches()) {
            nanos = new BigDecimal(text).multiply(unitNanos("s"));
        } else if (PARTS.matcher(text).matches()) {
            nanos = BigDecimal.ZERO;
            Matcher part = PART.matcher(text);
            while (part.find()) {
                nanos = nanos.add(new BigDecimal(part.group(1)).multiply(unitNanos(part.group(2))));
            }
        } else {
            throw new TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 5s, 1m)");
        }
        if (nanos.compareTo(NANOS_PER_MILLI) < 0) {
            throw new TypeConversionException("'" + value + "' is too short: give at least 1ms");
        }
        if (nanos.compareTo(DAY_NANOS) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than a day");
        }
        return Duration.ofMillis(nanos.divide(NANOS_PER_MILLI, 0, java.math.RoundingMode.HALF_UP).longValueExact());
    }

    private static BigDecimal unitNanos(String unit) {
        long nanos = switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 1_000_000_000L;
        };
        return BigDecimal.valueOf(nanos);
    }
}
