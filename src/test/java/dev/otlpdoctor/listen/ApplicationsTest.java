package dev.otlpdoctor.listen;

import static dev.otlpdoctor.testing.CliAssert.assertThatRun;
import static org.assertj.core.api.Assertions.assertThat;

import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.tally.Expectation;
import dev.otlpdoctor.listen.tally.Summary;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.listen.view.LiveView;
import dev.otlpdoctor.listen.view.SummaryJson;
import dev.otlpdoctor.listen.view.SummaryText;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.testing.CliDriver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Clients shown as applications: service, instance, SDK, protocol, compression, connections, resource, headers. */
class ApplicationsTest {
    private Tally tally;
    private OtlpServers listener;

    @BeforeEach
    void start() {
        tally = new Tally(0, Clock.systemUTC());
        listener = OtlpServers.start(ListenConfig.ephemeral(InetAddress.getLoopbackAddress()),
                new Recorder(tally, null), PortOwner.UNKNOWN);
    }

    @AfterEach
    void stop() {
        listener.close();
    }

    @Test
    void threeProcessesOverHttpAreThreeApplicationsNotOneClientPerConnection() {
        for (String instance : new String[] {"a", "b", "c"}) {
            for (int i = 0; i < 3; i++) {
                // a new exporter per round: new connections, as short-lived processes make
                send(resource("checkout", instance, "prod"), OtlpHttpSpanExporter.builder()
                        .setEndpoint("http://127.0.0.1:" + listener.httpPort() + "/v1/traces").build());
            }
        }
        Summary s = tally.snapshot();
        assertThat(s.applications()).hasSize(3).allSatisfy(a -> {
            assertThat(a.service()).isEqualTo("checkout");
            assertThat(a.sdk()).startsWith("Java SDK ");
            assertThat(a.protocols()).containsExactly("http/protobuf");
            assertThat(a.requests()).isEqualTo(3);
            assertThat(a.items()).containsEntry(Signal.TRACES, 3L);
            assertThat(a.connections()).isBetween(1, 3);
        });
        assertThat(s.applications()).extracting(Summary.Application::instanceId).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void verboseTextAndJsonShowResourceScopesAndHeaderNamesButNeverHeaderValues() {
        String secret = "Bearer s3cr3t-t0ken-value";
        send(resource("checkout", "i-1", "prod"), OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + listener.grpcPort()).setCompression("gzip")
                .addHeader("Authorization", secret).addHeader("x-tenant", "blue").build());
        Summary s = tally.snapshot();
        Summary.Application app = s.applications().get(0);
        assertThat(app.protocols()).containsExactly("grpc");
        assertThat(app.compressions()).containsExactly("gzip");
        assertThat(app.attributes()).containsEntry("deployment.environment.name", "prod")
                .containsEntry("service.version", "1.2.3").containsKey("telemetry.sdk.language");
        assertThat(app.scopes()).containsExactly("shop");
        assertThat(app.headers()).contains("authorization", "x-tenant");

        StringWriter text = new StringWriter();
        SummaryText.print(s, List.of(), true, new PrintWriter(text));
        assertThat(text.toString()).contains("applications", "checkout [instance i-1]  Java SDK ",
                "grpc, compression gzip, 1 connection, 1 requests, 1 spans",
                "resource: deployment.environment.name=prod", "service.version=1.2.3", "scopes: shop",
                "authorization (credential: present)", "x-tenant")
                .doesNotContain("s3cr3t", "blue");
        StringWriter quiet = new StringWriter();
        SummaryText.print(s, List.of(), false, new PrintWriter(quiet));
        assertThat(quiet.toString()).contains("checkout [instance i-1]").doesNotContain("resource:");

        String json = SummaryJson.of(s, listener.listening(), List.of(), false).toString();
        assertThat(json).contains("\"service\":\"checkout\"", "\"instanceId\":\"i-1\"", "\"protocols\":[\"grpc\"]",
                "\"compression\":[\"gzip\"]", "\"deployment.environment.name\":\"prod\"", "\"scopes\":[\"shop\"]",
                "\"credentialHeadersPresent\":[\"authorization\"]", "\"x-tenant\"")
                .doesNotContain("s3cr3t", "blue");
    }

    @Test
    void expectationsOnServiceResourceAndProtocolHoldFromRealExports() {
        send(resource("checkout", "i-1", "prod"), OtlpGrpcSpanExporter.builder()
                .setEndpoint("http://127.0.0.1:" + listener.grpcPort()).build());
        Summary s = tally.snapshot();
        assertThat(Expectation.parse("service=checkout").holds(s)).isTrue();
        assertThat(Expectation.parse("service=cart").holds(s)).isFalse();
        assertThat(Expectation.parse("resource.deployment.environment.name=prod").holds(s)).isTrue();
        assertThat(Expectation.parse("resource.deployment.environment.name=staging").holds(s)).isFalse();
        assertThat(Expectation.parse("protocol=grpc").holds(s)).isTrue();
        assertThat(Expectation.parse("protocol=http").holds(s)).isFalse();
    }

    @Test
    void otlpdoctorChecksOwnRequestsAreShownAsSuchNeverAsRejectionsOrWrongPorts() {
        assertThatRun(CliDriver.create().run("check", "127.0.0.1:" + listener.grpcPort(),
                "http://127.0.0.1:" + listener.httpPort(), "--no-local", "--timeout", "20s")).exitsWith(0);
        Summary s = tally.snapshot();
        assertThat(s.rejected()).isEmpty();
        assertThat(s.rejections()).isEmpty();
        assertThat(s.misdirections()).isEmpty();
        assertThat(s.probes()).singleElement().satisfies(p -> {
            assertThat(p.host()).isEqualTo("127.0.0.1");
            assertThat(p.requests()).isPositive();
        });
        StringWriter text = new StringWriter();
        SummaryText.print(s, List.of(), false, new PrintWriter(text));
        assertThat(text.toString()).contains("otlpdoctor check from 127.0.0.1: ")
                .doesNotContain("rejected", "wrong port or protocol");
        StringWriter live = new StringWriter();
        new LiveView(new PrintWriter(live), false, new Tally(0, Clock.systemUTC()).snapshot()).tick(s);
        assertThat(live.toString()).contains("otlpdoctor check from 127.0.0.1: ").doesNotContain("rejected", "wrong port");
    }

    private static Resource resource(String service, String instance, String environment) {
        return Resource.create(Attributes.builder().put(AttributeKey.stringKey("service.name"), service)
                .put(AttributeKey.stringKey("service.instance.id"), instance)
                .put(AttributeKey.stringKey("service.version"), "1.2.3")
                .put(AttributeKey.stringKey("deployment.environment.name"), environment).build())
                .merge(Resource.getDefault()).merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), service)));
    }

    private static void send(Resource resource, SpanExporter exporter) {
        SdkTracerProvider provider = SdkTracerProvider.builder().setResource(resource)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
        provider.get("shop").spanBuilder("GET /").startSpan().end();
        assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isSuccess()).isTrue();
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }
}
