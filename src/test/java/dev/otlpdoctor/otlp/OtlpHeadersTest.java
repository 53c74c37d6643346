package dev.otlpdoctor.otlp;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.DoctorException;
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
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of(), List.of("no-equals-sign")))
                .isInstanceOf(DoctorException.class).hasMessageContaining("no-equals-sign");
        assertThatThrownBy(() -> OtlpHeaders.resolve(Map.of("OTEL_EXPORTER_OTLP_HEADERS", "api-key=s3cr3t%zz"), List.of()))
                .isInstanceOf(DoctorException.class)
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
