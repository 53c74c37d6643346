package dev.otlpdoctor.listen.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.epoll.EpollSocketChannel;

/**
 * Acknowledges what a client sent at once (Linux {@code TCP_QUICKACK}, set again on every read because
 * the kernel clears it). The OpenTelemetry SDK's senders (OkHttp, HTTP and gRPC) leave Nagle's algorithm on, so the last
 * part of a request body waits until the earlier segments are acknowledged, and a delayed ACK held each
 * export back by up to 40 ms: with it, the SDK's http/protobuf exports reached less than half the rate
 * (docs/performance.md).
 */
@ChannelHandler.Sharable
public final class QuickAck extends ChannelInboundHandlerAdapter {
    public static final QuickAck INSTANCE = new QuickAck();

    private QuickAck() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ((EpollSocketChannel) ctx.channel()).config().setTcpQuickAck(true);
        ctx.fireChannelRead(msg);
    }
}
