package dev.otlpdoctor.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.otlpdoctor.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the headers otlpdoctor sends: {@code OTEL_EXPORTER_OTLP_HEADERS} and {@code -H} options. Runs the
 * committed inputs in every build; {@code JAZZER_FUZZ=1} fuzzes it (docs/reliability.md).
 */
class OtlpHeadersFuzzTest {

    /**
     * The input as the environment variable and, line by line, as {@code -H} options: headers whose names
     * are lower-case tokens and whose values hold no control character, or a usage error (exit 2).
     */
    @FuzzTest(maxDuration = "30s")
    void resolve(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        check(() -> OtlpHeaders.resolve(Map.of(OtlpHeaders.ENV, text), List.of()));
        check(() -> OtlpHeaders.resolve(Map.of(), List.of(text.split("\n", -1))));
        parsed(OtlpHeaders.parseList(text, "env " + OtlpHeaders.ENV));
        for (String line : text.split("\n", -1)) {
            parsed(OtlpHeaders.parseOption(line));
        }
    }

    /** The parser never throws: headers as above, every name shown non-empty, every problem one line. */
    private static void parsed(ParsedHeaders parsed) {
        check(parsed::headers);
        assertThat(parsed.names()).allSatisfy(name -> assertThat(name).isNotEmpty());
        assertThat(parsed.problems()).allSatisfy(p -> assertThat(p.message()).isNotBlank().doesNotContain("\n"));
    }

    private static void check(java.util.function.Supplier<List<Header>> resolve) {
        try {
            for (Header header : resolve.get()) {
                assertThat(header.name()).isNotEmpty().isLowerCase()
                        .doesNotContain("=", ":", ",", " ");
                assertThat(header.value().chars()).noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
            }
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
        }
    }
}
