package dev.otlpdoctor.report.catalog;

import dev.otlpdoctor.report.CatalogEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every finding code otlpdoctor can report, in documentation order. Each area keeps its entries in its
 * own class; this is the one list of those areas. {@code docs/findings.md} is checked against it by a test
 * and {@code otlpdoctor explain} prints from it.
 */
public final class Catalog {
    private static final Map<String, CatalogEntry> ENTRIES = index(List.of(
            RunCodes.ALL,
            NetworkCodes.ALL,
            TlsCodes.ALL, ProtocolCodes.ALL, OtlpCodes.ALL));

    private Catalog() {
    }

    public static List<CatalogEntry> all() {
        return List.copyOf(ENTRIES.values());
    }

    public static Optional<CatalogEntry> find(String code) {
        return Optional.ofNullable(ENTRIES.get(code.trim().toLowerCase(Locale.ROOT)));
    }

    /** Codes that look like {@code input}: same prefix, containing it, or a few edits away. */
    public static List<String> closeMatches(String input) {
        String wanted = input.trim().toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (String code : ENTRIES.keySet()) {
            if (code.contains(wanted) || wanted.contains(code) || editDistance(code, wanted) <= 3
                    || code.startsWith(wanted.split("\\.")[0] + ".")) {
                matches.add(code);
            }
        }
        matches.sort(Comparator.comparingInt(code -> editDistance(code, wanted)));
        return matches.subList(0, Math.min(5, matches.size()));
    }

    private static Map<String, CatalogEntry> index(List<List<CatalogEntry>> areas) {
        Map<String, CatalogEntry> byCode = new LinkedHashMap<>();
        for (List<CatalogEntry> area : areas) {
            for (CatalogEntry entry : area) {
                if (byCode.putIfAbsent(entry.code(), entry) != null) {
                    throw new IllegalStateException("finding code defined twice: " + entry.code());
                }
            }
        }
        return Collections.unmodifiableMap(byCode);
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
