package dev.otlpdoctor.probe.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.probe.ProbeContext;
import dev.otlpdoctor.probe.ProbeSettings;
import dev.otlpdoctor.target.Protocol;
import dev.otlpdoctor.testing.ProbeHarness;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CollectorUrlsTest {

    @Test
    void defaultsUseTheTargetHostWithIpv6InBrackets() {
        ProbeContext context = context("[::1]:4317", new ProbeSettings(Protocol.AUTO));
        assertThat(CollectorUrls.health(context)).hasToString("http://[::1]:13133/");
        assertThat(CollectorUrls.metrics(context)).hasToString("http://[::1]:8888/metrics");
    }

    @Test
    void givenUrlsWinAndTheirPasswordsAreNotShown() {
        URI metrics = URI.create("https://user:s3cret@metrics.example:9443/internal/metrics?x=1");
        ProbeContext context = context("collector:4317",
                ProbeSettings.builder().metricsUrl(metrics).build());
        assertThat(CollectorUrls.metrics(context)).isEqualTo(metrics);
        assertThat(CollectorUrls.shown(metrics)).isEqualTo("https://metrics.example:9443/internal/metrics")
                .doesNotContain("s3cret");
    }

    private static ProbeContext context(String target, ProbeSettings settings) {
        return ProbeHarness.context(target, settings, Duration.ofSeconds(1));
    }
}
