package dev.otlpdoctor.probe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CollectorMatcherTest {

    private static ProcessInfo process(String... argv) {
        return new ProcessInfo(100, argv[0].substring(argv[0].lastIndexOf('/') + 1), List.of(argv), 0, Set.of(), true);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/otelcol-contrib --config /etc/otelcol-contrib/config.yaml | OpenTelemetry Collector Contrib",
        "/usr/bin/otelcol --config=/etc/otelcol/config.yaml | OpenTelemetry Collector (otelcol: core, Splunk or EDOT build)",
        "/otelcol-k8s --config=env:OTEL_CONFIG | OpenTelemetry Collector for Kubernetes",
        "./otelcol-custom --config c.yaml | OpenTelemetry Collector build 'otelcol-custom'",
        "/usr/local/bin/otelcol_linux_amd64 --config c.yaml | OpenTelemetry Collector build 'otelcol_linux_amd64'",
        "/awscollector --config=/etc/otel-config.yaml | AWS Distro for OpenTelemetry Collector",
        "/opt/aws/aws-otel-collector/bin/aws-otel-collector --config /opt/aws/c.yaml | AWS Distro for OpenTelemetry Collector",
        "/bin/alloy run /etc/alloy/config.alloy | Grafana Alloy",
        "/usr/share/elastic-agent/bin/elastic-agent otel --config otel.yml | Elastic Distribution of OpenTelemetry Collector (elastic-agent otel)",
        "/opt/acme/acme-collector --config /etc/acme.yaml | collector build 'acme-collector'",
    })
    void recognisesKnownDistributions(String commandLine, String distribution) {
        assertThat(CollectorMatcher.distribution(process(commandLine.split(" ")))).contains(distribution);
    }

    @ParameterizedTest
    @CsvSource({
        "/usr/bin/python3 -m http.server 4318",
        "/usr/share/elastic-agent/bin/elastic-agent run",
        "/bin/alloy fmt config.alloy",
        "/usr/sbin/collectord --foreground",
        "/usr/bin/java -jar app.jar --config otelcol.yaml",
    })
    void leavesOtherProgramsAlone(String commandLine) {
        assertThat(CollectorMatcher.distribution(process(commandLine.split(" ")))).isEmpty();
    }

    @Test
    void collectsEveryConfigValueInOrderWithItsScheme() {
        List<ConfigArgument> configs = CollectorMatcher.configs(process("/otelcol-contrib", "--config", "/etc/base.yaml",
                "--config=file:/etc/extra.yaml", "-config", "env:OTEL_CONFIG", "-config=yaml:processors::batch::timeout: 2s",
                "--config=https://example.test/c.yaml", "--feature-gates=-component.UseLocalHostAsDefaultHost"));
        assertThat(configs).extracting(ConfigArgument::scheme, ConfigArgument::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("file", "/etc/base.yaml"),
                org.assertj.core.groups.Tuple.tuple("file", "file:/etc/extra.yaml"),
                org.assertj.core.groups.Tuple.tuple("env", "env:OTEL_CONFIG"),
                org.assertj.core.groups.Tuple.tuple("yaml", "yaml:processors::batch::timeout: 2s"),
                org.assertj.core.groups.Tuple.tuple("https", "https://example.test/c.yaml"));
        assertThat(configs.get(1).filePath()).isEqualTo("/etc/extra.yaml");
        assertThat(configs.get(2).filePath()).isNull();
    }

    @Test
    void inlineYamlSecretsAreRedacted() {
        ConfigArgument inline = ConfigArgument.parse("yaml:exporters::otlp::headers::authorization: Bearer s3cr3t");
        assertThat(inline.value()).isEqualTo("yaml:exporters::otlp::headers::authorization: <redacted>");
        assertThat(Redaction.commandLine(List.of("/otelcol", "--config=yaml:extensions::bearertokenauth::token: s3cr3t",
                "--api-token", "s3cr3t", "--password=s3cr3t"))).doesNotContain("s3cr3t");
    }

    @Test
    void alloyConfigIsThePathAfterRun() {
        assertThat(CollectorMatcher.configs(process("/bin/alloy", "run", "--server.http.listen-addr=0.0.0.0:12345",
                "--storage.path", "/var/lib/alloy/data", "/etc/alloy/config.alloy")))
                .extracting(ConfigArgument::value).containsExactly("/etc/alloy/config.alloy");
    }

    @Test
    void windowsPathsAreFilesNotSchemes() {
        assertThat(ConfigArgument.parse("C:\\otel\\config.yaml").scheme()).isEqualTo("file");
    }
}
