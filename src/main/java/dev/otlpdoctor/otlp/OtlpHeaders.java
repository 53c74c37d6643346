package dev.otlpdoctor.otlp;

import dev.otlpdoctor.InvalidInputException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one parser of request headers: {@code OTEL_EXPORTER_OTLP_HEADERS} (the OpenTelemetry specification's
 * format: comma-separated {@code key=value} pairs, W3C Baggage style, values URL-encoded) and {@code -H
 * name=value} options (the value as is). It returns the headers and every problem as data: {@code env} reports
 * the problems as findings, {@code check} refuses the first one that is not lenient as invalid input. Problems
 * name the header (only its leading name characters), never its value.
 */
public final class OtlpHeaders {
    public static final String ENV = "OTEL_EXPORTER_OTLP_HEADERS";
    private static final String SECRET_NOTE = "; the rest is not shown, it may be a secret";

    private OtlpHeaders() {
    }

    /** An {@code OTEL_EXPORTER_OTLP_HEADERS} value; {@code source} is what the headers say they came from. */
    public static ParsedHeaders parseList(String value, String source) {
        Parsed parsed = new Parsed();
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            if (!entries[i].isBlank()) {
                parseEntry(entries[i], " (entry " + (i + 1) + ")", "entry " + (i + 1), true, source, parsed);
            }
        }
        return parsed.result();
    }

    /** One {@code -H name=value} option: the value is sent as written. */
    public static ParsedHeaders parseOption(String option) {
        Parsed parsed = new Parsed();
        parseEntry(option, "", "a header", false, "-H", parsed);
        return parsed.result();
    }

    /**
     * The headers {@code check} sends: {@code OTEL_EXPORTER_OTLP_HEADERS}, then the {@code -H} options, which
     * replace an environment header of the same name. A problem other than a lenient one is invalid input,
     * one line naming the setting.
     */
    public static List<Header> resolve(Map<String, String> env, List<String> options) {
        Map<String, Header> byName = new LinkedHashMap<>();
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            usable(parseList(fromEnv, "env " + ENV), "env " + ENV).forEach(h -> byName.put(h.name(), h));
        }
        for (String option : options) {
            usable(parseOption(option), "-H").forEach(h -> byName.put(h.name(), h));
        }
        return List.copyOf(byName.values());
    }

    private static List<Header> usable(ParsedHeaders parsed, String source) {
        parsed.problems().stream().filter(p -> !p.lenient()).findFirst().ifPresent(p -> {
            throw new InvalidInputException(source + ": " + p.message());
        });
        return parsed.headers();
    }

    /**
     * @param position {@code " (entry 2)"} in a list, {@code ""} for an option
     * @param anonymous how an entry is named when it shows no name
     */
    private static void parseEntry(String entry, String position, String anonymous, boolean urlEncoded,
                                   String source, Parsed parsed) {
        int eq = entry.indexOf('=');
        String name = (eq < 0 ? entry : entry.substring(0, eq)).trim();
        // The text before '=' is not known to be a name until it is one: 'Authorization: Bearer s3cr3t' (curl's
        // syntax) has no '=', and 'Authorization: Basic dXNlcjpwYXNz=' has one inside the token. Only the
        // leading name characters are ever shown.
        String shown = leadingName(name);
        boolean curl = !shown.isEmpty() && name.startsWith(":", shown.length());
        if (curl) {
            parsed.names.add(shown);
            parsed.fail("header '" + shown.toLowerCase(Locale.ROOT) + "'" + position + " is written 'name: value'"
                    + " (curl's syntax); write name=value, e.g. " + shown.toLowerCase(Locale.ROOT) + "=<value>"
                    + (urlEncoded ? " (URL-encoded)" : "") + SECRET_NOTE);
            return;
        }
        if (eq < 0) {
            // a bare word may be the token itself: nothing of it is shown
            parsed.fail(anonymous + " has no '=' (expected name=value)");
            return;
        }
        if (name.isEmpty()) {
            parsed.fail(anonymous + " has an empty name (expected name=value)");
            return;
        }
        if (!name.chars().allMatch(OtlpHeaders::isTokenChar)) {
            parsed.names.add(shown.isEmpty() ? anonymous : shown);
            parsed.fail("header name '" + shown + "…'" + position + " has characters a header name cannot have"
                    + SECRET_NOTE);
            return;
        }
        parsed.names.add(name);
        String lower = name.toLowerCase(Locale.ROOT);
        String which = "header '" + lower + "'" + position;
        String value = entry.substring(eq + 1).trim();
        int before = parsed.problems.size();
        if (value.isEmpty()) {
            parsed.fail(which + " has an empty value" + (urlEncoded ? " (SDKs such as Java's refuse the whole setting)" : ""));
        }
        if (urlEncoded) {
            if (!validEscapes(value)) {
                parsed.fail(which + " has a '%' that does not start a %XX escape (write %25 for a literal '%')");
            } else {
                if (value.indexOf(' ') >= 0) {
                    parsed.problems.add(new HeaderProblem(which + " has an unencoded space in its value (write %20)", true));
                }
                // URLDecoder also turns '+' into a space, which the specification's percent-encoding does not.
                value = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
            }
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            parsed.fail("the value of " + which + " holds control characters");
        }
        if (parsed.problems.stream().skip(before).allMatch(HeaderProblem::lenient)) {
            parsed.headers.put(lower, new Header(lower, value, source));
        }
    }

    private static boolean validEscapes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '%' && (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                    || Character.digit(value.charAt(i + 2), 16) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** The header-name characters at the start of {@code text}, at most 64 of them. */
    static String leadingName(String text) {
        int end = 0;
        while (end < text.length() && end < 64 && isTokenChar(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    /** RFC 9110 {@code tchar}: visible ASCII except the separators. */
    private static boolean isTokenChar(int c) {
        return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }

    private static final class Parsed {
        private final Map<String, Header> headers = new LinkedHashMap<>();
        private final List<String> names = new ArrayList<>();
        private final List<HeaderProblem> problems = new ArrayList<>();

        void fail(String message) {
            problems.add(new HeaderProblem(message, false));
        }

        ParsedHeaders result() {
            return new ParsedHeaders(List.copyOf(headers.values()), names, problems);
        }
    }
}
