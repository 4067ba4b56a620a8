package org.community.gateway.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.community.gateway.http.RequestIds;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** problem+json answers written straight on a Vert.x route (the proxy and the OpenAPI route do not go through REST). */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext ctx, ProblemType type, String detailKey, Object... args) {
        send(ctx, type, null, detailKey, args);
    }

    /** Sends the problem; {@code headers} are extra name/value pairs, e.g. Retry-After. */
    public static void send(RoutingContext ctx, ProblemType type, String[] headers, String detailKey, Object... args) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        HttpServerRequest request = ctx.request();
        Locale locale = Messages.pick(languages(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        JsonObject body = new JsonObject()
                .put("type", type.uri())
                .put("title", Messages.get(locale, "problem." + type.slug + ".title"))
                .put("status", type.status)
                .put("detail", Messages.get(locale, detailKey, args))
                .put("instance", request.path());
        String requestId = request.getHeader(RequestIds.HEADER);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(type.status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (headers != null) {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                response.putHeader(headers[i], headers[i + 1]);
            }
        }
        if (!request.isEnded()) {
            // The body was not read (e.g. a 401 before an upload): do not keep a connection with unread bytes.
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            request.resume();
        }
        response.end(body.toBuffer());
    }

    /** Accept-Language values in the order given, enough for {@link Messages#pick}. */
    static List<Locale> languages(String header) {
        List<Locale> locales = new ArrayList<>();
        if (header == null) {
            return locales;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                locales.add(Locale.forLanguageTag(range.getRange()));
            }
        } catch (IllegalArgumentException e) {
            return locales;
        }
        return locales;
    }
}
