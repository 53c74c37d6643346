package dev.otlpdoctor.testing;

import dev.otlpdoctor.otlp.Signal;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.StreamObserver;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContextBuilder;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process OTLP/gRPC receiver on loopback built from grpc-java and the opentelemetry-proto services,
 * behaving like the collector's: a signal without a pipeline is not registered (UNIMPLEMENTED), no health
 * service unless asked. It can require a header, use TLS (optionally mutual), fail or slow down a signal,
 * and report partial success.
 */
public final class FakeGrpcCollector implements AutoCloseable {
    private final Server server;
    private final Map<Signal, AtomicInteger> exports = new ConcurrentHashMap<>();
    private final Map<Signal, Long> itemsReceived = new ConcurrentHashMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private FakeGrpcCollector(Builder b) throws IOException {
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0));
        for (Signal signal : b.signals) {
            exports.put(signal, new AtomicInteger());
            ServerServiceDefinition service = service(signal, b);
            builder.addService(b.headerName == null ? service
                    : ServerInterceptors.intercept(service, new RequireHeader(b.headerName, b.headerValue)));
        }
        if (b.health != null) {
            HealthStatusManager health = new HealthStatusManager();
            health.setStatus("", b.health);
            builder.addService(health.getHealthService());
        }
        if (b.tls != null) {
            SslContextBuilder ssl = SslContextBuilder.forServer(TestCertificates.keyManagers(b.tls));
            if (b.requireClientCertificate) {
                ssl.trustManager(TestCertificates.clientTrust()).clientAuth(ClientAuth.REQUIRE);
            }
            builder.sslContext(GrpcSslContexts.configure(ssl).build());
        }
        server = builder.build().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A plaintext receiver for all three signals. */
    public static FakeGrpcCollector start() throws IOException {
        return builder().start();
    }

    public int port() {
        return server.getPort();
    }

    /** {@code 127.0.0.1:port}, a TARGET for otlpdoctor. */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /** How many Export calls of the signal reached the service. */
    public int exports(Signal signal) {
        AtomicInteger count = exports.get(signal);
        return count == null ? 0 : count.get();
    }

    /** How many spans, points or log records of the signal arrived. */
    public long itemsReceived(Signal signal) {
        return itemsReceived.getOrDefault(signal, 0L);
    }

    @Override
    public void close() {
        closed.countDown();
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ServerServiceDefinition service(Signal signal, Builder b) {
        switch (signal) {
            case TRACES:
                return new TraceServiceGrpc.TraceServiceImplBase() {
                    @Override
                    public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> out) {
                        long items = request.getResourceSpansList().stream().flatMap(r -> r.getScopeSpansList().stream())
                                .mapToLong(s -> s.getSpansCount()).sum();
                        ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
                        if (b.rejected.containsKey(signal)) {
                            response.setPartialSuccess(ExportTracePartialSuccess.newBuilder()
                                    .setRejectedSpans(b.rejected.get(signal)).setErrorMessage(b.rejectMessage));
                        }
                        answer(signal, b, items, out, response.build());
                    }
                }.bindService();
            case METRICS:
                return new MetricsServiceGrpc.MetricsServiceImplBase() {
                    @Override
                    public void export(ExportMetricsServiceRequest request, StreamObserver<ExportMetricsServiceResponse> out) {
                        long items = request.getResourceMetricsList().stream()
                                .flatMap(r -> r.getScopeMetricsList().stream())
                                .mapToLong(s -> s.getMetricsCount()).sum();
                        ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
                        if (b.rejected.containsKey(signal)) {
                            response.setPartialSuccess(ExportMetricsPartialSuccess.newBuilder()
                                    .setRejectedDataPoints(b.rejected.get(signal)).setErrorMessage(b.rejectMessage));
                        }
                        answer(signal, b, items, out, response.build());
                    }
                }.bindService();
            default:
                return new LogsServiceGrpc.LogsServiceImplBase() {
                    @Override
                    public void export(ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> out) {
                        long items = request.getResourceLogsList().stream().flatMap(r -> r.getScopeLogsList().stream())
                                .mapToLong(s -> s.getLogRecordsCount()).sum();
                        ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
                        if (b.rejected.containsKey(signal)) {
                            response.setPartialSuccess(ExportLogsPartialSuccess.newBuilder()
                                    .setRejectedLogRecords(b.rejected.get(signal)).setErrorMessage(b.rejectMessage));
                        }
                        answer(signal, b, items, out, response.build());
                    }
                }.bindService();
        }
    }

    private <T> void answer(Signal signal, Builder b, long items, StreamObserver<T> out, T response) {
        exports.get(signal).incrementAndGet();
        itemsReceived.merge(signal, items, Long::sum);
        if (b.slow.contains(signal)) {
            try {
                closed.await(30, TimeUnit.SECONDS); // a stuck pipeline: answers only when the server stops
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Status failure = b.failures.get(signal);
        if (failure != null) {
            out.onError(failure.asRuntimeException());
            return;
        }
        out.onNext(response);
        out.onCompleted();
    }

    /** UNAUTHENTICATED unless the request carries the header with the value, as an authenticator extension does. */
    private static final class RequireHeader implements ServerInterceptor {
        private final Metadata.Key<String> key;
        private final String value;

        RequireHeader(String name, String value) {
            this.key = Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER);
            this.value = value;
        }

        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                          ServerCallHandler<Q, R> next) {
            if (!value.equals(headers.get(key))) {
                call.close(Status.UNAUTHENTICATED.withDescription("missing or invalid " + key.name()), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }

    /** Configures a {@link FakeGrpcCollector}. */
    public static final class Builder {
        private Set<Signal> signals = EnumSet.allOf(Signal.class);
        private String headerName;
        private String headerValue;
        private TestCertificates.Server tls;
        private boolean requireClientCertificate;
        private io.grpc.health.v1.HealthCheckResponse.ServingStatus health;
        private final Map<Signal, Status> failures = new EnumMap<>(Signal.class);
        private final Map<Signal, Long> rejected = new EnumMap<>(Signal.class);
        private String rejectMessage = "";
        private final Set<Signal> slow = EnumSet.noneOf(Signal.class);

        /** Only these signals have a pipeline; the others answer UNIMPLEMENTED. */
        public Builder signals(Signal first, Signal... rest) {
            signals = EnumSet.of(first, rest);
            return this;
        }

        public Builder requireHeader(String name, String value) {
            headerName = name;
            headerValue = value;
            return this;
        }

        public Builder tls(TestCertificates.Server certificate) {
            tls = certificate;
            return this;
        }

        public Builder requireClientCertificate() {
            requireClientCertificate = true;
            return this;
        }

        public Builder health(io.grpc.health.v1.HealthCheckResponse.ServingStatus status) {
            health = status;
            return this;
        }

        public Builder fail(Signal signal, Status status) {
            failures.put(signal, status);
            return this;
        }

        public Builder rejectSome(Signal signal, long count, String message) {
            rejected.put(signal, count);
            rejectMessage = message;
            return this;
        }

        /** The signal's handler answers only when the server closes. */
        public Builder slow(Signal signal) {
            slow.add(signal);
            return this;
        }

        public FakeGrpcCollector start() throws IOException {
            return new FakeGrpcCollector(this);
        }
    }
}
