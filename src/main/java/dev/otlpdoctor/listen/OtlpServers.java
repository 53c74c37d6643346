package dev.otlpdoctor.listen;

import dev.otlpdoctor.DoctorException;
import dev.otlpdoctor.ExitCode;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/** The running OTLP servers: gRPC and HTTP, each optional, both handing what arrives to one sink. */
public final class OtlpServers implements AutoCloseable {
    private static final int QUEUE_PER_WORKER = 64;

    private final ListenConfig config;
    private final ThreadPoolExecutor grpcWorkers;
    private final ThreadPoolExecutor httpWorkers;
    private Server grpc;
    private NettyHttpServer http;

    private OtlpServers(ListenConfig config) {
        this.config = config;
        this.grpcWorkers = BoundedExecutor.create("listen-grpc", config.workers(), config.workers() * QUEUE_PER_WORKER);
        this.httpWorkers = BoundedExecutor.create("listen-http", config.workers(), config.workers() * QUEUE_PER_WORKER);
    }

    /**
     * Binds and starts the servers the config asks for. A port that is taken is a usage error naming
     * the port and, when {@code owner} can tell, the process holding it.
     */
    public static OtlpServers start(ListenConfig config, Recorder recorder, PortOwner owner) {
        OtlpServers listener = new OtlpServers(config);
        try {
            SSLContext httpsContext = config.tls() ? TlsMaterial.sslContext(config.tlsCert(), config.tlsKey()) : null;
            if (config.grpcPort() != ListenConfig.OFF) {
                listener.startGrpc(recorder, owner);
            }
            if (config.httpPort() != ListenConfig.OFF) {
                listener.startHttp(recorder, owner, httpsContext);
            }
            return listener;
        } catch (RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    private void startGrpc(ExportSink sink, PortOwner owner) {
        ServerCredentials credentials;
        try {
            credentials = config.tls()
                    ? TlsServerCredentials.create(config.tlsCert().toFile(), config.tlsKey().toFile())
                    : InsecureServerCredentials.create();
        } catch (IOException e) {
            throw DoctorException.usage("--tls-cert/--tls-key: cannot be read (" + e.getMessage() + ")");
        }
        NettyServerBuilder builder = NettyServerBuilder
                .forAddress(new InetSocketAddress(config.bind(), config.grpcPort()), credentials)
                .maxInboundMessageSize(config.grpcMaxMessage())
                .executor(grpcWorkers)
                .addStreamTracerFactory(OtlpGrpcServices.rejections(sink));
        OtlpGrpcServices.all(sink, config.requiredHeader()).forEach(builder::addService);
        try {
            grpc = builder.build().start();
        } catch (IOException e) {
            throw bindFailure(e, config.grpcPort(), "OTLP/gRPC", "--grpc-port", owner);
        }
    }

    private void startHttp(ExportSink sink, PortOwner owner, SSLContext httpsContext) {
        OtlpHttpSemantics semantics = new OtlpHttpSemantics(sink, config.httpMaxBody(), config.requiredHeader());
        try {
            http = NettyHttpServer.start(new InetSocketAddress(config.bind(), config.httpPort()), httpsContext,
                    semantics, httpWorkers);
        } catch (IOException e) {
            throw bindFailure(e, config.httpPort(), "OTLP/HTTP", "--http-port", owner);
        }
    }

    private DoctorException bindFailure(IOException e, int port, String what, String option, PortOwner owner) {
        String where = ClientAddress.hostForUrl(config.bind()) + ":" + port;
        if (addressInUse(e)) {
            String by = owner.of(port).map(o -> " by " + o).orElse("");
            return new DoctorException(ExitCode.USAGE, "port " + port + " (" + what + ") on "
                    + where + " is already in use" + by + ": stop that process, or choose another port with "
                    + option + " (0 turns " + what + " off)", e);
        }
        return new DoctorException(ExitCode.USAGE, "cannot listen on " + where + " (" + what + "): "
                + rootMessage(e) + "; check --bind", e);
    }

    /** NIO throws BindException; Netty's native transport an IOException with the errno text. */
    private static boolean addressInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("in use")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /** The bound gRPC port, or {@link ListenConfig#OFF}. */
    public int grpcPort() {
        return grpc == null ? ListenConfig.OFF : ((InetSocketAddress) grpc.getListenSockets().get(0)).getPort();
    }

    /** The bound HTTP port, or {@link ListenConfig#OFF}. */
    public int httpPort() {
        return http == null ? ListenConfig.OFF : http.port();
    }

    public ListenConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (grpc != null) {
            grpc.shutdown();
        }
        if (http != null) {
            http.close();
        }
        try {
            if (grpc != null && !grpc.awaitTermination(2, TimeUnit.SECONDS)) {
                grpc.shutdownNow();
            }
        } catch (InterruptedException e) {
            grpc.shutdownNow();
            Thread.currentThread().interrupt();
        }
        grpcWorkers.shutdownNow();
        httpWorkers.shutdownNow();
    }
}
