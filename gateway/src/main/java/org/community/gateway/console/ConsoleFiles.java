package org.community.gateway.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.community.gateway.GatewayConfig;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the web console (the {@code console} module's build, on the classpath under {@code community-console/}) at
 * {@code /console/}, same origin as {@code /api/v1}. Hashed files under {@code assets/} are cached for a year; the
 * page itself is revalidated every time (ETag), so a new build shows at the next load. Any other path without a file
 * extension is a route of the single-page app and gets the page; a missing file with an extension is 404.
 * <p>
 * {@code /console/config.json} tells the console how to sign people in ({@link GatewayConfig.Console}); with an OIDC
 * provider the page's Content-Security-Policy lets it talk to the provider's origin (discovery, token, refresh).
 */
@ApplicationScoped
public class ConsoleFiles {

    static final String BASE = "/console";
    static final String ROOT = "community-console/";
    static final String PAGE = "index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    static final String CONFIG = "config.json";
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src %s; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=UTF-8"),
            Map.entry("js", "text/javascript;charset=UTF-8"),
            Map.entry("mjs", "text/javascript;charset=UTF-8"),
            Map.entry("css", "text/css;charset=UTF-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain;charset=UTF-8"));

    /** A file of the build, with its gzip form when that is smaller. Only files that exist are kept. */
    record Asset(byte[] body, byte[] gzipped, String contentType, String etag) {
    }

    private final Map<String, Asset> cache = new ConcurrentHashMap<>();
    private final String pagePolicy;
    private final String signInConfig;

    ConsoleFiles(GatewayConfig config) {
        Optional<String> issuer = config.console().oidcIssuer();
        this.pagePolicy = PAGE_POLICY.formatted(issuer.map(i -> "'self' " + origin(i)).orElse("'self'"));
        JsonObject signIn = issuer
                .map(i -> new JsonObject().put("signIn", "oidc").put("issuer", i).put("clientId", config.console().oidcClientId()))
                .orElseGet(() -> new JsonObject().put("signIn", "built-in"));
        this.signInConfig = signIn.encode();
    }

    /** {@code https://sso.example.gov.cn:8443} of an issuer URL. */
    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void install(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, "^" + BASE + "$").handler(ctx -> ctx.redirect(BASE + "/"));
        router.get(BASE + "/" + CONFIG).handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, REVALIDATE)
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(signInConfig));
        router.route(BASE + "/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        String relative = ctx.normalizedPath().substring(BASE.length() + 1);
        String name = relative.isEmpty() ? PAGE : relative;
        Asset cached = cache.get(name);
        if (cached != null) {
            send(ctx, name, cached);
            return;
        }
        ctx.vertx().<Optional<Asset>>executeBlocking(() -> load(name)).onComplete(found -> {
            if (found.failed()) {
                ctx.fail(found.cause());
            } else if (found.result().isPresent()) {
                send(ctx, name, found.result().get());
            } else if (isAppRoute(name)) {
                fallBackToPage(ctx);
            } else {
                ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").end("Not found");
            }
        });
    }

    private void fallBackToPage(RoutingContext ctx) {
        Asset page = cache.get(PAGE);
        if (page != null) {
            send(ctx, PAGE, page);
            return;
        }
        ctx.vertx().<Optional<Asset>>executeBlocking(() -> load(PAGE)).onComplete(found -> {
            if (found.succeeded() && found.result().isPresent()) {
                send(ctx, PAGE, found.result().get());
            } else {
                // a gateway built without the console module
                ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                        .end("The console is not part of this build");
            }
        });
    }

    /** A single-page route (/console/units/…): no file extension in its last segment, not under assets/. */
    static boolean isAppRoute(String name) {
        String last = name.substring(name.lastIndexOf('/') + 1);
        return !name.startsWith("assets/") && !last.contains(".");
    }

    private void send(RoutingContext ctx, String name, Asset asset) {
        HttpServerResponse response = ctx.response();
        boolean page = name.equals(PAGE);
        response.putHeader(HttpHeaders.CONTENT_TYPE, asset.contentType())
                .putHeader(HttpHeaders.CACHE_CONTROL, name.startsWith("assets/") ? IMMUTABLE : REVALIDATE)
                .putHeader(HttpHeaders.ETAG, asset.etag())
                .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                .putHeader("X-Content-Type-Options", "nosniff");
        if (page) {
            response.putHeader("Content-Security-Policy", pagePolicy).putHeader("Referrer-Policy", "same-origin");
        }
        if (asset.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            response.setStatusCode(304).end();
            return;
        }
        String acceptEncoding = ctx.request().getHeader(HttpHeaders.ACCEPT_ENCODING);
        boolean gzip = asset.gzipped() != null && acceptEncoding != null && acceptEncoding.contains("gzip");
        if (gzip) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        Buffer body = Buffer.buffer(gzip ? asset.gzipped() : asset.body());
        if (ctx.request().method() == HttpMethod.HEAD) {
            response.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(body.length())).end();
        } else {
            response.end(body);
        }
    }

    private Optional<Asset> load(String name) throws IOException {
        if (name.contains("..") || name.startsWith("/") || name.endsWith("/")) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            String extension = name.substring(name.lastIndexOf('.') + 1);
            String type = TYPES.getOrDefault(extension, "application/octet-stream");
            Asset asset = new Asset(body, compressible(type) ? gzip(body) : null, type, etagOf(body));
            cache.put(name, asset);
            return Optional.of(asset);
        }
    }

    private static boolean compressible(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        }
        return out.size() < body.length ? out.toByteArray() : null;
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
