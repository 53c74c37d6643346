package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.otlp.OtlpHeaders;
import dev.otlpdoctor.otlp.ParsedHeaders;
import dev.otlpdoctor.target.EnvSettings;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes what {@code otlpdoctor env} reads: the {@code OTEL_EXPORTER_OTLP_HEADERS} syntax check and dotenv
 * files. Runs the committed inputs in every build; {@code JAZZER_FUZZ=1} fuzzes one method
 * (docs/reliability.md).
 */
class EnvInputsFuzzTest {

    /** The syntax check never throws: every malformed entry is a problem phrase, and every name is non-empty. */
    @FuzzTest(maxDuration = "30s")
    void headerList(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        ParsedHeaders headers = OtlpHeaders.parseList(text, "env " + OtlpHeaders.ENV);
        assertThat(headers.names()).allSatisfy(name -> assertThat(name).isNotEmpty());
        assertThat(headers.names().size() + headers.problems().size()).isLessThanOrEqualTo(4 * (text.length() + 1));
        assertThat(!headers.problems().isEmpty() && headers.onlyLenientProblems()).isEqualTo(!headers.problems().isEmpty()
                && headers.problems().stream().allMatch(p -> p.message().contains("unencoded space")));
    }

    /**
     * A dotenv file: settings, each from a line of the file, or a usage error (exit 2) naming the line,
     * never the value.
     */
    @FuzzTest(maxDuration = "30s")
    void dotenv(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            EnvSettings settings = DotenvFile.parse(text, "app.env");
            assertThat(settings.all()).allSatisfy(s -> assertThat(s.source().name()).startsWith("app.env:"));
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            assertThat(e.getMessage()).startsWith("app.env:");
        }
    }
}
