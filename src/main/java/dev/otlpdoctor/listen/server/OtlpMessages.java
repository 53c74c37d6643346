package dev.otlpdoctor.listen.server;

import com.google.protobuf.Message;
import dev.otlpdoctor.otlp.Signal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;

/** The OTLP request and response message types of each signal. */
public final class OtlpMessages {
    private OtlpMessages() {
    }

    public static Message.Builder newRequest(Signal signal) {
        return switch (signal) {
            case TRACES -> ExportTraceServiceRequest.newBuilder();
            case METRICS -> ExportMetricsServiceRequest.newBuilder();
            case LOGS -> ExportLogsServiceRequest.newBuilder();
        };
    }

    /** A full success: the collector's response without {@code partial_success}. */
    public static Message emptyResponse(Signal signal) {
        return switch (signal) {
            case TRACES -> ExportTraceServiceResponse.getDefaultInstance();
            case METRICS -> ExportMetricsServiceResponse.getDefaultInstance();
            case LOGS -> ExportLogsServiceResponse.getDefaultInstance();
        };
    }
}
