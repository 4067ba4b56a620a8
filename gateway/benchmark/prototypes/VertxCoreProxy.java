import java.util.Locale;
import java.util.Set;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Benchmark tool, not production code: the smallest forwarding proxy on plain Vert.x core, to measure what the
 * gateway's hop costs without Quarkus (no Router, no CORS, no request context, no access log, no metrics). It keeps
 * what the gateway must do on every request: a bearer token checked against a cache of verified tokens (RS256 checked
 * once per token, against the gateway's JWKS, until {@code exp}), end-to-end headers copied both ways, X-Forwarded-*
 * set, the body streamed with back-pressure, and one HttpClient pool per event loop as in the gateway's
 * ConnectionPools. GET and HEAD only.
 *
 * <pre>
 * java -cp "gateway/target/quarkus-app/lib/main/*" gateway/benchmark/prototypes/VertxCoreProxy.java \
 *     PORT DOWNSTREAM_HOST DOWNSTREAM_PORT JWKS_URL [EVENT_LOOPS]
 * </pre>
 */
public class VertxCoreProxy extends AbstractVerticle {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "expect");
    private static final CharSequence X_FORWARDED_FOR = HttpHeaders.createOptimized("X-Forwarded-For");
    private static final CharSequence X_FORWARDED_PROTO = HttpHeaders.createOptimized("X-Forwarded-Proto");
    private static final CharSequence HTTP = HttpHeaders.createOptimized("http");

    private final int port;
    private final String downstreamHost;
    private final int downstreamPort;
    private final Tokens tokens;
    private HttpClient client;

    VertxCoreProxy(int port, String downstreamHost, int downstreamPort, Tokens tokens) {
        this.port = port;
        this.downstreamHost = downstreamHost;
        this.downstreamPort = downstreamPort;
        this.tokens = tokens;
    }

    public static void main(String[] args) throws Exception {
        Tokens tokens = new Tokens(Tokens.fetchKey(args[3]));
        // 2 x cores by default, as Quarkus
        int loops = args.length > 4 ? Integer.parseInt(args[4]) : VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        for (int i = 0; i < loops; i++) {
            vertx.deployVerticle(new VertxCoreProxy(Integer.parseInt(args[0]), args[1], Integer.parseInt(args[2]), tokens),
                    new DeploymentOptions()).toCompletionStage().toCompletableFuture().join();
        }
        System.out.println("vertx-core proxy on :" + args[0] + " with " + loops + " event loops");
    }

    @Override
    public void start() {
        // created on this verticle's event loop: its connections live on that loop (the gateway's ConnectionPools)
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true).setKeepAliveTimeout(60)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(100).setMaxWaitQueueSize(10_000));
        vertx.createHttpServer(new HttpServerOptions().setTcpNoDelay(true)).requestHandler(this::handle).listen(port);
    }

    private void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            response.setStatusCode(405).end();
            return;
        }
        if (!tokens.valid(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            response.setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
            return;
        }
        request.pause();
        client.request(new RequestOptions().setMethod(request.method()).setHost(downstreamHost).setPort(downstreamPort)
                .setURI(request.uri())).onComplete(connected -> {
                    if (connected.failed()) {
                        response.setStatusCode(502).end();
                        return;
                    }
                    var outgoing = connected.result();
                    copy(request.headers(), outgoing.headers());
                    String caller = request.remoteAddress().hostAddress();
                    String prior = request.getHeader(X_FORWARDED_FOR);
                    outgoing.headers().set(X_FORWARDED_FOR, prior == null ? caller : prior + ", " + caller);
                    outgoing.headers().set(X_FORWARDED_PROTO, HTTP);
                    outgoing.response().onComplete(answered -> {
                        if (answered.failed()) {
                            if (!response.ended() && !response.closed()) {
                                response.setStatusCode(502).end();
                            }
                            return;
                        }
                        relay(answered.result(), response);
                    });
                    outgoing.end();
                });
    }

    private static void relay(HttpClientResponse incoming, HttpServerResponse response) {
        response.setStatusCode(incoming.statusCode());
        copy(incoming.headers(), response.headers());
        if (!incoming.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        incoming.handler(chunk -> {
            response.write(chunk);
            if (response.writeQueueFull()) {
                incoming.pause();
                response.drainHandler(v -> incoming.resume());
            }
        });
        incoming.endHandler(v -> response.end());
        incoming.exceptionHandler(e -> response.reset());
    }

    private static void copy(MultiMap from, MultiMap to) {
        for (var entry : from) {
            if (!HOP_BY_HOP.contains(entry.getKey().toLowerCase(Locale.ROOT))) {
                to.add(entry.getKey(), entry.getValue());
            }
        }
    }
}
