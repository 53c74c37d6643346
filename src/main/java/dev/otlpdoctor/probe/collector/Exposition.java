package dev.otlpdoctor.probe.collector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of the Prometheus text exposition format (version 0.0.4), parsed line by line. Lines that are not
 * valid samples are counted, not fatal: one odd line must not hide the collector's counters, and a page of
 * garbage is recognised by having no valid sample at all. Parsing stops after {@link #MAX_LINES} lines.
 *
 * @param samples the valid samples, in page order
 * @param lines how many lines were read
 * @param malformedLines lines that are neither comments, blank, nor valid samples
 * @param firstMalformed the first malformed line (shortened), or an empty string
 * @param lineCapReached whether parsing stopped at {@link #MAX_LINES}
 */
record Exposition(List<Sample> samples, int lines, int malformedLines, String firstMalformed, boolean lineCapReached) {
    /** A collector's own page has a few hundred to a few thousand lines; this leaves ample room. */
    static final int MAX_LINES = 100_000;

    /** One sample line: a metric name, its labels and its value. */
    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.getOrDefault(key, "");
        }
    }

    static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        int lines = 0;
        int malformed = 0;
        String firstMalformed = "";
        int start = 0;
        while (start < text.length()) {
            if (lines == MAX_LINES) {
                return new Exposition(samples, lines, malformed, firstMalformed, true);
            }
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            start = end + 1;
            lines++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Sample sample = new LineParser(line).sample();
            if (sample == null) {
                if (malformed++ == 0) {
                    firstMalformed = line.length() > 80 ? line.substring(0, 80) + "…" : line;
                }
            } else {
                samples.add(sample);
            }
        }
        return new Exposition(samples, lines, malformed, firstMalformed, false);
    }

    /** Parses one sample line; {@code null} when it is not one. */
    private static final class LineParser {
        private final String line;
        private int pos;

        LineParser(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name(true);
            if (name == null) {
                return null;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (peek() == '{' && !labels(labels)) {
                return null;
            }
            String[] rest = line.substring(pos).strip().split("[ \t]+");
            if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
                return null;
            }
            Double value = number(rest[0]);
            if (value == null || rest.length == 2 && !rest[1].matches("-?\\d+")) {
                return null;
            }
            return new Sample(name, labels, value);
        }

        private boolean labels(Map<String, String> labels) {
            pos++; // '{'
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    pos++;
                    return true;
                }
                String key = name(false);
                skipSpaces();
                if (key == null || peek() != '=') {
                    return false;
                }
                pos++;
                skipSpaces();
                String value = quoted();
                if (value == null) {
                    return false;
                }
                labels.put(key, value);
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    return false;
                }
            }
        }

        /** A metric name (colons allowed) or a label name. */
        private String name(boolean metric) {
            int begin = pos;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                boolean ok = c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || metric && c == ':'
                        || pos > begin && c >= '0' && c <= '9';
                if (!ok) {
                    break;
                }
                pos++;
            }
            return pos == begin ? null : line.substring(begin, pos);
        }

        private String quoted() {
            if (peek() != '"') {
                return null;
            }
            pos++;
            StringBuilder out = new StringBuilder();
            while (pos < line.length()) {
                char c = line.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c == '\\' && pos < line.length()) {
                    char escaped = line.charAt(pos++);
                    out.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    out.append(c);
                }
            }
            return null;
        }

        private static Double number(String text) {
            switch (text) {
                case "+Inf":
                case "Inf":
                    return Double.POSITIVE_INFINITY;
                case "-Inf":
                    return Double.NEGATIVE_INFINITY;
                case "NaN":
                    return Double.NaN;
                default:
                    if (!text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                        return null;
                    }
                    return Double.parseDouble(text);
            }
        }

        private void skipSpaces() {
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) {
                pos++;
            }
        }

        private char peek() {
            return pos < line.length() ? line.charAt(pos) : '\0';
        }
    }
}
