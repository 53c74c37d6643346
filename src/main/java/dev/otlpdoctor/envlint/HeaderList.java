package dev.otlpdoctor.envlint;

import java.util.ArrayList;
import java.util.List;

/**
 * The syntax of {@code OTEL_EXPORTER_OTLP_HEADERS}: comma-separated {@code key=value} pairs in the W3C
 * Baggage format, values URL-encoded. Only names and positions leave this class: values can be secrets.
 *
 * @param names the header names, in order
 * @param problems what is malformed, one phrase each, naming the entry by position and name (never its value)
 * @param onlyUnencodedSpaces whether every problem is a raw space in a value (accepted by many SDKs)
 */
public record HeaderList(List<String> names, List<String> problems, boolean onlyUnencodedSpaces) {
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    public static HeaderList parse(String value) {
        List<String> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int spaceProblems = 0;
        String[] entries = value.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String position = "entry " + (i + 1);
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                problems.add(position + " has no '=' (expected key=value)");
                continue;
            }
            String name = entry.substring(0, eq).trim();
            String headerValue = entry.substring(eq + 1).trim();
            if (name.isEmpty()) {
                problems.add(position + " has an empty name");
                continue;
            }
            if (!name.chars().allMatch(HeaderList::isTokenChar)) {
                // Text before '=' that is no name may hold the value: 'Authorization: Basic dXNlcjpwYXNz=' has
                // its '=' inside the token. Only the leading name characters are kept and shown.
                String shown = leadingName(name);
                boolean curl = !shown.isEmpty() && name.startsWith(":", shown.length());
                problems.add("header name '" + shown + "…' (" + position + ") " + (curl
                        ? "is written 'name: value'; write " + shown + "=<value> (URL-encoded)"
                        : "has characters a header name cannot have") + "; the rest is not shown, it may be a secret");
                name = shown.isEmpty() ? position : shown;
            }
            names.add(name);
            if (headerValue.isEmpty()) {
                problems.add("header '" + name + "' (" + position + ") has an empty value");
            }
            String escape = badEscape(headerValue);
            if (escape != null) {
                problems.add("header '" + name + "' (" + position + ") has " + escape);
            }
            if (headerValue.indexOf(' ') >= 0) {
                problems.add("header '" + name + "' (" + position + ") has an unencoded space in its value (write %20)");
                spaceProblems++;
            }
        }
        return new HeaderList(List.copyOf(names), List.copyOf(problems), !problems.isEmpty() && spaceProblems == problems.size());
    }

    private static String leadingName(String text) {
        int end = 0;
        while (end < text.length() && end < 64 && isTokenChar(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private static boolean isTokenChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_CHARS.indexOf(c) >= 0;
    }

    /** A '%' not followed by two hex digits, described without the value around it. */
    private static String badEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) == '%') {
                if (i + 2 >= value.length() || Character.digit(value.charAt(i + 1), 16) < 0
                        || Character.digit(value.charAt(i + 2), 16) < 0) {
                    return "a '%' that does not start a %XX escape (write %25 for a literal '%')";
                }
            }
        }
        return null;
    }
}
