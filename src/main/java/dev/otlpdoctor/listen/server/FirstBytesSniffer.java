package dev.otlpdoctor.listen.server;

import dev.otlpdoctor.listen.tally.ClientAddress;
import dev.otlpdoctor.listen.tally.ExportSink;
import dev.otlpdoctor.listen.tally.Misdirection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The first handler of every connection of both servers: looks at the first bytes (holding back at
 * most the few needed to decide) and, when they are the wrong protocol for the port, reports a
 * {@link Misdirection} and answers as the collector's server would. A connection that speaks the right
 * protocol passes through untouched and the sniffer removes itself.
 *
 * <p>Answers to a wrong protocol, as the collector: gRPC port (grpc-go) closes the connection on a bad
 * greeting; HTTP port (net/http) answers the HTTP/2 preface {@code PRI * HTTP/2.0} with the mux's
 * {@code 404 page not found} and closes; a TLS HTTP port (crypto/tls under net/http) answers plaintext
 * HTTP/1.x with {@code 400 Client sent an HTTP request to an HTTPS server}; a TLS ClientHello on the
 * plaintext HTTP port goes on to the HTTP codec, which answers net/http's 400.
 */
public final class FirstBytesSniffer extends ChannelInboundHandlerAdapter {
    /** Most bytes of an HTTP/1.x head kept to name the request line and User-Agent. */
    static final int HEAD_CAP = 8192;
    private static final byte[] NOT_FOUND = ("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "X-Content-Type-Options: nosniff\r\nContent-Length: 19\r\nConnection: close\r\n\r\n404 page not found\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HTTP_TO_HTTPS = ("HTTP/1.0 400 Bad Request\r\n\r\n"
            + "Client sent an HTTP request to an HTTPS server.\n").getBytes(StandardCharsets.US_ASCII);

    private final boolean grpcPort;
    private final boolean tls;
    private final Supplier<Misdirection.Ports> ports;
    private final ExportSink sink;
    private final ConnectionGate gate;
    private final List<Object> held = new ArrayList<>(2);
    private byte[] seen = new byte[64];
    private int count;
    /** Set once the bytes are an HTTP/1.x request where none belongs: its head is read, then reported. */
    private boolean readingHead;
    private boolean done;

    public FirstBytesSniffer(boolean grpcPort, boolean tls, Supplier<Misdirection.Ports> ports, ExportSink sink,
                      ConnectionGate gate) {
        this.gate = gate;
        this.grpcPort = grpcPort;
        this.tls = tls;
        this.ports = ports;
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (done || !(msg instanceof ByteBuf buf)) {
            if (done) {
                ReferenceCountUtil.release(msg);
            } else {
                ctx.fireChannelRead(msg);
            }
            return;
        }
        if (count == 0) {
            gate.spoke(ctx.channel());
        }
        copy(buf);
        if (readingHead) {
            ReferenceCountUtil.release(msg);
            if (FirstBytes.headComplete(seen, count) || count >= HEAD_CAP) {
                reportHead(ctx);
            }
            return;
        }
        held.add(msg);
        FirstBytes.Sight sight = FirstBytes.classify(seen, count);
        if (sight == FirstBytes.Sight.NEED_MORE) {
            return;
        }
        decide(ctx, sight);
    }

    private void decide(ChannelHandlerContext ctx, FirstBytes.Sight sight) {
        String client = ClientAddress.format(ctx.channel().remoteAddress());
        Misdirection.Ports where = ports.get();
        boolean expected = tls ? sight == FirstBytes.Sight.TLS
                : grpcPort ? sight == FirstBytes.Sight.HTTP2_PREFACE : sight == FirstBytes.Sight.HTTP1;
        if (expected || sight == FirstBytes.Sight.OTHER) {
            passThrough(ctx);
            return;
        }
        if (sight == FirstBytes.Sight.HTTP1) {
            // Read the head (bounded) to name the request and the exporter before answering.
            readingHead = true;
            releaseHeld();
            if (FirstBytes.headComplete(seen, count)) {
                reportHead(ctx);
            }
            return;
        }
        if (sight == FirstBytes.Sight.TLS) {
            sink.misdirected(Misdirection.tlsOnPlaintextPort(where, client, grpcPort));
            if (grpcPort) {
                end(ctx, null);
            } else {
                passThrough(ctx); // the HTTP codec answers net/http's 400
            }
            return;
        }
        // The HTTP/2 preface: a gRPC exporter on the HTTP port, or plaintext gRPC on a TLS port.
        if (tls) {
            sink.misdirected(Misdirection.plaintextOnTlsPort(where, client, grpcPort, null, null));
            end(ctx, null);
        } else {
            sink.misdirected(Misdirection.grpcOnHttpPort(where, client));
            end(ctx, NOT_FOUND);
        }
    }

    private void reportHead(ChannelHandlerContext ctx) {
        if (done) {
            return;
        }
        FirstBytes.Head head = FirstBytes.head(seen, count);
        String client = ClientAddress.format(ctx.channel().remoteAddress());
        Misdirection.Ports where = ports.get();
        if (tls) {
            sink.misdirected(Misdirection.plaintextOnTlsPort(where, client, grpcPort, head.requestLine(), head.userAgent()));
            end(ctx, grpcPort ? null : HTTP_TO_HTTPS);
        } else {
            sink.misdirected(Misdirection.http1OnGrpcPort(where, client, head.requestLine(), head.userAgent()));
            end(ctx, null);
        }
    }

    /** Answers (when the collector's server would) and closes; what the client still sends is dropped. */
    private void end(ChannelHandlerContext ctx, byte[] answer) {
        done = true;
        releaseHeld();
        seen = null;
        if (answer == null) {
            ctx.close();
        } else {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void passThrough(ChannelHandlerContext ctx) {
        done = true;
        seen = null;
        ctx.pipeline().remove(this);
        for (Object msg : held) {
            ctx.fireChannelRead(msg);
        }
        held.clear();
        ctx.fireChannelReadComplete();
    }

    private void copy(ByteBuf buf) {
        int n = Math.min(buf.readableBytes(), HEAD_CAP - count);
        if (n <= 0) {
            return;
        }
        if (count + n > seen.length) {
            seen = Arrays.copyOf(seen, Math.min(HEAD_CAP, Math.max(seen.length * 2, count + n)));
        }
        buf.getBytes(buf.readerIndex(), seen, count, n);
        count += n;
    }

    private void releaseHeld() {
        held.forEach(ReferenceCountUtil::release);
        held.clear();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        // Hold back read-complete while bytes are held: the next handler has seen nothing yet.
        if (held.isEmpty() && !readingHead && !done) {
            ctx.fireChannelReadComplete();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (readingHead && !done) {
            reportHead(ctx); // the client gave up before its head was complete: report what came
        }
        releaseHeld();
        ctx.fireChannelInactive();
    }
}
