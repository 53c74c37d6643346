package dev.otlpdoctor.lint.schema;

import java.util.regex.Pattern;

/** What Go's time.ParseDuration accepts: {@code 0}, or numbers each followed by a unit (ns, us, µs, ms, s, m, h). */
final class GoDuration {
    private static final Pattern DURATION = Pattern.compile("[-+]?(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+");
    private static final Pattern NUMBER = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");

    private GoDuration() {
    }

    static boolean valid(String text) {
        return text.equals("0") || text.equals("+0") || text.equals("-0") || DURATION.matcher(text).matches();
    }

    /** A number without a unit: ParseDuration says "missing unit in duration". */
    static boolean missingUnit(String text) {
        return NUMBER.matcher(text).matches();
    }
}
