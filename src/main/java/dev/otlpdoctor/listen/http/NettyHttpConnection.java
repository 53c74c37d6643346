package dev.otlpdoctor.listen.http;

import dev.otlpdoctor.listen.tally.ClientAddress;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection of {@link NettyHttpServer}, on its event loop: collects a request's body, hands
 * the request to the workers and writes their answer. While a request is being answered nothing more is
 * read from this client (what was already read waits, in order), and a full worker pool, whose overflow
 * runs on the event loop, stops the reading of every client.
 */
public final class NettyHttpConnection extends ChannelInboundHandlerAdapter {
    /** Default time for a client to send a request's headers (after connecting or the previous answer), then its body. */
    static final long REQUEST_SECONDS = 30;
    /** As net/http after an unread request: the answer goes out, the peer gets a moment to read it, then close. */
    private static final long LINGER_MILLIS = 500;

    // Header names spelled as net/http writes them.
    private static final String CONTENT_TYPE = "Content-Type";
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String CONNECTION = "Connection";
    private static final String DATE = "Date";

    private final OtlpHttpSemantics semantics;
    private final Executor workers;
    private final AtomicInteger inFlight;
    private final RequestBytes held;
    private final long idleMillis;
    private HttpRequest head;
    private String path;
    private CompositeByteBuf body;
    private ScheduledFuture<?> deadline;
    private boolean answering;
    private boolean closing;
    private final Queue<Object> waiting = new ArrayDeque<>();

    NettyHttpConnection(OtlpHttpSemantics semantics, Executor workers, AtomicInteger inFlight, RequestBytes held,
                        Duration idle) {
        this.semantics = semantics;
        this.workers = workers;
        this.inFlight = inFlight;
        this.held = held;
        this.idleMillis = idle.toMillis();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        armDeadline(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
        } else if (answering) {
            waiting.add(msg);
        } else {
            handle(ctx, msg);
        }
    }

    private void handle(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
                refuseMalformed(ctx, object.decoderResult().cause());
                return;
            }
            if (msg instanceof HttpRequest request && !begin(ctx, request)) {
                return;
            }
            if (msg instanceof HttpContent content && head != null) {
                body.addComponent(true, content.content().retain());
                boolean last = content instanceof LastHttpContent;
                if (last || body.readableBytes() > semantics.maxBodyBytes()) {
                    dispatch(ctx, last);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    /** Starts collecting a request; false when its target is not a URI (then it was refused). */
    private boolean begin(ChannelHandlerContext ctx, HttpRequest request) {
        try {
            String uriPath = new URI(request.uri()).getPath();
            path = uriPath == null ? "" : uriPath;
        } catch (URISyntaxException e) {
            refuseMalformed(ctx, e);
            return false;
        }
        head = request;
        body = ctx.alloc().compositeBuffer(1024);
        armDeadline(ctx);
        return true;
    }

    /**
     * Hands the request to a worker. {@code complete} is false when the body outgrew the limit: the
     * semantics refuses it from what was collected and the rest is never read.
     */
    private void dispatch(ChannelHandlerContext ctx, boolean complete) {
        cancelDeadline();
        boolean keepAlive = complete && HttpUtil.isKeepAlive(head);
        OtlpHttpSemantics.Request request = new OtlpHttpSemantics.Request(head.method().name(), path,
                head.headers()::get, new ByteBufInputStream(body, true), ClientAddress.format(ctx.channel().remoteAddress()),
                head.headers().names().stream().map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList());
        head = null;
        body = null;
        answering = true;
        ctx.channel().config().setAutoRead(false);
        inFlight.incrementAndGet();
        workers.execute(() -> respond(ctx, request, keepAlive, complete));
    }

    /** On a worker (or on the event loop when the workers are all busy). */
    private void respond(ChannelHandlerContext ctx, OtlpHttpSemantics.Request request, boolean keepAlive,
                         boolean complete) {
        OtlpHttpSemantics.Answer answer;
        try {
            answer = semantics.answer(request);
        } catch (RuntimeException e) {
            inFlight.decrementAndGet();
            ctx.close();
            return;
        } finally {
            release(request.body());
        }
        boolean close = answer.close() || !keepAlive;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(answer.body()));
        response.headers().set(CONTENT_TYPE, answer.contentType()).set(DATE, DateFormatter.format(new Date()))
                .setInt(CONTENT_LENGTH, answer.body().length);
        if (close) {
            response.headers().set(CONNECTION, "close");
        }
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            inFlight.decrementAndGet();
            held.releaseAll();
            if (!written.isSuccess() || (close && complete)) {
                ctx.close();
            } else if (close) {
                endAfterAnswer(ctx);
            } else {
                resume(ctx);
            }
        });
    }

    /** Closing the body stream releases its buffers (it was made with releaseOnClose). */
    private static void release(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // a ByteBufInputStream does not fail to close
        }
    }

    /** After an answer: read again, starting with what arrived meanwhile. */
    private void resume(ChannelHandlerContext ctx) {
        answering = false;
        armDeadline(ctx);
        ctx.channel().config().setAutoRead(true);
        Object msg;
        while (!answering && !closing && (msg = waiting.poll()) != null) {
            handle(ctx, msg);
        }
    }

    /**
     * What Go's net/http answers to a request it cannot parse (a TLS ClientHello on the plaintext port,
     * say): a fixed text/plain 400, or 431 for oversized headers, then the connection closes.
     */
    private void refuseMalformed(ChannelHandlerContext ctx, Throwable cause) {
        closing = true;
        cancelDeadline();
        releaseBody();
        HttpResponseStatus status = cause instanceof TooLongFrameException
                ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(status.toString(), StandardCharsets.UTF_8));
        response.headers().set(CONTENT_TYPE, "text/plain; charset=utf-8").set(CONNECTION, "close");
        ctx.writeAndFlush(response).addListener((ChannelFutureListener) written -> {
            if (written.isSuccess()) {
                endAfterAnswer(ctx);
            } else {
                ctx.close();
            }
        });
    }

    /**
     * Ends the connection after an answer given before the request was read to its end: the answer is
     * followed by a FIN, what the client still sends is read and dropped for a moment so that it gets
     * to read the answer, then the connection closes.
     */
    private void endAfterAnswer(ChannelHandlerContext ctx) {
        closing = true;
        cancelDeadline();
        releaseBody();
        ((DuplexChannel) ctx.channel()).shutdownOutput();
        ctx.channel().config().setAutoRead(true);
        ctx.executor().schedule(() -> ctx.close(), LINGER_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Closes a client that is too slow to send a request: it would hold its buffers for ever. */
    private void armDeadline(ChannelHandlerContext ctx) {
        cancelDeadline();
        deadline = ctx.executor().schedule(() -> ctx.close(), idleMillis, TimeUnit.MILLISECONDS);
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
        head = null;
        waiting.forEach(ReferenceCountUtil::release);
        waiting.clear();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelDeadline();
        releaseBody();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets, TLS failures, write timeouts: the connection is over; the sink counts only requests,
        // and a request dropped because its buffers could not be allocated.
        if (cause instanceof OutOfMemoryError && head != null) {
            semantics.refusedForMemory(ClientAddress.format(ctx.channel().remoteAddress()));
        }
        ctx.close();
    }
}
