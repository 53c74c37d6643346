package dev.otlpdoctor.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.Finding;
import dev.otlpdoctor.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic configs (src/test/resources/lint/schema: the collector's example and testdata settings, a
 * Helm-style agent, the seed's production config) with one mistake injected per row of mutations.tsv:
 * each row names the finding code, severity, the exact place (line and column) and the suggestion expected;
 * rows with code "-" are valid variants that must give no schema finding at all.
 */
class SchemaMutationsTest {
    private static final Path TABLE = Fixtures.DIR.resolve("schema/mutations.tsv");
    private static final Set<String> SCHEMA_CODES = Set.of("config.invalid-key", "config.wrong-type",
            "config.duration-unit", "config.enum-value", "config.required-missing", "config.invalid-value");

    record Mutation(String fixture, String find, String replace, String code, String severity, String anchor,
                    String suggestion) {
        @Override
        public String toString() {
            return fixture + ": " + replace.replace("\n", "⏎").strip() + " → " + code;
        }
    }

    static Stream<Arguments> mutations() throws IOException {
        return Files.readAllLines(TABLE, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(c -> Arguments.of(new Mutation(c[0], unescape(c[1]), unescape(c[2]), c[3], c[4], unescape(c[5]), c[6])));
    }

    private static String unescape(String cell) {
        return cell.replace("\\n", "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void injectedMistakeIsFoundAtItsPlace(Mutation m) throws IOException {
        Path path = Fixtures.DIR.resolve("schema").resolve(m.fixture()).normalize();
        String original = Files.readString(path);
        int at = original.indexOf(m.find());
        assertThat(at).as("'%s' in %s", m.find(), m.fixture()).isNotNegative();
        assertThat(original.indexOf(m.find(), at + 1)).as("'%s' occurs once in %s", m.find(), m.fixture()).isNegative();
        String mutated = original.substring(0, at) + m.replace() + original.substring(at + m.find().length());

        String name = m.fixture();
        LintResult result = new Linter(Map.of(), CollectorVersion.LATEST)
                .lint(List.of(new LintInput(name, mutated.getBytes(StandardCharsets.UTF_8))));
        List<Finding> schemaFindings = result.findings().stream().filter(f -> SCHEMA_CODES.contains(f.code())).toList();
        if (m.code().equals("-")) {
            assertThat(schemaFindings).as("valid variant").isEmpty();
            return;
        }
        int index = m.anchor().startsWith("@") ? mutated.indexOf(m.anchor().substring(1))
                : at + m.replace().indexOf(m.anchor());
        assertThat(index).as("anchor '%s'", m.anchor()).isNotNegative();
        Location expected = position(name, mutated, index);
        List<Finding> atPlace = schemaFindings.stream()
                .filter(f -> f.code().equals(m.code()) && Located.of(f).orElseThrow().equals(expected)).toList();
        assertThat(atPlace).as("%s at %s among %s", m.code(), expected, schemaFindings).hasSize(1);
        Finding finding = atPlace.get(0);
        assertThat(finding.severity()).isEqualTo(Severity.valueOf(m.severity().toUpperCase()));
        assertThat(finding.evidence().get("suggestion")).isEqualTo(m.suggestion().equals("-") ? null : m.suggestion());
        if (!m.suggestion().equals("-")) {
            assertThat(finding.title()).contains("did you mean '" + m.suggestion() + "'");
        }
        assertThat(finding.detail()).isNotBlank();
        assertThat(finding.remediation()).isNotEmpty();
    }

    private static Location position(String name, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(name, line, index - lineStart + 1);
    }
}
