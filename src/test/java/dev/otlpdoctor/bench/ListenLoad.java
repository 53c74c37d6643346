package dev.otlpdoctor.bench;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load generator for bench/listen-throughput.sh: the OpenTelemetry SDK span exporter sends the same
 * batch of real SDK spans from several threads for a fixed time, each thread waiting for each export's
 * result (no client-side queue that could drop). Prints one line of JSON with what was accepted.
 *
 * <p>Arguments: PROTOCOL (grpc | http/protobuf) ENDPOINT SECONDS THREADS BATCH
 */
public final class ListenLoad {
    private ListenLoad() {
    }

    public static void main(String[] args) throws Exception {
        String protocol = args[0];
        String endpoint = args[1];
        long seconds = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);
        int batchSize = Integer.parseInt(args[4]);
        List<SpanData> batch = spans(batchSize);

        AtomicLong sent = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SpanExporter exporter = protocol.equals("grpc")
                    ? OtlpGrpcSpanExporter.builder().setEndpoint(endpoint).build()
                    : OtlpHttpSpanExporter.builder().setEndpoint(endpoint + "/v1/traces").build();
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    CompletableResultCode result = exporter.export(batch).join(30, TimeUnit.SECONDS);
                    (result.isSuccess() ? sent : failed).addAndGet(batch.size());
                }
                exporter.shutdown().join(10, TimeUnit.SECONDS);
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "{\"protocol\":\"%s\",\"threads\":%d,\"batch\":%d,\"seconds\":%.2f,"
                + "\"spansSent\":%d,\"spansFailed\":%d,\"spansPerSecond\":%.0f,\"cpuSeconds\":%.2f}%n",
                protocol, threads, batchSize, elapsed, sent.get(), failed.get(), sent.get() / elapsed, cpu);
    }

    /** CPU time of this process (all threads), to tell the generator's cost per span. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Real SDK spans, with a few attributes each, collected once and re-sent. */
    private static List<SpanData> spans(int count) {
        List<SpanData> collected = new ArrayList<>();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "bench")))
                .addSpanProcessor(new SpanProcessor() {
                    @Override
                    public void onStart(Context parentContext, ReadWriteSpan span) {
                    }

                    @Override
                    public boolean isStartRequired() {
                        return false;
                    }

                    @Override
                    public void onEnd(ReadableSpan span) {
                        collected.add(span.toSpanData());
                    }

                    @Override
                    public boolean isEndRequired() {
                        return true;
                    }
                })
                .build();
        Tracer tracer = provider.get("bench");
        for (int i = 0; i < count; i++) {
            tracer.spanBuilder(i % 2 == 0 ? "GET /orders" : "SELECT orders")
                    .setAttribute("http.request.method", "GET")
                    .setAttribute("url.path", "/orders/" + i)
                    .setAttribute("http.response.status_code", 200L)
                    .startSpan().end();
        }
        provider.shutdown().join(10, TimeUnit.SECONDS);
        return collected;
    }
}
