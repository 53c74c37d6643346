package dev.otlpdoctor.probe.local.service;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from a collector log line before it becomes evidence. Collector errors quote what they
 * failed on: an exporter's URL (which may carry {@code user:password@} or {@code ?api_key=}), a header
 * map ({@code Authorization: Bearer …}), or a component config with a {@code token} field. Each rule keeps
 * the shape of the line (what the key was, where the URL pointed) and replaces only the value. Terminal
 * control sequences (a collector logging in colour, or a hostile line) are removed too, so a log line
 * printed in a report cannot move the cursor or recolour the terminal.
 */
public final class LogRedactor {
    static final String REDACTED = "<redacted>";

    /** Keys whose value is a secret, in any of the forms a log line writes them. */
    private static final String SECRET_KEY = "(?:[A-Za-z0-9_.-]*(?:authorization|token|password|passwd|secret|"
            + "api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|cookie|signature|session[_-]?id|"
            + "x-[a-z0-9-]*-key)[A-Za-z0-9_-]*)";

    private static final List<Rule> RULES = List.of(
            // scheme://user:password@host — keep the user, never the password
            new Rule(Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@\"']*):[^@\\s/\"']*@"), "$1:" + REDACTED + "@"),
            // Bearer/Basic/… credentials wherever they stand (a header value printed on its own)
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic|Digest|Token|ApiKey|Api-Key|SSWS|GenieKey)\\s+[A-Za-z0-9._~+/=:-]{4,}"),
                    "$1 " + REDACTED),
            // "key": "value" and 'key': 'value' (zap JSON fields, Go %q output)
            new Rule(Pattern.compile("(?i)([\"']" + SECRET_KEY + "[\"']\\s*:\\s*)(\\[?\\s*)([\"'])(?:\\\\.|(?!\\3).)*\\3"),
                    "$1$2$3" + REDACTED + "$3"),
            // key=value, key: value, map[key:[value]] (Go's %v of a map), query parameters
            new Rule(Pattern.compile("(?i)(" + SECRET_KEY + "\\s*(?:=|:)\\s*\\[?)(?!" + Pattern.quote(REDACTED)
                    + ")(?!Bearer |Basic )[^\\s,;&\"'\\]}]+"), "$1" + REDACTED));

    /** ESC sequences (CSI and OSC) first, then any other control character except tab. */
    private static final Pattern CONTROL = Pattern.compile("\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?|[\\p{Cc}&&[^\t]]");

    private LogRedactor() {
    }

    /** The line with every secret-looking value replaced by {@value #REDACTED}, without control characters. */
    public static String redact(String line) {
        if (line == null) {
            return null;
        }
        String out = CONTROL.matcher(line).replaceAll("");
        for (Rule rule : RULES) {
            out = rule.apply(out);
        }
        return out;
    }

    private record Rule(Pattern pattern, String replacement) {
        String apply(String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.replaceAll(replacement) : text;
        }
    }
}
