package org.community.gateway.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Correlation for every request through the gateway: an {@code X-Request-Id} (the caller's, or a new one)
 * and a W3C {@code traceparent} (the caller's when well formed, or a new trace). Both are put on the
 * incoming request, so the proxy passes them on, the access log shows them and problems quote the id;
 * the request id is echoed on the response.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    // the names with their hash computed once: they are read and set on every request
    private static final CharSequence HEADER_NAME = io.vertx.core.http.HttpHeaders.createOptimized(HEADER);
    private static final CharSequence TRACEPARENT_NAME = io.vertx.core.http.HttpHeaders.createOptimized(TRACEPARENT);
    /** Runs before the proxy and before REST. */
    public static final int ROUTE_ORDER = 10;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    void install(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::assign);
    }

    void assign(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = request.getHeader(HEADER_NAME);
        if (id == null || id.isBlank() || id.length() > 200) {
            id = randomUuid().toString();
            request.headers().set(HEADER_NAME, id);
        }
        String traceparent = request.getHeader(TRACEPARENT_NAME);
        if (!wellFormed(traceparent)) {
            request.headers().set(TRACEPARENT_NAME, newTraceparent());
        }
        String echo = id;
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(HEADER_NAME, echo));
        ctx.next();
    }

    /**
     * {@code <2 hex version>-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}, lower case, version not ff, trace id
     * not all zeros (W3C Trace Context). Checked by hand: it runs on every request.
     */
    static boolean wellFormed(String traceparent) {
        if (traceparent == null || traceparent.length() != 55 || traceparent.charAt(2) != '-' || traceparent.charAt(35) != '-'
                || traceparent.charAt(52) != '-' || traceparent.startsWith("ff")) {
            return false;
        }
        boolean zeroTrace = true;
        for (int i = 0; i < 55; i++) {
            if (i == 2 || i == 35 || i == 52) {
                continue;
            }
            char c = traceparent.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
            if (i >= 3 && i < 35 && c != '0') {
                zeroTrace = false;
            }
        }
        return !zeroTrace;
    }

    /** A version-4 UUID from the thread's fast generator (not SecureRandom: an id is not a secret). */
    static UUID randomUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** Version 00, a random trace id and parent id, sampled. */
    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder value = new StringBuilder(55).append("00-");
        hex(value, random.nextLong() | 1L);
        hex(value, random.nextLong());
        value.append('-');
        hex(value, random.nextLong() | 1L);
        return value.append("-01").toString();
    }

    private static void hex(StringBuilder out, long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            out.append(HEX[(int) (value >>> shift) & 0xf]);
        }
    }

    public static String of(HttpHeaders headers) {
        return headers.getHeaderString(HEADER);
    }
}
