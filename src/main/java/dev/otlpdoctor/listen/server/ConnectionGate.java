package dev.otlpdoctor.listen.server;

import dev.otlpdoctor.listen.tally.ClientAddress;
import dev.otlpdoctor.listen.tally.ExportSink;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection cap shared by both servers, so idle or hostile clients cannot use up the process's
 * file descriptors. At the cap a new connection takes the place of the oldest one that has not sent a
 * byte yet (counted as {@code silent-evicted}): connections opened and left silent, the audit's attack,
 * cannot keep a good exporter out. When every connection has spoken, the new one is closed at once
 * (counted as {@code connection-cap}).
 */
@ChannelHandler.Sharable
public final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private final int max;
    private final ExportSink sink;
    private final AtomicInteger open = new AtomicInteger();
    /** Open connections that have not sent a byte, oldest first; at most {@code max}. */
    private final ConcurrentLinkedDeque<Channel> silent = new ConcurrentLinkedDeque<>();

    public ConnectionGate(int max, ExportSink sink) {
        this.max = max;
        this.sink = sink;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        if (open.incrementAndGet() > max) {
            Channel oldest = silent.pollFirst();
            if (oldest == null) {
                open.decrementAndGet();
                sink.refused("connection-cap", ClientAddress.format(channel.remoteAddress()));
                ctx.close();
                return;
            }
            sink.refused("silent-evicted", ClientAddress.format(oldest.remoteAddress()));
            // Closed from listen's first handler, so the close reaches the socket at once: grpc-java's own
            // graceful close would wait up to 10 s for a PING answer that a silent client never sends.
            // Its close listener gives its place back.
            ChannelHandlerContext first = oldest.pipeline().context(FirstBytesSniffer.class);
            if (first != null) {
                first.close();
            } else {
                oldest.close();
            }
        }
        silent.addLast(channel);
        channel.closeFuture().addListener((ChannelFutureListener) closed -> {
            open.decrementAndGet();
            silent.remove(channel);
        });
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    /** The connection sent its first bytes: it is no longer a candidate for eviction. */
    void spoke(Channel channel) {
        silent.remove(channel);
    }

    public int open() {
        return open.get();
    }
}
