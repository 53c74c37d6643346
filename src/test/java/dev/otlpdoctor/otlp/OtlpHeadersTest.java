package dev.otlpdoctor.otlp;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.testing.CliDriver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpHeadersTest {

    @Test
    void environmentValuesAreUrlDecodedAndOptionsWin() {
        List<Header> headers = OtlpHeaders.resolve(
                Map.of("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20abc+def, x-tenant = acme ,"),
                List.of("x-tenant=other"));
        assertThat(headers).extracting(Header::name).containsExactly("authorization", "x-tenant");
        assertThat(headers.get(0).value()).isEqualTo("Bearer abc+def");
        assertThat(headers.get(1).value()).isEqualTo("other");
        assertThat(headers.get(1).source()).isEqualTo("-H");
        assertThat(headers.toString()).doesNotContain("abc", "other");
    }

    @Test
    void badHeadersNameTheHeaderButNeverTheValue() {
        // Text without '=' may be a bare token: only its leading name characters are shown, and a
        // curl-style header names the header but never its value.
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of(), List.of("Authorization: Bearer s3cr3t")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("header 'authorization' is written 'name: value'")
                .message().doesNotContainIgnoringCase("s3cr3t").doesNotContainIgnoringCase("bearer");
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of(), List.of("Authorization: Basic dXNlcjpwYXNz=")))
                .isInstanceOf(InvalidInputException.class)
                .message().doesNotContain("dXNlcjpwYXNz").doesNotContainIgnoringCase("basic");
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of(), List.of("s3cr3t-token")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("a header has no '='")
                .message().doesNotContain("s3cr3t");
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of("OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cr3t%zz"), List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("api-key").hasMessageContaining("OTEL_EXPORTER_OTLP_HEADERS")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void badOptionsExitTwoWithOneLine() {
        CliDriver cli = CliDriver.create();
        assertThatRun(cli.run("check", "localhost:4317", "-H", "bad header=x")).exitsWith(2).stderrIsOneErrorLine();
        assertThatRun(cli.run("check", "localhost:4317", "--signals", "traces,profiles"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--signals", "profiles");
    }
}
