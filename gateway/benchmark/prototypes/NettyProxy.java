import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.List;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Benchmark tool, not production code: a forwarding proxy on raw Netty, the floor under {@link VertxCoreProxy}.
 * HttpServerCodec towards the caller, HttpClientCodec towards the downstream, no aggregation: the request and answer
 * objects the codecs decode are passed on as they come (hop-by-hop headers removed, X-Forwarded-* added), and the
 * downstream connections are pooled per event loop, so an exchange never leaves its thread. Same token check as the
 * Vert.x prototype ({@link Tokens}). GET and HEAD only, one request at a time per caller connection (no pipelining).
 *
 * <pre>
 * java -cp "prototypes-classes:gateway/target/quarkus-app/lib/main/*" NettyProxy PORT DOWNSTREAM_HOST DOWNSTREAM_PORT JWKS_URL [EVENT_LOOPS]
 * </pre>
 */
public final class NettyProxy {

    private static final List<AsciiString> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION, AsciiString.cached("keep-alive"),
            AsciiString.cached("proxy-connection"), HttpHeaderNames.PROXY_AUTHENTICATE, HttpHeaderNames.PROXY_AUTHORIZATION,
            HttpHeaderNames.TE, HttpHeaderNames.TRAILER, HttpHeaderNames.UPGRADE, HttpHeaderNames.EXPECT);
    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    private static final AsciiString HTTP = AsciiString.cached("http");

    private final InetSocketAddress downstream;
    private final Tokens tokens;
    /** Idle downstream connections of the calling event loop. */
    private final FastThreadLocal<ArrayDeque<Channel>> idle = new FastThreadLocal<>() {
        @Override
        protected ArrayDeque<Channel> initialValue() {
            return new ArrayDeque<>();
        }
    };

    NettyProxy(InetSocketAddress downstream, Tokens tokens) {
        this.downstream = downstream;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        NettyProxy proxy = new NettyProxy(new InetSocketAddress(args[1], Integer.parseInt(args[2])), new Tokens(Tokens.fetchKey(args[3])));
        // 2 x cores by default, as Vert.x and Quarkus
        int loops = args.length > 4 ? Integer.parseInt(args[4]) : 2 * Runtime.getRuntime().availableProcessors();
        new ServerBootstrap().group(new NioEventLoopGroup(1), new NioEventLoopGroup(loops)).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpServerCodec(), proxy.new Frontend());
                    }
                }).bind(Integer.parseInt(args[0])).sync();
        System.out.println("netty proxy on :" + args[0] + " with " + loops + " event loops");
    }

    /** One caller connection: each request is checked, then forwarded on a downstream connection of the same loop. */
    final class Frontend extends SimpleChannelInboundHandler<HttpObject> {
        private Channel backend;
        /** Done once {@link #backend} is connected: a new connection takes what is written after its connect. */
        private ChannelFuture backendReady;

        Frontend() {
            super(false); // the messages are passed on, and released by the encoder that writes them
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            if (message instanceof HttpRequest request) {
                if ((request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD)
                        || !tokens.valid(request.headers().get(HttpHeaderNames.AUTHORIZATION))) {
                    refuse(ctx, request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD
                            ? HttpResponseStatus.UNAUTHORIZED : HttpResponseStatus.METHOD_NOT_ALLOWED);
                    return;
                }
                HttpHeaders headers = request.headers();
                HOP_BY_HOP.forEach(headers::remove);
                String caller = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
                String prior = headers.get(X_FORWARDED_FOR);
                headers.set(X_FORWARDED_FOR, prior == null ? caller : prior + ", " + caller);
                headers.set(X_FORWARDED_PROTO, HTTP);
                backendReady = lease(ctx.channel());
                backend = backendReady.channel();
                forward(request);
            } else if (backend != null) {
                forward(message);
            } else if (message instanceof HttpContent content) {
                content.release(); // the body of a refused request
            }
        }

        private void forward(HttpObject message) {
            Channel channel = backend;
            if (backendReady.isDone()) {
                send(channel, message);
            } else {
                backendReady.addListener(connected -> send(channel, message)); // listeners run in order
            }
        }

        private void send(Channel channel, HttpObject message) {
            if (message instanceof LastHttpContent) {
                channel.writeAndFlush(message);
            } else {
                channel.write(message);
            }
        }

        private void refuse(ChannelHandlerContext ctx, HttpResponseStatus status) {
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
            response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0);
            ctx.writeAndFlush(response);
        }

        /** The answer is complete: the downstream connection goes back to this loop's pool. */
        void answered(Channel used) {
            if (backend == used) {
                backend = null;
            }
            if (used.isActive()) {
                idle.get().push(used);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (backend != null) {
                backend.close(); // the caller left mid-exchange
            }
        }
    }

    /** A downstream connection of the caller's event loop: an idle one, or a new one (done when connected). */
    private ChannelFuture lease(Channel caller) {
        ArrayDeque<Channel> pool = idle.get();
        Channel channel;
        while ((channel = pool.poll()) != null) {
            if (channel.isActive()) {
                channel.attr(Backend.CALLER).set(caller);
                return channel.newSucceededFuture();
            }
        }
        EventLoop loop = caller.eventLoop();
        ChannelFuture connecting = new Bootstrap().group(loop).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline().addLast(new HttpClientCodec(), new Backend());
                    }
                }).connect(downstream).addListener((ChannelFutureListener) connected -> {
                    if (!connected.isSuccess()) {
                        caller.close();
                    }
                });
        connecting.channel().attr(Backend.CALLER).set(caller);
        return connecting;
    }

    /** One downstream connection: relays the answer to the caller that leased it. */
    static final class Backend extends SimpleChannelInboundHandler<HttpObject> {
        static final io.netty.util.AttributeKey<Channel> CALLER = io.netty.util.AttributeKey.valueOf("caller");

        Backend() {
            super(false);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject message) {
            Channel caller = ctx.channel().attr(CALLER).get();
            if (message instanceof HttpResponse response) {
                HOP_BY_HOP.forEach(response.headers()::remove);
            }
            if (message instanceof LastHttpContent) {
                caller.writeAndFlush(message);
                ((Frontend) caller.pipeline().last()).answered(ctx.channel());
            } else {
                caller.write(message);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Channel caller = ctx.channel().attr(CALLER).get();
            if (caller != null && ((Frontend) caller.pipeline().last()).backend == ctx.channel()) {
                caller.close(); // the downstream broke off mid-exchange
            }
        }
    }
}
