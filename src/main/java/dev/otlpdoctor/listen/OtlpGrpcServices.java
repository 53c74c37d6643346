package dev.otlpdoctor.listen;

import dev.otlpdoctor.otlp.Signal;
import com.google.protobuf.Message;
import dev.otlpdoctor.target.Protocol;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServerStreamTracer;
import io.grpc.ServiceDescriptor;
import io.grpc.Status;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.util.List;

/**
 * The three OTLP gRPC services, as the collector registers them when every signal has a pipeline.
 * Nothing else is served: health checks and reflection get {@code UNIMPLEMENTED}, as from a collector.
 */
final class OtlpGrpcServices {
    private static final Context.Key<String> CLIENT = Context.key("otlpdoctor-client");

    private OtlpGrpcServices() {
    }

    static List<ServerServiceDefinition> all(ExportSink sink, RequiredHeader requiredHeader) {
        ServerInterceptor interceptor = new ClientInterceptor(requiredHeader);
        return List.of(
                ServerInterceptors.intercept(service(TraceServiceGrpc.getServiceDescriptor(),
                        TraceServiceGrpc.getExportMethod(), Signal.TRACES, sink), interceptor),
                ServerInterceptors.intercept(service(MetricsServiceGrpc.getServiceDescriptor(),
                        MetricsServiceGrpc.getExportMethod(), Signal.METRICS, sink), interceptor),
                ServerInterceptors.intercept(service(LogsServiceGrpc.getServiceDescriptor(),
                        LogsServiceGrpc.getExportMethod(), Signal.LOGS, sink), interceptor));
    }

    private static <Q extends Message, R> ServerServiceDefinition service(
            ServiceDescriptor descriptor, MethodDescriptor<Q, R> export, Signal signal, ExportSink sink) {
        @SuppressWarnings("unchecked")
        R response = (R) OtlpMessages.emptyResponse(signal);
        return ServerServiceDefinition.builder(descriptor)
                .addMethod(export, ServerCalls.asyncUnaryCall((request, observer) -> {
                    sink.accept(signal, Protocol.GRPC, CLIENT.get(), request);
                    observer.onNext(response);
                    observer.onCompleted();
                }))
                .build();
    }

    /**
     * Counts every call that did not end OK as rejected, by reason. grpc-java refuses oversized and
     * undecodable messages and unknown services before any service code runs; only a stream tracer sees them.
     */
    static ServerStreamTracer.Factory rejections(ExportSink sink) {
        return new ServerStreamTracer.Factory() {
            @Override
            public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
                return new ServerStreamTracer() {
                    @Override
                    public void streamClosed(Status status) {
                        if (!status.isOk()) {
                            sink.reject(reason(status.getCode()));
                        }
                    }
                };
            }
        };
    }

    /** The same reason labels as OTLP/HTTP uses for the equivalent refusals. */
    static String reason(Status.Code code) {
        return switch (code) {
            case RESOURCE_EXHAUSTED -> "too-large";
            case INTERNAL, INVALID_ARGUMENT -> "malformed";
            case UNIMPLEMENTED -> "not-found";
            case UNAUTHENTICATED -> "unauthenticated";
            default -> code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        };
    }

    /** Refuses calls without the required header, and makes the peer address known to the service. */
    private static final class ClientInterceptor implements ServerInterceptor {
        private final RequiredHeader requiredHeader;
        private final Metadata.Key<String> headerKey;

        ClientInterceptor(RequiredHeader requiredHeader) {
            this.requiredHeader = requiredHeader;
            this.headerKey = requiredHeader == null ? null
                    : Metadata.Key.of(requiredHeader.name(), Metadata.ASCII_STRING_MARSHALLER);
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            if (requiredHeader != null && !requiredHeader.matches(headers.get(headerKey))) {
                call.close(Status.UNAUTHENTICATED.withDescription(
                        "missing or wrong '" + requiredHeader.name() + "' header"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            String client = ClientAddress.format(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            return Contexts.interceptCall(Context.current().withValue(CLIENT, client), call, headers, next);
        }
    }
}
