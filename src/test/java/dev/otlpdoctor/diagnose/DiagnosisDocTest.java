package dev.otlpdoctor.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/diagnosis.md is generated from the rules. Regenerate with
 * {@code ./mvnw test -Dtest=DiagnosisDocTest -Dotlpdoctor.updateDocs=true}.
 */
class DiagnosisDocTest {
    private static final Path DOC = Path.of("docs/diagnosis.md");

    @Test
    void diagnosisDocMatchesTheRules() throws IOException {
        String expected = DiagnosisDocs.markdown(Diagnoser.rules());
        if (Boolean.getBoolean("otlpdoctor.updateDocs")) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/diagnosis.md is out of date: run ./mvnw test -Dtest=DiagnosisDocTest -Dotlpdoctor.updateDocs=true")
                .isEqualTo(expected);
    }
}
