package dev.otlpdoctor.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.otlpdoctor.listen.tally.ExportRequest;
import dev.otlpdoctor.listen.tally.OtlpWire;
import dev.otlpdoctor.listen.tally.Tally;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Locale;
import java.util.Random;

/**
 * CPU time per span of what listen does with one 512-span trace export, measured on this thread's CPU
 * clock so that other work on the machine moves it little (docs/performance.md): decoding the message
 * with protobuf-java and counting it (what listen did before), counting it from the wire
 * ({@link OtlpWire}, what it does now), and adding it to the tally; and the bytes each allocates.
 *
 * <p>Arguments: [ROUNDS] (default 20000 requests per measurement, after as many for warm-up).
 */
public final class DecodeCost {
    private static final int SPANS = 512;

    private DecodeCost() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        byte[] bytes = request().toByteArray();
        Tally tally = new Tally(20, Clock.systemUTC());
        for (int pass = 0; pass < 2; pass++) {
            boolean report = pass == 1;
            measure(report, "protobuf-java decode + count", rounds, () -> {
                ExportTraceServiceRequest decoded = ExportTraceServiceRequest.newBuilder().mergeFrom(bytes).build();
                return ExportRequest.of(Signal.TRACES, decoded);
            });
            measure(report, "count from the wire (OtlpWire)", rounds, () -> OtlpWire.read(Signal.TRACES, bytes));
            ExportRequest counted = OtlpWire.read(Signal.TRACES, bytes);
            measure(report, "add to the tally", rounds, () -> {
                tally.accepted(Signal.TRACES, new dev.otlpdoctor.listen.tally.Arrival(Protocol.GRPC, "127.0.0.1:40000",
                        "OTel-OTLP-Exporter-Java/1.68.0", "none", java.util.List.of()), counted.items(), counted.resources());
                return counted;
            });
        }
        System.out.printf(Locale.ROOT, "request: %d spans, %d bytes%n", SPANS, bytes.length);
    }

    private interface Step {
        ExportRequest run() throws InvalidProtocolBufferException;
    }

    private static void measure(boolean report, String what, int rounds, Step step) throws InvalidProtocolBufferException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long items = 0;
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            items += step.run().items().size();
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
        if (report) {
            System.out.printf(Locale.ROOT, "%-32s %6.3f us CPU and %4d bytes allocated per span (%d spans)%n", what,
                    cpu / 1e3 / items, allocated / items, items);
        }
    }

    /** Shaped like the OpenTelemetry Java SDK's export of ListenLoad's spans. */
    private static ExportTraceServiceRequest request() {
        Random random = new Random(1);
        Resource resource = Resource.newBuilder()
                .addAttributes(attribute("service.name", "bench"))
                .addAttributes(attribute("telemetry.sdk.language", "java"))
                .addAttributes(attribute("telemetry.sdk.name", "opentelemetry"))
                .addAttributes(attribute("telemetry.sdk.version", "1.68.0")).build();
        ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(InstrumentationScope.newBuilder().setName("bench"));
        for (int i = 0; i < SPANS; i++) {
            byte[] traceId = new byte[16];
            byte[] spanId = new byte[8];
            random.nextBytes(traceId);
            random.nextBytes(spanId);
            long start = 1_700_000_000_000_000_000L + i;
            scope.addSpans(Span.newBuilder().setTraceId(ByteString.copyFrom(traceId)).setSpanId(ByteString.copyFrom(spanId))
                    .setName(i % 2 == 0 ? "GET /orders" : "SELECT orders").setKind(Span.SpanKind.SPAN_KIND_INTERNAL)
                    .setStartTimeUnixNano(start).setEndTimeUnixNano(start + 1000)
                    .addAttributes(attribute("http.request.method", "GET"))
                    .addAttributes(attribute("url.path", "/orders/" + i))
                    .addAttributes(KeyValue.newBuilder().setKey("http.response.status_code")
                            .setValue(AnyValue.newBuilder().setIntValue(200)))
                    .setStatus(Status.getDefaultInstance()).setFlags(0x100));
        }
        return ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(scope)).build();
    }

    private static KeyValue attribute(String key, String value) {
        return KeyValue.newBuilder().setKey(key).setValue(AnyValue.newBuilder().setStringValue(value)).build();
    }
}
