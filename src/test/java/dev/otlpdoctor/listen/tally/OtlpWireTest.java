package dev.otlpdoctor.listen.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.otlpdoctor.otlp.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Counting from the wire ({@link OtlpWire}) gives what decoding the message and counting it
 * ({@link OtlpItems}) gives, and refuses exactly the bytes protobuf-java refuses: on generated requests
 * of every signal, on mutations of them (flipped, cut, inserted and duplicated bytes, which make
 * repeated and merged fields, wrong wire types, bad UTF-8 and groups), and on hostile nesting.
 */
class OtlpWireTest {
    private static final String[] NAMES = {"GET /orders", "", "SELECT", "ünïcødé", "a\u001b[2Jb", "x".repeat(300)};

    @Test
    void generatedRequestsCountAsTheDecodedMessage() {
        Random random = new Random(18);
        for (int i = 0; i < 300; i++) {
            for (Signal signal : Signal.values()) {
                byte[] bytes = request(signal, random).toByteArray();
                ExportRequest counted = assertSameAsProtobuf(signal, bytes);
                assertThat(counted).as("a generated request decodes").isNotNull();
            }
        }
    }

    @Test
    void mutatedRequestsAreRefusedOrCountedExactlyAsProtobufDoes() {
        Random random = new Random(15);
        int refused = 0;
        int accepted = 0;
        for (int i = 0; i < 2000; i++) {
            Signal signal = Signal.values()[i % 3];
            byte[] bytes = mutate(request(signal, random).toByteArray(), random);
            if (assertSameAsProtobuf(signal, bytes) == null) {
                refused++;
            } else {
                accepted++;
            }
        }
        // Both outcomes occur often, so both paths were compared.
        assertThat(refused).isGreaterThan(200);
        assertThat(accepted).isGreaterThan(200);
    }

    @Test
    void nestingIsLimitedAsProtobufLimitsIt() {
        for (int depth : new int[] {90, 95, 96, 97, 98, 99, 100, 101, 150}) {
            AnyValue value = AnyValue.newBuilder().setStringValue("leaf").build();
            for (int i = 0; i < depth; i++) {
                value = AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(value)).build();
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.newBuilder().addResourceSpans(
                    ResourceSpans.newBuilder().setResource(Resource.newBuilder().addAttributes(
                            KeyValue.newBuilder().setKey("deep").setValue(value)))).build();
            assertSameAsProtobuf(Signal.TRACES, request.toByteArray());
        }
        assertThatThrownBy(() -> OtlpWire.read(Signal.LOGS, deepGroups(5000))).isInstanceOf(InvalidProtocolBufferException.class);
    }

