package dev.otlpdoctor.listen.http;

import dev.otlpdoctor.listen.server.InFlightBudget;
import dev.otlpdoctor.listen.tally.ClientAddress;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.Rejection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Charges every byte an HTTP client sends (request line, headers, body) to the {@link InFlightBudget}
 * until its request is answered ({@link #releaseAll}). A read that does not fit is not passed on: the
 * client gets {@code 503 Service Unavailable} with {@code Retry-After}, which OTLP exporters retry, the
 * refusal is counted as {@code over-budget}, and the connection closes.
 */
public final class RequestBytes extends ChannelInboundHandlerAdapter {
    private static final byte[] UNAVAILABLE;

    static {
        String body = "listen: in-flight byte budget full, retry later\n";
        UNAVAILABLE = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 1\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);
    }

    private final InFlightBudget budget;
    private final ExportSink sink;
    private long held;
    private boolean refused;

    RequestBytes(InFlightBudget budget, ExportSink sink) {
        this.budget = budget;
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof ByteBuf buf) {
            int n = buf.readableBytes();
            if (!budget.tryReserve(n)) {
                refused = true;
                ReferenceCountUtil.release(msg);
                sink.reject(new Rejection("over-budget", "http", null, null, null, null, "503",
                        ClientAddress.format(ctx.channel().remoteAddress()),
                        "in-flight byte budget of " + budget.max() + " bytes full"));
                ctx.writeAndFlush(Unpooled.wrappedBuffer(UNAVAILABLE)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            held += n;
        }
        ctx.fireChannelRead(msg);
    }

    /** The request was answered (or the connection is gone): its bytes are no longer held. */
    void releaseAll() {
        budget.release(held);
        held = 0;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseAll();
        ctx.fireChannelInactive();
    }
}
