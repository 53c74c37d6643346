package dev.otlpdoctor.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.yaml.Located;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fixture with one line removed, and with one line's indentation changed: lint must either report
 * findings or refuse the file as an input error (exit 2) — never fail with another exception (exit 3).
 */
class MutatedFixturesTest {

    @Test
    void brokenVariantsOfEveryFixtureAreFindingsOrInputErrors() throws IOException {
        List<Path> fixtures;
        try (Stream<Path> files = Files.walk(Fixtures.DIR)) {
            fixtures = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        int variants = 0;
        for (Path fixture : fixtures) {
            List<String> lines = Files.readAllLines(fixture, StandardCharsets.ISO_8859_1);
            if (lines.size() > 200) {
                continue;
            }
            for (int i = 0; i < lines.size(); i++) {
                List<String> removed = new ArrayList<>(lines);
                removed.remove(i);
                lintVariant(fixture + " without line " + (i + 1), removed);
                List<String> shifted = new ArrayList<>(lines);
                shifted.set(i, "  " + lines.get(i));
                lintVariant(fixture + " with line " + (i + 1) + " indented", shifted);
                variants += 2;
            }
        }
        assertThat(variants).isGreaterThan(500);
    }

    private static void lintVariant(String name, List<String> lines) {
        byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        try {
            LintResult result = new Linter(Map.of(), CollectorVersion.LATEST).lint(List.of(new LintInput(name, bytes)));
            assertThat(result.findings()).as(name).allSatisfy(f -> assertThat(Located.of(f)).as(name + ": " + f).isPresent());
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).as(name + ": " + e.getMessage()).isNotBlank().doesNotContain("\n");
            assertThat(e.getMessage()).as(name).doesNotContain("\n");
        } catch (RuntimeException e) {
            throw new AssertionError(name + ": " + e, e);
        }
    }
}
