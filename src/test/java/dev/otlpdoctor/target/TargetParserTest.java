package dev.otlpdoctor.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.otlpdoctor.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetParserTest {
    private final TargetParser auto = new TargetParser(Protocol.AUTO, "--protocol");

    private Target parse(String input) {
        return auto.parse(input, Source.argument(1));
    }

    @Test
    void bareHostMeansBothStandardPorts() {
        Target t = parse("collector");
        assertThat(t.host()).isEqualTo("collector");
        assertThat(t.endpoints()).extracting(Endpoint::port, Endpoint::transport)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4317, Transport.GRPC),
                        org.assertj.core.groups.Tuple.tuple(4318, Transport.HTTP));
    }

    @Test
    void bareHostWithAProtocolMeansThatProtocolsPort() {
        Target t = new TargetParser(Protocol.HTTP_JSON, "--protocol").parse("collector", Source.argument(1));
        assertThat(t.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.port()).isEqualTo(4318);
            assertThat(e.transport()).isEqualTo(Transport.HTTP);
        });
    }

    @ParameterizedTest
    @CsvSource({
        "collector:4317, collector, 4317, GRPC, false, ''",
        "collector:4318, collector, 4318, HTTP, false, ''",
        "10.0.0.7:55680, 10.0.0.7, 55680, GRPC, false, ''",
        "otel-collector.monitoring.svc.cluster.local:4318, otel-collector.monitoring.svc.cluster.local, 4318, HTTP, false, ''",
        "'[::1]:4317', ::1, 4317, GRPC, false, ''",
        "'[fe80::1%eth0]:4318', fe80::1%eth0, 4318, HTTP, false, ''",
        "http://collector:4318, collector, 4318, HTTP, false, ''",
        "http://collector:4318/, collector, 4318, HTTP, false, ''",
        "http://collector:4318/otlp/, collector, 4318, HTTP, false, /otlp",
        "https://collector:4317, collector, 4317, GRPC, true, ''",
        "https://otel.example.com, otel.example.com, 443, UNKNOWN, true, ''",
        "http://collector, collector, 80, UNKNOWN, false, ''",
        "HTTP://Collector:9000/v1/traces, Collector, 9000, HTTP, false, /v1/traces",
        "'http://[::1]:4318/p?x=1', ::1, 4318, HTTP, false, /p",
        "collector:9999, collector, 9999, UNKNOWN, false, ''",
    })
    void parsesEveryTargetForm(String input, String host, int port, Transport transport, boolean tls, String path) {
        Target t = parse(input);
        assertThat(t.host()).isEqualTo(host);
        assertThat(t.endpoints()).singleElement().satisfies(e -> {
            assertThat(e.port()).isEqualTo(port);
            assertThat(e.transport()).isEqualTo(transport);
            assertThat(e.tls()).isEqualTo(tls);
            assertThat(e.basePath()).isEqualTo(path);
        });
    }

    @Test
    void bareIpv6LiteralMeansBothPorts() {
        Target t = parse("::1");
        assertThat(t.host()).isEqualTo("::1");
        assertThat(t.endpoints()).extracting(Endpoint::label).containsExactly("[::1]:4317", "[::1]:4318");
    }

    @Test
    void protocolFlagOverridesPortConvention() {
        Target t = new TargetParser(Protocol.GRPC, "--protocol").parse("collector:4318", Source.argument(1));
        assertThat(t.endpoints().get(0).transport()).isEqualTo(Transport.GRPC);
        assertThat(t.endpoints().get(0).transportReason()).isEqualTo("--protocol grpc");
    }

    @Test
    void passwordsInUrlsAreRedacted() {
        Target t = parse("https://user:s3cret@collector:4318/x");
        assertThat(t.input()).isEqualTo("https://***@collector:4318/x").doesNotContain("s3cret");
        assertThat(t.host()).isEqualTo("collector");
    }

    @Test
    void queryValuesAndFragmentsAreRedactedInTheTargetAndInErrors() {
        Target t = parse("https://collector:4318/v1?api_key=s3cret&tenant=acme#tok3n");
        assertThat(t.input()).isEqualTo("https://collector:4318/v1?api_key=***&tenant=***#***");
        assertThat(t.endpoints().get(0).basePath()).isEqualTo("/v1");
        assertThatThrownBy(() -> parse("collector:4317?api_key=s3cret")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("collector:4317?api_key=***").message().doesNotContain("s3cret");
        assertThatThrownBy(() -> parse("ftp://user:s3cret@collector/?k=s3cret")).isInstanceOf(InvalidInputException.class)
                .message().doesNotContain("s3cret");
        assertThatThrownBy(() -> parse("user:s3cret@collector:4317")).isInstanceOf(InvalidInputException.class)
                .message().doesNotContain("s3cret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|TARGET is empty: give a host, host:port or URL (e.g. collector:4317)",
        "collector:99999|TARGET 'collector:99999': port 99999 is out of range (1-65535)",
        "collector:0|TARGET 'collector:0': port 0 is out of range (1-65535)",
        "collector:abc|TARGET 'collector:abc': port 'abc' is not a number from 1 to 65535",
        "collector:|TARGET 'collector:': port '' is not a number from 1 to 65535",
        ":4317|TARGET ':4317': the host is missing",
        "grpc://collector:4317|TARGET 'grpc://collector:4317': unsupported scheme 'grpc' (use host:port, http://host:port or https://host:port)",
        "coll ector|TARGET 'coll ector': not a host, host:port or URL (a URL needs a scheme: http://coll ector)",
        "collector/v1/traces|TARGET 'collector/v1/traces': not a host, host:port or URL (a URL needs a scheme: http://collector/v1/traces)",
        "[::1:4317|TARGET '[::1:4317': missing ']' after the IPv6 address",
        "[::1]4317|TARGET '[::1]4317': expected ':port' after ']'",
        "[zz::1]:4317|TARGET '[zz::1]:4317': 'zz::1' is not a valid IPv6 address",
        "bad$host:4317|TARGET 'bad$host:4317': 'bad$host' is not a valid host name or address",
        "http://:4318|TARGET 'http://:4318': the host is missing",
    })
    void badTargetsAreUsageErrorsNamingTheInput(String input, String message) {
        assertThatThrownBy(() -> parse(input))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).doesNotContain("\n"))
                .hasMessage(message);
    }

    @Test
    void errorsFromEnvironmentNameTheVariable() {
        assertThatThrownBy(() -> auto.parse("collector:70000", Source.env("OTEL_EXPORTER_OTLP_ENDPOINT")))
                .hasMessage("OTEL_EXPORTER_OTLP_ENDPOINT 'collector:70000': port 70000 is out of range (1-65535)");
    }

    @Test
    void anInputWithANewlineIsShownEscapedInAOneLineMessage() {
        assertThatThrownBy(() -> new TargetParser(Protocol.AUTO, "--protocol").parse("[:1:\n14:]8", Source.argument(1)))
                .isInstanceOf(dev.otlpdoctor.InvalidInputException.class)
                .hasMessage("TARGET '[:1:\\n14:]8': expected ':port' after ']'");
        assertThatThrownBy(() -> new TargetParser(Protocol.AUTO, "--protocol").parse("collector:43\u000717",
                Source.argument(1))).hasMessageContaining("port '43\\x0717'").hasMessageNotContaining("\n");
    }
}
