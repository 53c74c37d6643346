package dev.otlpdoctor.otlp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.otlpdoctor.Version;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * The OTLP export requests otlpdoctor sends and the responses it reads, from the opentelemetry-proto
 * classes. An empty request is the default: the collector's receiver answers it without passing anything
 * to the pipeline, so it proves the route, not the pipeline. {@code --send-sample} sends one real item
 * per signal, tagged {@code otlpdoctor.check=true} under service name {@code otlpdoctor}.
 */
public final class ExportMessages {
    public static final String SERVICE_NAME = "otlpdoctor";
    public static final String TAG = "otlpdoctor.check";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExportMessages() {
    }

    /** What came back in an export response: the items the receiver rejected and why. */
    public record PartialSuccess(long rejected, String errorMessage) {
        public boolean rejectedAny() {
            return rejected > 0;
        }
    }

    public static Message request(Signal signal, boolean sample) {
        switch (signal) {
            case TRACES:
                return sample ? ExportTraceServiceRequest.newBuilder().addResourceSpans(sampleSpans()).build()
                        : ExportTraceServiceRequest.getDefaultInstance();
            case METRICS:
                return sample ? ExportMetricsServiceRequest.newBuilder().addResourceMetrics(sampleMetrics()).build()
                        : ExportMetricsServiceRequest.getDefaultInstance();
            default:
                return sample ? ExportLogsServiceRequest.newBuilder().addResourceLogs(sampleLogs()).build()
                        : ExportLogsServiceRequest.getDefaultInstance();
        }
    }

    public static byte[] protobuf(Signal signal, boolean sample) {
        return request(signal, sample).toByteArray();
    }

    public static byte[] json(Signal signal, boolean sample) {
        return OtlpJson.print(request(signal, sample)).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses an Export*ServiceResponse; throws when the bytes are not one. */
    public static PartialSuccess parseResponse(Signal signal, byte[] body, boolean json)
            throws InvalidProtocolBufferException {
        switch (signal) {
            case TRACES: {
                ExportTraceServiceResponse r = json ? fromJson(ExportTraceServiceResponse.newBuilder(), body)
                        : ExportTraceServiceResponse.parseFrom(body);
                return new PartialSuccess(r.getPartialSuccess().getRejectedSpans(), r.getPartialSuccess().getErrorMessage());
            }
            case METRICS: {
                ExportMetricsServiceResponse r = json ? fromJson(ExportMetricsServiceResponse.newBuilder(), body)
                        : ExportMetricsServiceResponse.parseFrom(body);
                return new PartialSuccess(r.getPartialSuccess().getRejectedDataPoints(),
                        r.getPartialSuccess().getErrorMessage());
            }
            default: {
                ExportLogsServiceResponse r = json ? fromJson(ExportLogsServiceResponse.newBuilder(), body)
                        : ExportLogsServiceResponse.parseFrom(body);
                return new PartialSuccess(r.getPartialSuccess().getRejectedLogRecords(),
                        r.getPartialSuccess().getErrorMessage());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Message> T fromJson(Message.Builder builder, byte[] body)
            throws InvalidProtocolBufferException {
        OtlpJson.merge(new String(body, StandardCharsets.UTF_8), builder);
        return (T) builder.build();
    }

    private static Resource resource() {
        return Resource.newBuilder()
                .addAttributes(attribute("service.name", AnyValue.newBuilder().setStringValue(SERVICE_NAME).build()))
                .addAttributes(attribute(TAG, AnyValue.newBuilder().setBoolValue(true).build()))
                .build();
    }

    private static InstrumentationScope scope() {
        return InstrumentationScope.newBuilder().setName("otlpdoctor").setVersion(Version.get()).build();
    }

    private static KeyValue attribute(String key, AnyValue value) {
        return KeyValue.newBuilder().setKey(key).setValue(value).build();
    }

    private static long nowNanos() {
        return TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
    }

    private static ByteString randomId(int bytes) {
        byte[] id = new byte[bytes];
        RANDOM.nextBytes(id);
        return ByteString.copyFrom(id);
    }

    private static ResourceSpans sampleSpans() {
        long now = nowNanos();
        Span span = Span.newBuilder()
                .setTraceId(randomId(16))
                .setSpanId(randomId(8))
                .setName("otlpdoctor check")
                .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(now - 1_000_000)
                .setEndTimeUnixNano(now)
                .addAttributes(attribute(TAG, AnyValue.newBuilder().setBoolValue(true).build()))
                .build();
        return ResourceSpans.newBuilder().setResource(resource())
                .addScopeSpans(ScopeSpans.newBuilder().setScope(scope()).addSpans(span)).build();
    }

    private static ResourceMetrics sampleMetrics() {
        NumberDataPoint point = NumberDataPoint.newBuilder()
                .setTimeUnixNano(nowNanos())
                .setAsInt(1)
                .addAttributes(attribute(TAG, AnyValue.newBuilder().setBoolValue(true).build()))
                .build();
        Metric metric = Metric.newBuilder().setName("otlpdoctor.check").setUnit("1")
                .setDescription("One point sent by otlpdoctor check --send-sample")
                .setGauge(Gauge.newBuilder().addDataPoints(point)).build();
        return ResourceMetrics.newBuilder().setResource(resource())
                .addScopeMetrics(ScopeMetrics.newBuilder().setScope(scope()).addMetrics(metric)).build();
    }

    private static ResourceLogs sampleLogs() {
        long now = nowNanos();
        LogRecord log = LogRecord.newBuilder()
                .setTimeUnixNano(now)
                .setObservedTimeUnixNano(now)
                .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
                .setSeverityText("INFO")
                .setBody(AnyValue.newBuilder().setStringValue("otlpdoctor check: test log record"))
                .addAttributes(attribute(TAG, AnyValue.newBuilder().setBoolValue(true).build()))
                .build();
        return ResourceLogs.newBuilder().setResource(resource())
                .addScopeLogs(ScopeLogs.newBuilder().setScope(scope()).addLogRecords(log)).build();
    }
}
