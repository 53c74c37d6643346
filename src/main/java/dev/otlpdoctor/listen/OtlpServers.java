package dev.otlpdoctor.listen;

import dev.otlpdoctor.InvalidInputException;
import dev.otlpdoctor.listen.http.NettyHttpServer;
import dev.otlpdoctor.listen.http.OtlpHttpSemantics;
import dev.otlpdoctor.listen.server.BoundedExecutor;
import dev.otlpdoctor.listen.server.ConnectionGate;
import dev.otlpdoctor.listen.server.FirstBytesSniffer;
import dev.otlpdoctor.listen.server.GrpcServerChannels;
import dev.otlpdoctor.listen.server.InFlightBudget;
import dev.otlpdoctor.listen.server.ListenConfig;
import dev.otlpdoctor.listen.server.Listening;
import dev.otlpdoctor.listen.server.OtlpGrpcServices;
import dev.otlpdoctor.listen.server.PortOwner;
import dev.otlpdoctor.listen.server.QuickAck;
import dev.otlpdoctor.listen.server.TlsMaterial;
import dev.otlpdoctor.listen.tally.ClientAddress;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.Misdirection;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.NettyServerBuilder;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
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
    private final InFlightBudget budget;
    private ConnectionGate gate;
    private EventLoopGroup grpcBoss;
    private EventLoopGroup grpcIo;
    private Server grpc;
    private NettyHttpServer http;
    private volatile int grpcPort;
    private volatile int httpPort;

    private OtlpServers(ListenConfig config) {
        this.config = config;
        this.budget = new InFlightBudget(config.limits().maxInFlightBytes());
        this.grpcPort = config.grpcPort();
        this.httpPort = config.httpPort();
        this.grpcWorkers = BoundedExecutor.create("listen-grpc", config.workers(), config.workers() * QUEUE_PER_WORKER);
        this.httpWorkers = BoundedExecutor.create("listen-http", config.workers(), config.workers() * QUEUE_PER_WORKER);
    }

    /**
     * Binds and starts the servers the config asks for. A port that is taken is a usage error naming
     * the port and, when {@code owner} can tell, the process holding it.
     */
    public static OtlpServers start(ListenConfig config, ExportSink sink, PortOwner owner) {
        OtlpServers listener = new OtlpServers(config);
        listener.gate = new ConnectionGate(config.limits().maxConnections(), sink);
        try {
            SSLContext httpsContext = config.tls() ? TlsMaterial.sslContext(config.tlsCert(), config.tlsKey()) : null;
            if (config.grpcPort() != ListenConfig.OFF) {
                listener.startGrpc(sink, owner);
            }
            if (config.httpPort() != ListenConfig.OFF) {
                listener.startHttp(sink, owner, httpsContext);
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
            throw new InvalidInputException("--tls-cert/--tls-key: cannot be read (" + e.getMessage() + ")");
        }
        // listen's own event loops and listening channel, so that each connection starts with the
        // connection cap and the first-bytes sniffer (GrpcServerChannels), as on the HTTP server.
        boolean epoll = Epoll.isAvailable();
        grpcBoss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("listen-grpc-accept", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        grpcIo = new MultiThreadIoEventLoopGroup(config.workers(), new DefaultThreadFactory("listen-grpc-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        long idleMillis = config.limits().idleTimeout().toMillis();
        NettyServerBuilder builder = NettyServerBuilder
                .forAddress(new InetSocketAddress(config.bind(), config.grpcPort()), credentials)
                .channelFactory(GrpcServerChannels.factory(epoll, child -> guard(child, true, sink)))
                .bossEventLoopGroup(grpcBoss)
                .workerEventLoopGroup(grpcIo)
                .maxInboundMessageSize(config.grpcMaxMessage())
                // grpc-java's default is 120 s to send the HTTP/2 preface; an idle connection then waits
                // for ever. Both bounded by the same idle timeout as HTTP.
                .handshakeTimeout(idleMillis, TimeUnit.MILLISECONDS)
                .maxConnectionIdle(idleMillis, TimeUnit.MILLISECONDS)
                .executor(grpcWorkers)
                .fallbackHandlerRegistry(OtlpGrpcServices.unknownMethods())
                .addStreamTracerFactory(OtlpGrpcServices.rejections(sink));
        OtlpGrpcServices.all(sink, config.requiredHeader(), budget, config.grpcMaxMessage()).forEach(builder::addService);
        try {
            grpc = builder.build().start();
            grpcPort = ((InetSocketAddress) grpc.getListenSockets().get(0)).getPort();
        } catch (IOException e) {
            throw bindFailure(e, config.grpcPort(), "OTLP/gRPC", "--grpc-port", owner);
        }
    }

    private void startHttp(ExportSink sink, PortOwner owner, SSLContext httpsContext) {
        OtlpHttpSemantics semantics = new OtlpHttpSemantics(sink, config.httpMaxBody(), config.requiredHeader());
        try {
            http = NettyHttpServer.start(new InetSocketAddress(config.bind(), config.httpPort()), httpsContext,
                    semantics, httpWorkers, new NettyHttpServer.Guards(gate, this::ports, sink, budget,
                            config.limits().idleTimeout()));
            httpPort = http.port();
        } catch (IOException e) {
            throw bindFailure(e, config.httpPort(), "OTLP/HTTP", "--http-port", owner);
        }
    }

    /**
     * The first handlers of a gRPC connection (the HTTP server adds the same ones itself). The SDK's gRPC
     * sender (OkHttp) leaves Nagle's algorithm on too, so its connections get {@link QuickAck} as well.
     */
    private void guard(Channel child, boolean grpcPort, ExportSink sink) {
        if (child instanceof EpollSocketChannel) {
            child.pipeline().addFirst(QuickAck.INSTANCE);
        }
        child.pipeline().addFirst(new FirstBytesSniffer(grpcPort, config.tls(), this::ports, sink, gate));
        child.pipeline().addFirst(gate);
    }

    /** Where this listen listens, for the fixes of wrong-port connections. */
    Misdirection.Ports ports() {
        return new Listening(config, grpcPort, httpPort).ports();
    }

    /** Bytes currently held for requests not yet answered. */
    long inFlightBytes() {
        return budget.used();
    }

    /** Open connections of both servers. */
    int openConnections() {
        return gate.open();
    }

    private InvalidInputException bindFailure(IOException e, int port, String what, String option, PortOwner owner) {
        String where = ClientAddress.hostForUrl(config.bind()) + ":" + port;
        if (addressInUse(e)) {
            String by = owner.of(port).map(o -> " by " + o).orElse("");
            return new InvalidInputException("port " + port + " (" + what + ") on "
                    + where + " is already in use" + by + ": stop that process, or choose another port with "
                    + option + " (0 turns " + what + " off)", e);
        }
        return new InvalidInputException("cannot listen on " + where + " (" + what + "): "
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

    /** The settings and the bound ports, for the banner and the summary. */
    public Listening listening() {
        return new Listening(config, grpcPort(), httpPort());
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
        for (EventLoopGroup group : new EventLoopGroup[] {grpcIo, grpcBoss}) {
            if (group != null) {
                group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
            }
        }
    }
}
