package dev.otlpdoctor.listen.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.util.function.Consumer;

/**
 * The listening channel of the gRPC server, handed to grpc-java through the public
 * {@code NettyServerBuilder.channelFactory}: each accepted connection gets listen's own first handlers
 * ({@link ConnectionGate}, {@link FirstBytesSniffer}) ahead of grpc-java's, without touching grpc-java's
 * internal classes (its protocol negotiators). Only Netty's public channel API is used, the same Netty
 * grpc-netty runs on (declared in pom.xml): a server channel passes each accepted connection down its pipeline to
 * the bootstrap's acceptor, and a handler placed first sees it before grpc-java initialises it.
 * {@code WrongPortTest} fails if an upgrade changes this.
 */
public final class GrpcServerChannels {
    private GrpcServerChannels() {
    }

    /** Server channels of the transport that {@code epoll} selects; {@code onAccept} runs on each new connection. */
    public static ChannelFactory<ServerChannel> factory(boolean epoll, Consumer<Channel> onAccept) {
        AcceptHook hook = new AcceptHook(onAccept);
        return () -> {
            ServerChannel channel = epoll ? new EpollServerSocketChannel() : new NioServerSocketChannel();
            channel.pipeline().addFirst(hook);
            return channel;
        };
    }

    /** Sees each accepted connection before the bootstrap's acceptor registers it. */
    @ChannelHandler.Sharable
    private static final class AcceptHook extends ChannelInboundHandlerAdapter {
        private final Consumer<Channel> onAccept;

        AcceptHook(Consumer<Channel> onAccept) {
            this.onAccept = onAccept;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof Channel child) {
                onAccept.accept(child);
            }
            ctx.fireChannelRead(msg);
        }
    }
}
