package org.community.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.community.gateway.GatewayConfig;
import org.community.gateway.problem.ProblemType;
import org.community.gateway.problem.Problems;
import org.community.gateway.proxy.Routes;
import org.community.gateway.proxy.Upstream;
import org.jboss.logging.Logger;

import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /q/openapi}: one document for the whole suite, merged from each downstream's
 * {@code /q/openapi?format=json} and the gateway's own operations (the issuer). Cached for
 * {@code gateway.openapi.cache-ttl}; a downstream that cannot be reached is left out and named in
 * {@code info.description}, {@code x-missing-services} and the {@code X-OpenAPI-Missing} header.
 * JSON with {@code ?format=json} or {@code Accept: application/json}, YAML otherwise (like Quarkus).
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    public static final String PATH = "/q/openapi";
    private static final String GATEWAY = "gateway";

    private final Routes routes;
    private final OpenApiDocumentService ownDocument;
    private final ObjectMapper json = new ObjectMapper();
    private final long ttlMillis;
    private final long fetchTimeoutMillis;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(long fetchedAt, Future<Merged> merged) {
    }

    record Merged(byte[] json, byte[] yaml, List<String> missing) {
    }

    @Inject
    public MergedOpenApi(Routes routes, OpenApiDocumentService ownDocument, GatewayConfig config) {
        this.routes = routes;
        this.ownDocument = ownDocument;
        this.ttlMillis = config.openapi().cacheTtl().toMillis();
        this.fetchTimeoutMillis = config.openapi().fetchTimeout().toMillis();
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(30).handler(this::serve);
    }

    void serve(RoutingContext ctx) {
        document().onComplete(result -> {
            if (result.failed()) {
                LOG.error("could not build the merged OpenAPI document", result.cause());
                Problems.send(ctx, ProblemType.INTERNAL, "problem.internal.detail");
                return;
            }
            Merged merged = result.result();
            String format = ctx.request().getParam("format");
            String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
            boolean asJson = format != null ? "json".equalsIgnoreCase(format)
                    : accept != null && accept.contains("json");
            ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            if (!merged.missing().isEmpty()) {
                ctx.response().putHeader("X-OpenAPI-Missing", String.join(",", merged.missing()));
            }
            ctx.response().end(Buffer.buffer(asJson ? merged.json() : merged.yaml()));
        });
    }

    /** The merged document, fetched again when older than the TTL; concurrent callers share one fetch. */
    Future<Merged> document() {
        long now = System.currentTimeMillis();
        Cached current = cache.get();
        if (current != null && now - current.fetchedAt() < ttlMillis
                && !(current.merged().isComplete() && current.merged().failed())) {
            return current.merged();
        }
        Promise<Merged> promise = Promise.promise();
        Cached fresh = new Cached(now, promise.future());
        if (!cache.compareAndSet(current, fresh)) {
            Cached winner = cache.get();
            return winner == null ? document() : winner.merged();
        }
        build().onComplete(promise);
        return promise.future();
    }

    private Future<Merged> build() {
        List<Future<OpenApiMerger.Source>> fetches = new ArrayList<>();
        fetches.add(Future.succeededFuture(own()));
        for (Upstream upstream : routes.all()) {
            fetches.add(fetch(upstream));
        }
        return Future.join(fetches).transform(done -> {
            List<OpenApiMerger.Source> sources = fetches.stream().map(Future::result).toList();
            try {
                // lenient: a defect of one service's document is listed in the page (x-contract-problems), not a 500;
                // the build's merge of the committed documents (contract/) is strict
                ObjectNode merged = OpenApiMerger.merge(sources, OpenApiMerger.Options.suite(false));
                List<String> missing = sources.stream().filter(s -> s.document() == null).map(OpenApiMerger.Source::name).toList();
                return Future.succeededFuture(new Merged(json.writeValueAsBytes(merged), OpenApiYaml.write(merged), missing));
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        });
    }

    private OpenApiMerger.Source own() {
        try {
            byte[] document = ownDocument.getDocument("<default>", Format.JSON);
            ObjectNode node = (ObjectNode) json.readTree(document);
            // the gateway's own document (the issuer), also committed as gateway/openapi.yaml
            return new OpenApiMerger.Source(GATEWAY, node, null);
        } catch (Exception e) {
            LOG.warn("the gateway's own OpenAPI document is not available", e);
            return new OpenApiMerger.Source(GATEWAY, null, e.toString());
        }
    }

    private Future<OpenApiMerger.Source> fetch(Upstream upstream) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(upstream.target("/q/openapi?format=json"))
                .setIdleTimeout(fetchTimeoutMillis)
                .setConnectTimeout(fetchTimeoutMillis)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        return upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> {
                    if (response.statusCode() != 200) {
                        return response.body().compose(ignored -> Future.failedFuture("HTTP " + response.statusCode()));
                    }
                    return response.body();
                })
                .map(body -> {
                    try {
                        JsonNode tree = json.readTree(body.getBytes());
                        if (!tree.isObject() || !tree.has("paths")) {
                            throw new IllegalStateException("not an OpenAPI document");
                        }
                        return new OpenApiMerger.Source(upstream.name(), (ObjectNode) tree, null);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("unreadable JSON: " + e.getMessage());
                    }
                })
                .recover(failure -> {
                    LOG.warnf("OpenAPI of %s not available: %s", upstream.name(), failure.getMessage());
                    return Future.succeededFuture(new OpenApiMerger.Source(upstream.name(), null, String.valueOf(failure.getMessage())));
                });
    }

    /** For tests: forget the cached document. */
    void invalidate() {
        cache.set(null);
    }

}
