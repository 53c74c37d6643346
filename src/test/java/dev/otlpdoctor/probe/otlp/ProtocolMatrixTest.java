package dev.otlpdoctor.probe.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.FakeHttpCollector;
import dev.otlpdoctor.testing.Findings;
import dev.otlpdoctor.testing.TestCertificates;
import dev.otlpdoctor.testing.TestCertificates.Server;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classic mistakes as a matrix: client settings (gRPC, HTTP protobuf/JSON; plaintext or TLS) against
 * each server (the gRPC port, the HTTP port; plaintext or TLS), each cell mapped to the code a user must see.
 */
class ProtocolMatrixTest {
    private static FakeGrpcCollector grpc;
    private static FakeHttpCollector http;
    private static FakeGrpcCollector grpcTls;
    private static FakeHttpCollector httpTls;

    @BeforeAll
    static void startServers() throws Exception {
        grpc = FakeGrpcCollector.start();
        http = FakeHttpCollector.start();
        grpcTls = FakeGrpcCollector.builder().tls(Server.VALID).start();
        httpTls = FakeHttpCollector.builder().tls(Server.VALID).start();
    }

    @AfterAll
    static void stopServers() {
        Stream.of(grpc, grpcTls).forEach(FakeGrpcCollector::close);
        Stream.of(http, httpTls).forEach(FakeHttpCollector::close);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        // server, client scheme, --protocol, expected diagnosis (null = healthy)
        cells.add(Arguments.of("grpc", "http", "grpc", null));
        cells.add(Arguments.of("grpc", "http", "http/protobuf", "protocol.mismatch"));
        cells.add(Arguments.of("grpc", "http", "http/json", "protocol.mismatch"));
        cells.add(Arguments.of("http", "http", "grpc", "protocol.mismatch"));
        cells.add(Arguments.of("http", "http", "http/protobuf", null));
        cells.add(Arguments.of("http", "http", "http/json", null));
        cells.add(Arguments.of("grpc-tls", "https", "grpc", null));
        cells.add(Arguments.of("grpc-tls", "https", "http/protobuf", "protocol.mismatch"));
        cells.add(Arguments.of("http-tls", "https", "grpc", "protocol.mismatch"));
        cells.add(Arguments.of("http-tls", "https", "http/protobuf", null));
        cells.add(Arguments.of("grpc-tls", "http", "grpc", "tls.mismatch"));
        cells.add(Arguments.of("http-tls", "http", "http/protobuf", "tls.mismatch"));
        cells.add(Arguments.of("grpc", "https", "grpc", "tls.mismatch"));
        cells.add(Arguments.of("http", "https", "http/json", "tls.mismatch"));
        return cells.stream();
    }

    @Test
    void withoutAnyExpectationTheProtocolThatAnswersOverTlsIsUsedAndTheOtherIsSkipped() {
        CliDriver.Result result = CliDriver.create().run("check", "https://localhost:" + grpcTls.port(),
                "--ca-cert", TestCertificates.caPem().toString(), "-o", "json");
        Findings findings = Findings.of(result);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(findings.codes()).as(result.toString()).contains("protocol:protocol.identified", "http:probe.skipped");
        assertThat(findings.withCode("otlp.ok")).hasSize(3);
    }

    @ParameterizedTest(name = "{1} client with --protocol {2} on the {0} port: {3}")
    @MethodSource("matrix")
    void eachClassicMistakeHasItsCode(String server, String scheme, String protocol, String expected) {
        int port = switch (server) {
            case "grpc" -> grpc.port();
            case "http" -> http.port();
            case "grpc-tls" -> grpcTls.port();
            default -> httpTls.port();
        };
        CliDriver.Result result = CliDriver.create().run("check", scheme + "://localhost:" + port, "--protocol", protocol,
                "--ca-cert", TestCertificates.caPem().toString(), "-o", "json");
        Findings findings = Findings.of(result);
        assertThat(findings.diagnosisCode()).as(result.toString()).isEqualTo(expected);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(expected == null ? 0 : 1);
        if (expected == null) {
            assertThat(findings.withCode("otlp.ok")).as(result.toString()).hasSize(3);
        }
    }
}
