package dev.otlpdoctor.probe.tls;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.testing.CliDriver;
import dev.otlpdoctor.testing.FakeGrpcCollector;
import dev.otlpdoctor.testing.FakeHttpCollector;
import dev.otlpdoctor.testing.Findings;
import dev.otlpdoctor.testing.TestCertificates;
import dev.otlpdoctor.testing.TestCertificates.Server;
import org.junit.jupiter.api.Test;

/** The tls probe against loopback servers with the test certificates of src/test/resources/tls. */
class TlsProbeTest {
    private final CliDriver cli = CliDriver.create();
    private final String ca = TestCertificates.caPem().toString();

    @Test
    void trustedCertificateOverGrpcAndHttp() throws Exception {
        try (FakeGrpcCollector grpc = FakeGrpcCollector.builder().tls(Server.VALID).start();
             FakeHttpCollector http = FakeHttpCollector.builder().tls(Server.VALID).start()) {
            CliDriver.Result g = cli.run("check", "https://localhost:" + grpc.port(), "--protocol", "grpc",
                    "--ca-cert", ca, "-o", "json");
            assertThatRun(g).exitsWith(0);
            assertThat(Findings.of(g).codes()).contains("tls:tls.ok", "protocol:protocol.identified");
            assertThat(Findings.of(g).withCode("otlp.ok")).hasSize(3);

            CliDriver.Result h = cli.run("check", "https://127.0.0.1:" + http.port(), "--protocol", "http/protobuf",
                    "--ca-cert", ca, "-o", "json");
            assertThatRun(h).exitsWith(0);
            assertThat(Findings.of(h).withCode("otlp.ok")).hasSize(3);
        }
    }

    @Test
    void certificateProblemsHaveTheirOwnCodesAndTheRestIsStillProbed() throws Exception {
        assertCode(Server.EXPIRED, "tls.expired");
        assertCode(Server.WRONG_HOST, "tls.hostname-mismatch");
        assertCode(Server.UNTRUSTED, "tls.untrusted");
    }

    private void assertCode(Server certificate, String code) throws Exception {
        try (FakeGrpcCollector grpc = FakeGrpcCollector.builder().tls(certificate).start()) {
            CliDriver.Result result = cli.run("check", "https://localhost:" + grpc.port(), "--protocol", "grpc",
                    "--ca-cert", ca, "-o", "json");
            assertThatRun(result).exitsWith(1);
            Findings findings = Findings.of(result);
            assertThat(findings.diagnosisCode()).as(result.toString()).isEqualTo(code);
            assertThat(findings.withCode("otlp.ok")).as(result.toString()).hasSize(3);

            CliDriver.Result skipped = cli.run("check", "https://localhost:" + grpc.port(), "--protocol", "grpc",
                    "--ca-cert", ca, "--insecure-skip-verify", "-o", "json");
            assertThatRun(skipped).exitsWith(0);
            assertThat(Findings.of(skipped).withCode("tls.verification-skipped")).singleElement()
                    .satisfies(f -> assertThat(f.toString()).contains(code));
        }
    }

    @Test
    void jvmTrustStoreDoesNotTrustThePrivateCa() throws Exception {
        try (FakeHttpCollector http = FakeHttpCollector.builder().tls(Server.VALID).start()) {
            CliDriver.Result result = cli.run("check", "https://localhost:" + http.port(), "-o", "json");
            assertThat(Findings.of(result).diagnosisCode()).isEqualTo("tls.untrusted");
            assertThat(result.out()).contains("OTEL_EXPORTER_OTLP_CERTIFICATE");
        }
    }

    @Test
    void tlsOnOneSideOnlyIsAMismatchBothWays() throws Exception {
        try (FakeGrpcCollector tlsServer = FakeGrpcCollector.builder().tls(Server.VALID).start();
             FakeGrpcCollector plainServer = FakeGrpcCollector.start()) {
            CliDriver.Result plainClient = cli.run("check", "http://localhost:" + tlsServer.port(), "--protocol", "grpc",
                    "-o", "json");
            assertThat(Findings.of(plainClient).diagnosisCode()).isEqualTo("tls.mismatch");
            assertThat(Findings.of(plainClient).withCode("tls.mismatch").get(0).toString())
                    .contains("plaintext", "TLS");

            CliDriver.Result tlsClient = cli.run("check", "https://localhost:" + plainServer.port(), "--protocol", "grpc",
                    "-o", "json");
            assertThat(Findings.of(tlsClient).diagnosisCode()).isEqualTo("tls.mismatch");
            assertThat(Findings.of(tlsClient).withCode("otlp.ok")).hasSize(3);
        }
    }

    @Test
    void mutualTlsNeedsTheClientCertificate() throws Exception {
        try (FakeGrpcCollector grpc = FakeGrpcCollector.builder().tls(Server.VALID).requireClientCertificate().start()) {
            CliDriver.Result without = cli.run("check", "https://localhost:" + grpc.port(), "--protocol", "grpc",
                    "--ca-cert", ca, "-o", "json");
            assertThat(Findings.of(without).diagnosisCode()).as(without.toString()).isEqualTo("tls.client-cert-required");

            CliDriver.Result with = cli.run("check", "https://localhost:" + grpc.port(), "--protocol", "grpc",
                    "--ca-cert", ca, "--client-cert", TestCertificates.clientPem().toString(),
                    "--client-key", TestCertificates.clientKey().toString(), "-o", "json");
            assertThatRun(with).exitsWith(0);
        }
    }

    @Test
    void theSdkCertificateVariablesAreUsedWhenNoOptionIsGiven() throws Exception {
        try (FakeHttpCollector http = FakeHttpCollector.builder().tls(Server.VALID).start()) {
            CliDriver.Result result = CliDriver.create().env("OTEL_EXPORTER_OTLP_CERTIFICATE", ca)
                    .run("check", "https://localhost:" + http.port(), "-o", "json");
            assertThatRun(result).exitsWith(0);
            assertThat(Findings.of(result).withCode("tls.ok").get(0).toString())
                    .contains("env OTEL_EXPORTER_OTLP_CERTIFICATE");
        }
        assertThatRun(CliDriver.create().env("OTEL_EXPORTER_OTLP_CLIENT_KEY", "missing.key").run("check", "localhost:4317"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("env OTEL_EXPORTER_OTLP_CLIENT_KEY");
    }

    @Test
    void unreadableTlsFilesAreInputErrors() {
        assertThatRun(cli.run("check", "localhost:4317", "--ca-cert", "no/such/ca.pem"))
                .exitsWith(2).stderrIsOneErrorLine().stderrContains("--ca-cert", "no/such/ca.pem");
        assertThatRun(cli.run("check", "localhost:4317", "--client-cert", TestCertificates.clientPem().toString()))
                .exitsWith(2).stderrContains("--client-key");
        assertThatRun(cli.run("check", "localhost:4317", "--ca-cert", TestCertificates.clientKey().toString()))
                .exitsWith(2).stderrIsOneErrorLine();
    }
}
