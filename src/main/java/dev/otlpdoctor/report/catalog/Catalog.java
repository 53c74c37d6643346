package dev.otlpdoctor.report.catalog;

import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.EditDistance;
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
            TlsCodes.ALL,
            ProtocolCodes.ALL,
            OtlpCodes.ALL,
            LocalCodes.ALL,
            ConfigCodes.ALL,
            K8sCodes.ALL,
            K8sLiveCodes.ALL,
            EnvCodes.ALL,
            CollectorCodes.ALL,
            ServiceCodes.ALL));

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
            if (code.contains(wanted) || wanted.contains(code) || EditDistance.between(code, wanted) <= 3
                    || code.startsWith(wanted.split("\\.")[0] + ".")) {
                matches.add(code);
            }
        }
        matches.sort(Comparator.comparingInt(code -> EditDistance.between(code, wanted)));
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
}
