package dev.otlpdoctor.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.otlpdoctor.InvalidInputException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the TARGET parser (arguments, {@code OTEL_EXPORTER_OTLP_*ENDPOINT}, targets files). Runs the
 * committed inputs in every build; {@code JAZZER_FUZZ=1} fuzzes it (docs/reliability.md).
 */
class TargetParserFuzzTest {
    /**
     * Any text, under every protocol: a Target with ports in range, or a usage error (exit 2). The error
     * quotes the input (redacted) once or twice, never more: its size follows the input's. Line breaks in it
     * are escaped where it is printed (cli/Main), not here.
     */
    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (Protocol protocol : Protocol.values()) {
            TargetParser parser = new TargetParser(protocol, "--protocol");
            try {
                Target target = parser.parse(text, Source.argument(1));
                assertThat(target.endpoints()).isNotEmpty().allSatisfy(e -> {
                    assertThat(e.port()).isBetween(1, 65535);
                    assertThat(e.host()).isNotEmpty();
                });
            } catch (InvalidInputException e) {
                assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
                // Bounded by the input: quoted at most twice, each character escaped in at most 6 characters
                // (\\x00, \\u202e).
                assertThat(e.getMessage().length()).isLessThan(12 * text.length() + 300);
            }
        }
    }
}
