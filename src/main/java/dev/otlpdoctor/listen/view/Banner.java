package dev.otlpdoctor.listen.view;

import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.Listening;
import dev.otlpdoctor.listen.tally.ClientAddress;
import java.io.PrintWriter;
import java.net.InetSocketAddress;

/** The start-up text: where the sink listens and the exporter settings to paste into an application. */
public final class Banner {
    private Banner() {
    }

    public static void print(Listening listener, PrintWriter out) {
        ListenConfig config = listener.config();
        String scope = config.bind().isAnyLocalAddress() ? "all interfaces"
                : config.bind().isLoopbackAddress() ? "loopback only" : "this address only";
        out.println("otlpdoctor listen: receiving OTLP on "
                + ClientAddress.format(new InetSocketAddress(config.bind(), 0)).replaceAll(":0$", "")
                + " (" + scope + ")" + (config.tls() ? " with TLS" : ""));
        if (listener.grpcPort() != ListenConfig.OFF) {
            out.println("  OTLP/gRPC  " + listener.endpoint(listener.grpcPort()));
        }
        if (listener.httpPort() != ListenConfig.OFF) {
            out.println("  OTLP/HTTP  " + listener.endpoint(listener.httpPort()) + "  (POST /v1/traces, /v1/metrics, /v1/logs)");
        }
        if (listener.grpcPort() != ListenConfig.OFF) {
            exports(out, config, "gRPC", listener.endpoint(listener.grpcPort()), "grpc");
        }
        if (listener.httpPort() != ListenConfig.OFF) {
            exports(out, config, "HTTP", listener.endpoint(listener.httpPort()), "http/protobuf");
        }
        if (config.bind().isAnyLocalAddress()) {
            out.println();
            out.println("From another host or a container, use this machine's address instead of 127.0.0.1.");
        }
        out.println();
        out.println("Waiting for telemetry (Ctrl-C prints the summary and stops)...");
        out.flush();
    }

    private static void exports(PrintWriter out, ListenConfig config, String name, String endpoint, String protocol) {
        out.println();
        out.println("# point an application at it over " + name + ":");
        out.println("export OTEL_EXPORTER_OTLP_ENDPOINT=" + endpoint);
        out.println("export OTEL_EXPORTER_OTLP_PROTOCOL=" + protocol);
        if (config.tls()) {
            out.println("export OTEL_EXPORTER_OTLP_CERTIFICATE=" + config.tlsCert().toAbsolutePath());
        }
        if (config.requiredHeader() != null) {
            out.println("export OTEL_EXPORTER_OTLP_HEADERS='" + config.requiredHeader().name()
                    + "=<the value given to --require-header>'");
        }
    }
}
