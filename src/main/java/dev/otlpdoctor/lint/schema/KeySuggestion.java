package dev.otlpdoctor.lint.schema;

import dev.otlpdoctor.report.EditDistance;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The key or value a config most likely meant, for the "did you mean" of schema findings. */
final class KeySuggestion {
    private KeySuggestion() {
    }

    /**
     * The candidate a typo most likely meant: a few edits away relative to the word's length (two swapped
     * neighbours count as one edit), or one that starts with what was written or is its start
     * ({@code max_size_items} for {@code max_size}); the nearest wins. Numbers get no suggestion: 1.4 is not a
     * typo of 1.0.
     */
    static String closest(String written, List<String> candidates) {
        if (written.isEmpty() || written.matches("[-+0-9.]+")) {
            return null;
        }
        String lower = written.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, written.length() / 3));
        return candidates.stream()
                .filter(c -> !c.isEmpty())
                .filter(c -> {
                    String candidate = c.toLowerCase(Locale.ROOT);
                    return distance(lower, candidate) <= limit
                            || Math.min(lower.length(), candidate.length()) >= 2
                            && (candidate.startsWith(lower) || lower.startsWith(candidate));
                })
                .min(Comparator.comparingInt(c -> distance(lower, c.toLowerCase(Locale.ROOT))))
                .orElse(null);
    }

    private static int distance(String a, String b) {
        return swappedNeighbours(a, b) ? 1 : EditDistance.between(a, b);
    }

    /** {@code gprc} for {@code grpc}: the commonest typo, two edits for plain Levenshtein. */
    private static boolean swappedNeighbours(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int first = 0;
        while (first < a.length() && a.charAt(first) == b.charAt(first)) {
            first++;
        }
        return first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first)
                && a.substring(first + 2).equals(b.substring(first + 2));
    }

    /** A key that belongs one level down: {@code insecure} written next to {@code tls} instead of under it. */
    static String oneLevelDown(String key, SchemaNode schema) {
        for (Map.Entry<String, SchemaNode> p : schema.properties().entrySet()) {
            if (p.getValue().type() == SchemaNode.Type.OBJECT && p.getValue().properties().containsKey(key)) {
                return p.getKey() + "." + key;
            }
        }
        return null;
    }
}
