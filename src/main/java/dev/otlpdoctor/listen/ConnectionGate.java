package dev.otlpdoctor.listen;

import io.grpc.netty.shaded.io.netty.channel.ChannelFutureListener;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandler;
import io.grpc.netty.shaded.io.netty.channel.ChannelHandlerContext;
import io.grpc.netty.shaded.io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection cap shared by both servers: a connection beyond {@code max} open ones is closed at
 * once and counted, so idle or hostile clients cannot use up the process's file descriptors and keep
 * good exporters out.
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {
    private final int max;
    private final ExportSink sink;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionGate(int max, ExportSink sink) {
        this.max = max;
        this.sink = sink;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (open.incrementAndGet() > max) {
            open.decrementAndGet();
            sink.refused("connection-cap", ClientAddress.format(ctx.channel().remoteAddress()));
            ctx.close();
            return;
        }
        ctx.channel().closeFuture().addListener((ChannelFutureListener) closed -> open.decrementAndGet());
        ctx.pipeline().remove(this);
        ctx.fireChannelActive();
    }

    int open() {
        return open.get();
    }
}