    @Test
    void aLengthBeyondTheBytesIsRefused() {
        byte[] bytes = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x0a, 0x00};
        assertThatThrownBy(() -> OtlpWire.read(Signal.TRACES, bytes)).isInstanceOf(InvalidProtocolBufferException.class);
        assertSameAsProtobuf(Signal.TRACES, bytes);
    }

    @Test
    void manySpansAreAllCounted() {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder();
        for (int i = 0; i < 10_000; i++) {
            scope.addSpans(Span.newBuilder().setName("span " + (i % 7)).setTraceId(ByteString.copyFrom(new byte[16])));
        }
        byte[] bytes = ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .addScopeSpans(scope)).build().toByteArray();
        assertThat(assertSameAsProtobuf(Signal.TRACES, bytes).items()).hasSize(10_000);
    }

    /** Arbitrary bytes: the same verdict and the same counts as protobuf-java, never another exception. */
    @FuzzTest(maxDuration = "30s")
    void arbitraryBytes(byte[] bytes) {
        for (Signal signal : Signal.values()) {
            assertSameAsProtobuf(signal, bytes);
        }
    }

    /** Null when both refuse the bytes; otherwise what both count, after asserting it is the same. */
    private static ExportRequest assertSameAsProtobuf(Signal signal, byte[] bytes) {
        Message decoded;
        try {
            decoded = parse(signal, bytes);
        } catch (InvalidProtocolBufferException e) {
            decoded = null;
        }
        ExportRequest counted;
        try {
            counted = OtlpWire.read(signal, bytes);
        } catch (InvalidProtocolBufferException e) {
            counted = null;
        }
        assertThat(counted == null).as("refused by the wire reader as by protobuf: %s %s", signal, Arrays.toString(bytes))
                .isEqualTo(decoded == null);
        if (decoded != null) {
            assertThat(counted.items()).isEqualTo(OtlpItems.of(signal, decoded));
            assertThat(counted.resources()).isEqualTo(OtlpItems.resources(signal, decoded));
            assertThat(counted.message().get()).isEqualTo(decoded);
        }
        return counted;
    }

    private static Message parse(Signal signal, byte[] bytes) throws InvalidProtocolBufferException {
        return switch (signal) {
            case TRACES -> ExportTraceServiceRequest.parseFrom(bytes);
            case METRICS -> ExportMetricsServiceRequest.parseFrom(bytes);
            case LOGS -> ExportLogsServiceRequest.parseFrom(bytes);
        };
    }

    private static byte[] mutate(byte[] bytes, Random random) {
        if (bytes.length == 0) {
            return bytes;
        }
        int at = random.nextInt(bytes.length);
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] flipped = bytes.clone();
                flipped[at] ^= (byte) (1 << random.nextInt(8));
                yield flipped;
            }
            case 1 -> Arrays.copyOf(bytes, at);
            case 2 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at);
                out.write(random.nextInt(256));
                out.write(bytes, at, bytes.length - at);
                yield out.toByteArray();
            }
            case 3 -> {
                // A stretch written twice: repeated fields, merged messages, or broken framing.
                int length = 1 + random.nextInt(Math.min(64, bytes.length - at));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(bytes, 0, at + length);
                out.write(bytes, at, bytes.length - at);
                yield out.toByteArray();
            }
            default -> {
                byte[] concatenated = Arrays.copyOf(bytes, bytes.length * 2);
                System.arraycopy(bytes, 0, concatenated, bytes.length, bytes.length);
                yield concatenated;
            }
        };
    }

    /** An unknown field 2 that opens {@code count} nested groups. */
    private static byte[] deepGroups(int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) 0x13); // field 2, START_GROUP
        return bytes;
    }

    private static Message request(Signal signal, Random random) {
        return switch (signal) {
            case TRACES -> traces(random);
            case METRICS -> metrics(random);
            case LOGS -> logs(random);
        };
    }

    private static ExportTraceServiceRequest traces(Random random) {
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        for (int r = random.nextInt(3); r >= 0; r--) {
            ResourceSpans.Builder resource = ResourceSpans.newBuilder().setResource(resource(random));
            for (int s = random.nextInt(3); s >= 0; s--) {
                ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(scope(random));
                for (int i = random.nextInt(4); i > 0; i--) {
                    scope.addSpans(Span.newBuilder().setName(pick(random)).setTraceId(ByteString.copyFrom(new byte[16]))
                            .setKind(Span.SpanKind.forNumber(random.nextInt(5))).setStartTimeUnixNano(random.nextLong())
                            .addAttributes(KeyValue.newBuilder().setKey("k").setValue(value(random, 2)))
                            .addEvents(Span.Event.newBuilder().setName(pick(random)))
                            .setStatus(Status.newBuilder().setMessage(pick(random))));
                }
                resource.addScopeSpans(scope);
            }
            request.addResourceSpans(resource);
        }
        return request.build();
    }

    private static ExportMetricsServiceRequest metrics(Random random) {
        ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
        for (int r = random.nextInt(3); r >= 0; r--) {
            ResourceMetrics.Builder resource = ResourceMetrics.newBuilder().setResource(resource(random));
            for (int s = random.nextInt(2); s >= 0; s--) {
                ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(scope(random));
                for (int i = random.nextInt(4); i > 0; i--) {
                    scope.addMetrics(metric(random));
                }
                resource.addScopeMetrics(scope);
            }
            request.addResourceMetrics(resource);
        }
        return request.build();
    }

    private static Metric metric(Random random) {
        Metric.Builder metric = Metric.newBuilder().setName(pick(random)).setUnit("ms");
        int points = random.nextInt(4);
        NumberDataPoint number = NumberDataPoint.newBuilder().setAsDouble(random.nextDouble())
                .addAttributes(KeyValue.newBuilder().setKey("a").setValue(value(random, 1))).build();
        switch (random.nextInt(6)) {
            case 0 -> metric.setGauge(Gauge.newBuilder().addAllDataPoints(java.util.Collections.nCopies(points, number)));
            case 1 -> metric.setSum(Sum.newBuilder().setIsMonotonic(true)
                    .addAllDataPoints(java.util.Collections.nCopies(points, number)));
            case 2 -> metric.setHistogram(Histogram.newBuilder().addAllDataPoints(java.util.Collections.nCopies(points,
                    HistogramDataPoint.newBuilder().addBucketCounts(3).addBucketCounts(random.nextInt(1000))
                            .addExplicitBounds(1.5).build())));
            case 3 -> metric.setExponentialHistogram(ExponentialHistogram.newBuilder().addAllDataPoints(
                    java.util.Collections.nCopies(points, ExponentialHistogramDataPoint.newBuilder().setScale(2)
                            .setPositive(ExponentialHistogramDataPoint.Buckets.newBuilder().addBucketCounts(7)).build())));
            case 4 -> metric.setSummary(Summary.newBuilder().addAllDataPoints(java.util.Collections.nCopies(points,
                    SummaryDataPoint.newBuilder().setCount(4).build())));
            default -> {
                // no data: zero points
            }
        }
        return metric.build();
    }

    private static ExportLogsServiceRequest logs(Random random) {
        ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
        for (int r = random.nextInt(3); r >= 0; r--) {
            ResourceLogs.Builder resource = ResourceLogs.newBuilder().setResource(resource(random));
            for (int s = random.nextInt(2); s >= 0; s--) {
                ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(scope(random));
                for (int i = random.nextInt(4); i > 0; i--) {
                    LogRecord.Builder log = LogRecord.newBuilder().setSeverityNumberValue(random.nextInt(30))
                            .setBody(value(random, 2)).setTimeUnixNano(random.nextLong());
                    if (random.nextBoolean()) {
                        log.setSeverityText(pick(random));
                    }
                    scope.addLogRecords(log);
                }
                resource.addScopeLogs(scope);
            }
            request.addResourceLogs(resource);
        }
        return request.build();
    }

    private static Resource resource(Random random) {
        Resource.Builder resource = Resource.newBuilder();
        if (random.nextInt(4) > 0) {
            resource.addAttributes(KeyValue.newBuilder().setKey("service.name")
                    .setValue(random.nextInt(5) == 0 ? value(random, 1) : AnyValue.newBuilder().setStringValue(pick(random)).build()));
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            String key = random.nextBoolean() ? "service.instance.id" : pick(random);
            resource.addAttributes(KeyValue.newBuilder().setKey(key).setValue(value(random, 2)));
        }
        return resource.setDroppedAttributesCount(random.nextInt(3)).build();
    }

    private static InstrumentationScope scope(Random random) {
        return InstrumentationScope.newBuilder().setName(pick(random)).setVersion("1.0").build();
    }

    private static AnyValue value(Random random, int depth) {
        AnyValue.Builder value = AnyValue.newBuilder();
        switch (random.nextInt(depth > 0 ? 8 : 5)) {
            case 0 -> value.setStringValue(pick(random));
            case 1 -> value.setBoolValue(random.nextBoolean());
            case 2 -> value.setIntValue(random.nextLong());
            case 3 -> value.setDoubleValue(random.nextDouble() * 1e6);
            case 4 -> value.setBytesValue(ByteString.copyFrom(new byte[] {1, 2, (byte) 0xff}));
            case 5 -> value.setArrayValue(ArrayValue.newBuilder().addValues(value(random, depth - 1))
                    .addValues(value(random, depth - 1)));
            case 6 -> value.setKvlistValue(KeyValueList.newBuilder().addValues(
                    KeyValue.newBuilder().setKey("in").setValue(value(random, depth - 1))));
            default -> {
                // no value set
            }
        }
        return value.build();
    }

    private static String pick(Random random) {
        return NAMES[random.nextInt(NAMES.length)];
    }
}
