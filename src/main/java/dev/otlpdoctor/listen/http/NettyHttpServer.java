package dev.otlpdoctor.listen.http;

import dev.otlpdoctor.listen.server.ConnectionGate;
import dev.otlpdoctor.listen.server.FirstBytesSniffer;
import dev.otlpdoctor.listen.server.InFlightBudget;
import dev.otlpdoctor.listen.server.QuickAck;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.Misdirection;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.WriteTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;

/**
 * The OTLP/HTTP server: HTTP/1.1 (over TLS with {@code --tls-cert}) on Netty's HTTP codec, one I/O
 * thread, requests answered by {@link OtlpHttpSemantics} on the workers. The codec ends lines at a bare
 * LF as Go's net/http does, so a request that is not HTTP gets net/http's 400 at once.
 */
public final class NettyHttpServer implements AutoCloseable {
    /** net/http's DefaultMaxHeaderBytes, for the request line and for the headers. */
    private static final int MAX_HEADER_BYTES = 1 << 20;
    /** Time for an answer to be written to a client that does not read it. */
    private static final int RESPONSE_SECONDS = 30;

    private final EventLoopGroup group;
    private final Channel listening;
    private final AtomicInteger inFlight;

    private NettyHttpServer(EventLoopGroup group, Channel listening, AtomicInteger inFlight) {
        this.group = group;
        this.listening = listening;
        this.inFlight = inFlight;
    }

    /**
     * What guards every connection: the shared connection cap, the first-bytes sniffer's view of the
     * ports, the in-flight budget and the idle timeout. {@link #NONE}: no cap, no sniffer, no budget.
     */
    public record Guards(ConnectionGate gate, Supplier<Misdirection.Ports> ports, ExportSink sink, InFlightBudget budget,
                  Duration idle) {
        static final Guards NONE = new Guards(null, null, null, new InFlightBudget(Long.MAX_VALUE),
                Duration.ofSeconds(NettyHttpConnection.REQUEST_SECONDS));
    }

    /** Binds {@code address} and serves; {@code tls} null for plaintext. */
    public static NettyHttpServer start(InetSocketAddress address, SSLContext tls, OtlpHttpSemantics semantics,
                                 Executor workers) throws IOException {
        return start(address, tls, semantics, workers, Guards.NONE);
    }

    /** Binds {@code address} and serves with {@code guards}; {@code tls} null for plaintext. */
    public static NettyHttpServer start(InetSocketAddress address, SSLContext tls, OtlpHttpSemantics semantics,
                                 Executor workers, Guards guards) throws IOException {
        AtomicInteger inFlight = new AtomicInteger();
        HttpDecoderConfig decoder = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_HEADER_BYTES).setMaxHeaderSize(MAX_HEADER_BYTES);
        // Linux's native transport where it loads, for QuickAck; Java's NIO elsewhere.
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("listen-http-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        ServerBootstrap bootstrap = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        ChannelPipeline pipeline = channel.pipeline();
                        if (guards.gate() != null) {
                            pipeline.addLast(guards.gate(),
                                    new FirstBytesSniffer(false, tls != null, guards.ports(), guards.sink(), guards.gate()));
                        }
                        if (epoll) {
                            pipeline.addLast(QuickAck.INSTANCE);
                        }
                        if (tls != null) {
                            pipeline.addLast(new SslHandler(serverEngine(tls)));
                        }
                        RequestBytes held = new RequestBytes(guards.budget(), guards.sink());
                        pipeline.addLast(held, new WriteTimeoutHandler(RESPONSE_SECONDS), new HttpServerCodec(decoder),
                                new HttpServerExpectContinueHandler(),
                                new NettyHttpConnection(semantics, workers, inFlight, held, guards.idle()));
                    }
                });
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw bound.cause() instanceof IOException e ? e : new IOException(bound.cause());
        }
        return new NettyHttpServer(group, bound.channel(), inFlight);
    }

    private static SSLEngine serverEngine(SSLContext tls) {
        SSLEngine engine = tls.createSSLEngine();
        engine.setUseClientMode(false);
        return engine;
    }

    public int port() {
        return ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /**
     * Stops accepting, then waits (polling, up to 2 s) until every request taken is answered: the run
     * may end right after counting a request, and that request's client must still get its response.
     */
    @Override
    public void close() {
        listening.close().awaitUninterruptibly();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }
}
