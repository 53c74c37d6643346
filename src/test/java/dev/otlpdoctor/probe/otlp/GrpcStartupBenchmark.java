package dev.otlpdoctor.probe.otlp;

import dev.otlpdoctor.testing.FakeGrpcCollector;
import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * Measures, in a fresh JVM, the time from JVM start to the answer of one OTLP trace Export: OkHttp
 * (what the grpc probe uses) against a grpc-java Netty channel. Not a test: docs/performance.md says
 * how to run it and records the results.
 *
 * <pre>java -cp CLASSPATH dev.otlpdoctor.probe.otlp.GrpcStartupBenchmark server|okhttp PORT|netty PORT</pre>
 */
public final class GrpcStartupBenchmark {
    private GrpcStartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "server" -> {
                try (FakeGrpcCollector collector = FakeGrpcCollector.start()) {
                    System.out.println(collector.port());
                    Thread.sleep(Long.MAX_VALUE);
                }
            }
            case "okhttp" -> {
                long start = System.nanoTime();
                OkHttpClient client = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
                HttpUrl base = HttpUrl.get("http://127.0.0.1:" + args[1] + "/");
                try (GrpcTransport transport = new OkHttpGrpcTransport(client, base, List.of())) {
                    GrpcTransport.GrpcReply reply = transport.call("/opentelemetry.proto.collector.trace.v1.TraceService/Export",
                            ExportTraceServiceRequest.getDefaultInstance().toByteArray(), 5000);
                    report("okhttp", start, reply.grpcStatus());
                }
            }
            default -> {
                long start = System.nanoTime();
                ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(args[1]))
                        .usePlaintext().build();
                TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .export(ExportTraceServiceRequest.getDefaultInstance());
                report("netty", start, 0);
                channel.shutdownNow();
            }
        }
        System.exit(0);
    }

    private static void report(String client, long startNanos, Integer status) {
        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(client + " status=" + status + " call_ms=" + (System.nanoTime() - startNanos) / 1_000_000
                + " since_jvm_start_ms=" + sinceJvmStart);
    }
}
