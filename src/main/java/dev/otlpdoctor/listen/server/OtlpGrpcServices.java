package dev.otlpdoctor.listen.server;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.otlpdoctor.listen.tally.Arrival;
import dev.otlpdoctor.listen.tally.ClientAddress;
import dev.otlpdoctor.listen.tally.ExportRequest;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.OtlpWire;
import dev.otlpdoctor.listen.tally.Rejection;
import dev.otlpdoctor.otlp.Signal;
import dev.otlpdoctor.target.Protocol;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Grpc;
import io.grpc.HandlerRegistry;
import io.grpc.KnownLength;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServerStreamTracer;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The three OTLP gRPC services, as the collector registers them when every signal has a pipeline.
 * Nothing else is served: health checks and reflection get {@code UNIMPLEMENTED}, as from a collector.
 *
 * <p>Requests are decoded by listen's own marshaller, so a message that does not decode, or whose
 * decompression exceeds the size limit (a gzip bomb), ends with the status grpc-go gives the collector
 * ({@code INTERNAL}, {@code RESOURCE_EXHAUSTED}) and is labelled {@code malformed} / {@code too-large},
 * instead of surfacing as grpc-java's {@code UNKNOWN} "application error".
 */
public final class OtlpGrpcServices {
    private static final Context.Key<Arrival> ARRIVAL = Context.key("otlpdoctor-arrival");
    /** A label set by listen's own code for the tracer that counts the rejection (over-budget). */
    private static final Context.Key<String[]> LABEL = Context.key("otlpdoctor-label");
    private static final Metadata.Key<String> USER_AGENT = Metadata.Key.of("user-agent", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> CONTENT_TYPE = Metadata.Key.of("content-type", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> ENCODING = Metadata.Key.of("grpc-encoding", Metadata.ASCII_STRING_MARSHALLER);

    private OtlpGrpcServices() {
    }

    /** A decoded request, or why it could not be decoded. */
    public record Decoded(ExportRequest request, Status failure) {
    }

    public static List<ServerServiceDefinition> all(ExportSink sink, RequiredHeader requiredHeader, InFlightBudget budget,
                                             long maxMessage) {
        ServerInterceptor interceptor = new ArrivalInterceptor(requiredHeader, budget, maxMessage);
        return List.of(
                ServerInterceptors.intercept(service(TraceServiceGrpc.SERVICE_NAME,
                        TraceServiceGrpc.getExportMethod(), Signal.TRACES, sink), interceptor),
                ServerInterceptors.intercept(service(MetricsServiceGrpc.SERVICE_NAME,
                        MetricsServiceGrpc.getExportMethod(), Signal.METRICS, sink), interceptor),
                ServerInterceptors.intercept(service(LogsServiceGrpc.SERVICE_NAME,
                        LogsServiceGrpc.getExportMethod(), Signal.LOGS, sink), interceptor));
    }

    private static ServerServiceDefinition service(String serviceName, MethodDescriptor<?, ?> generated,
                                                   Signal signal, ExportSink sink) {
        Message response = OtlpMessages.emptyResponse(signal);
        MethodDescriptor<Decoded, Message> export = MethodDescriptor.<Decoded, Message>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(generated.getFullMethodName())
                .setRequestMarshaller(new RequestMarshaller(signal))
                .setResponseMarshaller(ProtoUtils.marshaller(response))
                .build();
        return ServerServiceDefinition.builder(serviceName)
                .addMethod(export, ServerCalls.asyncUnaryCall((request, observer) -> {
                    if (request.failure() != null) {
                        observer.onError(request.failure().asRuntimeException());
                        return;
                    }
                    sink.accept(signal, ARRIVAL.get(), request.request());
                    observer.onNext(response);
                    observer.onCompleted();
                }))
                .build();
    }

    /**
     * Every other method answers {@code UNIMPLEMENTED} with grpc-go's text, as from a collector, but as a
     * started call: the tracer then knows the client's address for the rejection.
     */
    public static HandlerRegistry unknownMethods() {
        return new HandlerRegistry() {
            @Override
            public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                int slash = methodName.lastIndexOf('/');
                String service = slash < 0 ? methodName : methodName.substring(0, slash);
                MethodDescriptor<InputStream, InputStream> method = MethodDescriptor.<InputStream, InputStream>newBuilder()
                        .setType(MethodDescriptor.MethodType.UNKNOWN).setFullMethodName(methodName)
                        .setRequestMarshaller(Drained.INSTANCE).setResponseMarshaller(Drained.INSTANCE).build();
                return ServerMethodDefinition.create(method, new ServerCallHandler<>() {
                    @Override
                    public ServerCall.Listener<InputStream> startCall(ServerCall<InputStream, InputStream> call,
                                                                      Metadata headers) {
                        call.close(Status.UNIMPLEMENTED.withDescription("unknown service " + service), new Metadata());
                        return new ServerCall.Listener<>() { };
                    }
                });
            }
        };
    }

    /** Messages of unknown methods are never used: passed through unread. */
    private enum Drained implements MethodDescriptor.Marshaller<InputStream> {
        INSTANCE;

        @Override
        public InputStream stream(InputStream value) {
            return value;
        }

        @Override
        public InputStream parse(InputStream stream) {
            return stream;
        }
    }

    /** Parses without throwing: a failure becomes the status the collector's grpc-go would answer. */
    private static final class RequestMarshaller implements MethodDescriptor.Marshaller<Decoded> {
        private final Signal signal;

        RequestMarshaller(Signal signal) {
            this.signal = signal;
        }

        @Override
        public InputStream stream(Decoded value) {
            throw new UnsupportedOperationException("listen only receives requests");
        }

        @Override
        public Decoded parse(InputStream stream) {
            try (InputStream in = stream) {
                // Counted from the wire: the message is decoded only if --jsonl asks for it.
                return new Decoded(OtlpWire.read(signal, bytes(in)), null);
            } catch (StatusRuntimeException e) {
                // grpc-java's size check on the decompressed message: RESOURCE_EXHAUSTED
                return new Decoded(null, e.getStatus());
            } catch (InvalidProtocolBufferException e) {
                return new Decoded(null, Status.INTERNAL.withDescription("grpc: error unmarshalling request: "
                        + e.getMessage()));
            } catch (IOException | RuntimeException e) {
                return new Decoded(null, Status.INTERNAL.withDescription(
                        "grpc: failed to decompress the received message: " + e.getMessage()));
            }
        }
    }

    /** The whole message: read in one piece when grpc-java knows its length (uncompressed), else in chunks. */
    private static byte[] bytes(InputStream in) throws IOException {
        if (!(in instanceof KnownLength)) {
            return in.readAllBytes();
        }
        byte[] bytes = in.readNBytes(in.available());
        byte[] rest = in.readAllBytes();
        if (rest.length == 0) {
            return bytes;
        }
        byte[] all = Arrays.copyOf(bytes, bytes.length + rest.length);
        System.arraycopy(rest, 0, all, bytes.length, rest.length);
        return all;
    }

    /**
     * Counts every call that did not end OK as rejected, by reason, with its method and User-Agent.
     * grpc-java refuses oversized messages and unknown services before any service code runs; only a
     * stream tracer sees them.
     */
    public static ServerStreamTracer.Factory rejections(ExportSink sink) {
        return new ServerStreamTracer.Factory() {
            @Override
            public ServerStreamTracer newServerStreamTracer(String fullMethodName, Metadata headers) {
                String userAgent = headers.get(USER_AGENT);
                String contentType = headers.get(CONTENT_TYPE);
                String[] label = new String[1];
                String[] client = new String[1];
                return new ServerStreamTracer() {
                    @Override
                    public Context filterContext(Context context) {
                        return context.withValue(LABEL, label);
                    }

                    @Override
                    public void serverCallStarted(ServerCallInfo<?, ?> callInfo) {
                        client[0] = ClientAddress.format(callInfo.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
                    }

                    @Override
                    public void streamClosed(Status status) {
                        if (!status.isOk()) {
                            String reason = label[0] != null ? label[0] : reason(status.getCode());
                            sink.reject(new Rejection(reason, "grpc", "POST", "/" + fullMethodName, contentType,
                                    userAgent, status.getCode().name(), client[0], status.getDescription()));
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
            default -> code.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }

    /**
     * Refuses calls without the required header or beyond the in-flight budget, and makes how the call
     * arrived (peer, User-Agent, compression, header names) known to the service.
     */
    private static final class ArrivalInterceptor implements ServerInterceptor {
        private final RequiredHeader requiredHeader;
        private final Metadata.Key<String> headerKey;
        private final InFlightBudget budget;
        private final long reservation;

        ArrivalInterceptor(RequiredHeader requiredHeader, InFlightBudget budget, long maxMessage) {
            this.requiredHeader = requiredHeader;
            this.headerKey = requiredHeader == null ? null
                    : Metadata.Key.of(requiredHeader.name(), Metadata.ASCII_STRING_MARSHALLER);
            this.budget = budget;
            this.reservation = maxMessage;
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            if (requiredHeader != null && !requiredHeader.matches(headers.get(headerKey))) {
                call.close(Status.UNAUTHENTICATED.withDescription(
                        "missing or wrong '" + requiredHeader.name() + "' header"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            // The message is not read yet: hold room for the largest one this call may bring.
            if (!budget.tryReserve(reservation)) {
                String[] label = LABEL.get();
                if (label != null) {
                    label[0] = "over-budget";
                }
                call.close(Status.UNAVAILABLE.withDescription("listen: in-flight byte budget of " + budget.max()
                        + " bytes full, retry later"), new Metadata());
                return new ServerCall.Listener<>() { };
            }
            String encoding = headers.get(ENCODING);
            Arrival arrival = new Arrival(Protocol.GRPC,
                    ClientAddress.format(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)),
                    headers.get(USER_AGENT), encoding == null || encoding.equals("identity") ? "none" : encoding,
                    headers.keys().stream().sorted().toList());
            AtomicBoolean released = new AtomicBoolean();
            Runnable release = () -> {
                if (released.compareAndSet(false, true)) {
                    budget.release(reservation);
                }
            };
            ServerCall.Listener<Q> listener;
            try {
                listener = Contexts.interceptCall(Context.current().withValue(ARRIVAL, arrival), call, headers, next);
            } catch (RuntimeException e) {
                release.run();
                throw e;
            }
            return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
                @Override
                public void onComplete() {
                    release.run();
                    super.onComplete();
                }

                @Override
                public void onCancel() {
                    release.run();
                    super.onCancel();
                }
            };
        }
    }
}
