package dev.otlpdoctor.report;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.HostileServer;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text a peer or a file controls reaches the terminal escaped: no ESC sequence, no forged line. Each case
 * plants an ESC sequence and a line break followed by a fake verdict in one channel.
 */
class TerminalInjectionTest {
    private static final String FORGED = "PASS  forged verdict";
    private static final String PAYLOAD = "\u001b[2J\u001b]0;owned\u0007\r\n" + FORGED + "\u202e";

    private static void assertPrintable(CliDriver.Result result) {
        String all = result.out() + result.err();
        assertThat(all).as(result.toString()).doesNotContain("\u001b", "\u0007", "\r", "\u202e");
        assertThat(all.lines()).as(result.toString()).noneMatch(l -> l.startsWith(FORGED));
        assertThat(all).contains("\\x1b[2J");
    }

    @Test
    void grpcMessageAndPartialSuccessMessageAreEscaped() throws Exception {
        try (FakeGrpcCollector collector = FakeGrpcCollector.builder()
                .fail(Signal.TRACES, Status.UNAVAILABLE.withDescription(PAYLOAD))
                .rejectSome(Signal.LOGS, 1, PAYLOAD)
                .start()) {
            for (String verbosity : new String[] {"--strict", "-v"}) {
                CliDriver.Result result = CliDriver.create().run("check", "--no-local", collector.address(),
                        "--protocol", "grpc", "--no-color", verbosity);
                assertThatRun(result).exitsWith(1);
                assertPrintable(result);
            }
        }
    }

    @Test
    void contentTypeAndRetryAfterAreEscaped() throws IOException {
        String response = "HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain" + "\u001b[2J\u001b]0;owned\u0007"
                + "\r\nRetry-After: 5\u001b[2J\u202e\r\nContent-Length: 4\r\n\r\nslow";
        try (HostileServer server = HostileServer.answering(response)) {
            CliDriver.Result result = CliDriver.create().run("check", "--no-local", "http://" + server.address(),
                    "--protocol", "http/protobuf", "--signals", "traces", "-v", "--no-color");
            assertThatRun(result).exitsWith(1);
            assertPrintable(result);
        }
    }

    @Test
    void lintAndEnvPrintFileTextEscaped(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: \"${"
                + "X\\e[2J\\r\\nPASS  forged verdict}\"\n");
        CliDriver.Result lint = CliDriver.create().run("lint", config.toString(), "-v", "--no-color");
        assertThat(lint.out() + lint.err()).doesNotContain("\u001b");
        assertThat((lint.out() + lint.err()).lines()).noneMatch(l -> l.startsWith(FORGED));

        Path env = dir.resolve("app.env");
        Files.writeString(env, "OTEL_EXPORTER_OTLP_PROTOCOL=\"grpc\\e[2J\\r\\n" + FORGED + "\"\n");
        CliDriver.Result envRun = CliDriver.create().run("env", "--env-file", env.toString(), "-v", "--no-color");
        assertThat(envRun.out() + envRun.err()).doesNotContain("\u001b", "\r");
        assertThat((envRun.out() + envRun.err()).lines()).noneMatch(l -> l.startsWith(FORGED));
    }
}
