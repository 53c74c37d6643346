package dev.otlpdoctor.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.lint.config.CollectorVersion;
import dev.otlpdoctor.lint.yaml.Located;
import dev.otlpdoctor.lint.yaml.Location;
import dev.otlpdoctor.report.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lints fixtures of src/test/resources/lint and places expected positions by searching the fixture text. */
final class Fixtures {
    static final Path DIR = Path.of("src/test/resources/lint");

    private Fixtures() {
    }

    static Path path(String name) {
        return DIR.resolve(name);
    }

    static LintResult lint(String... names) {
        return lint(Map.of(), CollectorVersion.LATEST, names);
    }

    static LintResult lint(Map<String, String> env, CollectorVersion version, String... names) {
        List<LintInput> inputs = new ArrayList<>();
        for (String name : names) {
            try {
                inputs.add(new LintInput(path(name).toString(), Files.readAllBytes(path(name))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Linter(env, version).lint(inputs);
    }

    static List<Finding> withCode(LintResult result, String code) {
        return result.findings().stream().filter(f -> f.code().equals(code)).toList();
    }

    static Finding only(LintResult result, String code) {
        List<Finding> found = withCode(result, code);
        assertThat(found).as("findings %s in %s", code, result.findings()).hasSize(1);
        return found.get(0);
    }

    /** The 1-based position of the {@code occurrence}-th (1-based) appearance of {@code text} in a fixture. */
    static Location positionOf(String name, String text, int occurrence) {
        try {
            String content = Files.readString(path(name));
            int index = -1;
            for (int i = 0; i < occurrence; i++) {
                index = content.indexOf(text, index + 1);
                assertThat(index).as("'%s' occurs %d times in %s", text, occurrence, name).isGreaterThanOrEqualTo(0);
            }
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < index; i++) {
                if (content.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Location(path(name).toString(), line, index - lineStart + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Location positionOf(String name, String text) {
        return positionOf(name, text, 1);
    }

    static Location location(Finding finding) {
        return Located.of(finding).orElseThrow(() -> new AssertionError("no location: " + finding));
    }
}
