package dev.otlpdoctor.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.check.Checker;
import dev.otlpdoctor.report.CatalogEntry;
import dev.otlpdoctor.report.catalog.Catalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chain's table in docs/probes.md is generated from the probes' own metadata (id, scope, what each
 * needs, {@link Probe#info()}). This test fails when they differ; run
 * {@code ./mvnw test -Dtest=ProbesDocTest -Dotlpdoctor.updateDocs=true} to regenerate it.
 */
class ProbesDocTest {
    private static final Path DOC = Path.of("docs/probes.md");
    private static final String BEGIN = "<!-- generated from Checker.standardChain(): ProbesDocTest -->\n";
    private static final String END = "<!-- end of generated table -->\n";
    private static final Map<Scope, String> SCOPES = Map.of(Scope.TARGET, "target", Scope.ENDPOINT, "endpoint",
            Scope.TARGET_AFTER, "after target");

    private final List<Probe> chain = Checker.standardChain().probes();

    @Test
    void theChainTableIsGeneratedFromTheProbes() throws IOException {
        String page = Files.readString(DOC, StandardCharsets.UTF_8);
        int begin = page.indexOf(BEGIN);
        int end = page.indexOf(END);
        assertThat(begin).as("docs/probes.md has the generated table's markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String expected = page.substring(0, begin + BEGIN.length()) + table() + page.substring(end);
        if (Boolean.getBoolean("otlpdoctor.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/probes.md is out of date: run ./mvnw test -Dtest=ProbesDocTest -Dotlpdoctor.updateDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyProbeIsDocumentedWithCodesOfTheCatalog() {
        List<String> known = Catalog.all().stream().map(CatalogEntry::code).toList();
        for (Probe probe : chain) {
            assertThat(probe.info().observes()).as(probe.id() + " says what it observes").isNotBlank();
            for (String code : probe.info().codes()) {
                String family = code.endsWith(".*") ? code.substring(0, code.length() - 1) : null;
                assertThat(known).as(probe.id() + " lists " + code)
                        .anyMatch(c -> family == null ? c.equals(code) : c.startsWith(family));
            }
        }
    }

    @Test
    void whatAProbeNeedsRunsBeforeItInTheChain() {
        for (int i = 0; i < chain.size(); i++) {
            for (Class<? extends Probe> needed : chain.get(i).info().needs()) {
                assertThat(chain.subList(0, i)).as(chain.get(i).id() + " needs " + needed.getSimpleName())
                        .anyMatch(needed::isInstance);
            }
        }
    }

    private String table() {
        StringBuilder out = new StringBuilder("| # | probe | scope | needs | observes | codes |\n"
                + "| --- | --- | --- | --- | --- | --- |\n");
        for (int i = 0; i < chain.size(); i++) {
            Probe probe = chain.get(i);
            String needs = probe.info().needs().stream().map(this::idOf).map(id -> "`" + id + "`")
                    .collect(Collectors.joining(", "));
            String codes = probe.info().codes().stream().map(c -> "`" + c + "`").collect(Collectors.joining(", "));
            out.append("| ").append(i + 1).append(" | `").append(probe.id()).append("` | ")
                    .append(SCOPES.get(probe.scope())).append(" | ").append(needs.isEmpty() ? "—" : needs)
                    .append(" | ").append(probe.info().observes()).append(" | ").append(codes.isEmpty() ? "—" : codes)
                    .append(" |\n");
        }
        return out.toString();
    }

    private String idOf(Class<? extends Probe> type) {
        return chain.stream().filter(type::isInstance).findFirst().map(Probe::id).orElse(type.getSimpleName());
    }
}
