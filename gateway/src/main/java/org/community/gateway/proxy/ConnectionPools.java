package org.community.gateway.proxy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import io.netty.util.concurrent.FastThreadLocal;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;

/**
 * A downstream's connections, one pool per event loop. Vert.x hands a request any idle pooled connection, and a
 * connection lives on the event loop that opened it; so with one shared pool most proxied requests crossed threads
 * twice (the request written on the connection's loop, the answer handed back to the caller's), each a wake-up of
 * another thread. Here the caller's event loop opens and reuses its own connections, and an exchange stays on one
 * thread from the caller's request to the downstream's answer. Callers off the event loops (readiness, the merged
 * OpenAPI) share one more pool.
 */
final class ConnectionPools {

    private final Supplier<HttpClient> newPool;
    private final HttpClient shared;
    private final List<HttpClient> all = new CopyOnWriteArrayList<>();
    private final FastThreadLocal<HttpClient> perLoop = new FastThreadLocal<>() {
        @Override
        protected HttpClient initialValue() {
            return open();
        }
    };

    ConnectionPools(Supplier<HttpClient> newPool) {
        this.newPool = newPool;
        this.shared = open();
    }

    /** The pool of the calling event loop, or the shared one off the event loops. */
    HttpClient current() {
        Context context = Vertx.currentContext();
        return context != null && context.isEventLoopContext() && Context.isOnEventLoopThread() ? perLoop.get() : shared;
    }

    void close() {
        all.forEach(HttpClient::close);
    }

    private HttpClient open() {
        HttpClient client = newPool.get();
        all.add(client);
        return client;
    }
}
