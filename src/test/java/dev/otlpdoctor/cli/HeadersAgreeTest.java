package dev.otlpdoctor.cli;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeHttpCollector;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Regression (issue 15): {@code check} and {@code env} read {@code OTEL_EXPORTER_OTLP_HEADERS} with one parser.
 * Before, check sent an empty header value that env called invalid; now both refuse it (check: one line,
 * exit 2; env: {@code env.headers-invalid}). A raw space, which many SDKs accept, is sent by check and a
 * warning in env. No value is ever printed.
 */
class HeadersAgreeTest {

    @Test
    void anEmptyValueIsInvalidForBoth() {
        CliDriver.Result check = CliDriver.create().env("OTEL_EXPORTER_OTLP_HEADERS", "authorization=s3cret,x-tenant=")
                .run("check", "127.0.0.1:1", "--no-local");
        assertThatRun(check).exitsWith(2).stderrIsOneErrorLine()
                .stderrContains("env OTEL_EXPORTER_OTLP_HEADERS: header 'x-tenant' (entry 2) has an empty value");
        CliDriver.Result option = CliDriver.create().run("check", "127.0.0.1:1", "--no-local", "-H", "x-tenant=");
        assertThatRun(option).exitsWith(2).stderrIsOneErrorLine().stderrContains("-H: header 'x-tenant' has an empty value");

        CliDriver.Result env = CliDriver.create().env("OTEL_EXPORTER_OTLP_HEADERS", "authorization=s3cret,x-tenant=")
                .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318").run("env", "-o", "json");
        JsonObject finding = assertThatRun(env).exitsWith(1).json().getAsJsonArray("findings").asList().stream()
                .map(f -> f.getAsJsonObject()).filter(f -> f.get("code").getAsString().equals("env.headers-invalid"))
                .findFirst().orElseThrow();
        assertThat(finding.get("severity").getAsString()).isEqualTo("fail");
        assertThat(finding.toString()).contains("header 'x-tenant' (entry 2) has an empty value");
        assertThat(check.err() + option.err() + env.out()).doesNotContain("s3cret");
    }

    @Test
    void aRawSpaceIsSentByCheckAndAWarningInEnv() throws IOException {
        try (FakeHttpCollector collector = FakeHttpCollector.builder().requireHeader("authorization", "Bearer s3cret").start()) {
            CliDriver.Result check = CliDriver.create().env("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer s3cret")
                    .run("check", "http://" + collector.address(), "--no-local", "--protocol", "http/protobuf");
            assertThatRun(check).exitsWith(0).stdoutContains("accepted");

            CliDriver.Result env = CliDriver.create().env("OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer s3cret")
                    .env("OTEL_EXPORTER_OTLP_ENDPOINT", "http://" + collector.address())
                    .env("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf").run("env", "--check");
            assertThatRun(env).exitsWith(0).stdoutContains("env.headers-invalid", "unencoded space", "traces, metrics, logs accepted over http/protobuf");
            assertThat(check.out() + check.err() + env.out() + env.err()).doesNotContain("s3cret");
        }
    }
}
