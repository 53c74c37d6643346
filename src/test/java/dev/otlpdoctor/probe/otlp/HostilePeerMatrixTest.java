package dev.otlpdoctor.probe.otlp;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.Findings;
import dev.otlpdoctor.testing.HostileServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-peer matrix (docs/reliability.md): each server misbehaves in one way; the check ends at its
 * deadline, prints valid JSON with a code that names what happened, and never a stack trace.
 * The exact time against {@code --timeout} is measured by bench/hostile-peers.sh (docs/reliability.md);
 * the bound here only catches a run that hangs, with room for a loaded machine.
 */
class HostilePeerMatrixTest {
    private static final long TIMEOUT_MS = 2_000;
    private static final long HANG_BOUND_MS = TIMEOUT_MS + 8_000;

    private interface ServerFactory {
        HostileServer start() throws IOException;
    }

    static Stream<Arguments> peers() {
        return Stream.of(
                Arguments.of("GOAWAY at once", (ServerFactory) HostileServer::goAwayAtOnce, "grpc",
                        "grpc:grpc.health-error", "GOAWAY"),
                Arguments.of("a byte every 20 ms", (ServerFactory) HostileServer::trickling, "grpc",
                        "protocol:protocol.unknown", "HTT"),
                Arguments.of("a byte every 20 ms (HTTP)", (ServerFactory) HostileServer::trickling, "http/protobuf",
                        "protocol:protocol.unknown", "HTT"),
                Arguments.of("TLS stalling mid-handshake", (ServerFactory) HostileServer::tlsStallingMidHandshake,
                        "grpc", "tls:tls.no-answer", "ClientHello"),
                Arguments.of("TLS stalling mid-handshake (--tls)", (ServerFactory) HostileServer::tlsStallingMidHandshake,
                        "grpc --tls", "tls:tls.no-answer", "ClientHello"),
                Arguments.of("a reset right after accept", (ServerFactory) HostileServer::resetting, "grpc",
                        "protocol:protocol.unknown", "connection"),
                Arguments.of("1 MB of response headers", (ServerFactory) HostileServer::hugeHeaders, "http/protobuf",
                        "http:otlp.rejected", "the request failed"),
                Arguments.of("a redirect to another host", (ServerFactory) HostileServer::redirectingElsewhere,
                        "http/protobuf", "http:otlp.rejected", "redirecting to http://other.invalid:4318/v1/traces (not followed)"),
                Arguments.of("a lying Content-Length", (ServerFactory) HostileServer::lyingContentLength,
                        "http/protobuf", "http:otlp.deadline", "no response"),
                Arguments.of("a 2 GiB gRPC length prefix", (ServerFactory) HostileServer::grpcHugeLengthPrefix, "grpc",
                        "grpc:otlp.rejected", "claims 2147483647 bytes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("peers")
    void endsAtTheDeadlineWithASpecificCode(String name, ServerFactory factory, String protocol, String code,
                                            String says) throws Exception {
        try (HostileServer server = factory.start()) {
            List<String> args = new ArrayList<>(List.of("check", "--no-local", server.address(), "--timeout",
                    TIMEOUT_MS + "ms", "-o", "json", "--protocol"));
            args.addAll(List.of(protocol.split(" ")));
            long start = System.nanoTime();
            CliDriver.Result result = CliDriver.create().run(args.toArray(String[]::new));
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.codes()).as(result.toString()).contains(code);
            String shown = findings.withCode(code.substring(code.indexOf(':') + 1)).toString();
            assertThat(shown).as(result.toString()).contains(says).doesNotContain("{answer}", "answered null",
                    "failed: null");
            assertThat(result.err()).isEmpty();
            assertThat(result.out()).doesNotContain("\tat ", "Exception");
            assertThat(elapsedMs).as("elapsed ms").isLessThan(HANG_BOUND_MS);
        }
    }

    @Test
    void aResetRightAfterAcceptIsNeverReadAsUnreachable() throws Exception {
        try (HostileServer server = HostileServer.resetting()) {
            for (int i = 0; i < 10; i++) {
                CliDriver.Result result = CliDriver.create().run("check", "--no-local", server.address(),
                        "--protocol", "grpc", "--timeout", "2s", "-o", "json");
                assertThat(Findings.of(result).codes()).as(result.toString())
                        .contains("tcp:tcp.open").doesNotContain("tcp:tcp.unreachable");
            }
        }
    }
}
