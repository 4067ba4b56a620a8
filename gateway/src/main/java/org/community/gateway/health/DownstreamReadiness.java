package org.community.gateway.health;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.community.gateway.GatewayConfig;
import org.community.gateway.proxy.Routes;
import org.community.gateway.proxy.Upstream;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * One readiness check per route, {@code downstream-<name>}: calls the service's {@code /q/health/ready}
 * and reports its answer, the URL, the time it took and the circuit state.
 */
@ApplicationScoped
public class DownstreamReadiness {

    @Inject
    @Readiness
    HealthRegistry registry;

    @Inject
    Routes routes;

    @Inject
    GatewayConfig config;

    void register(@Observes StartupEvent event) {
        for (Upstream upstream : routes.all()) {
            registry.register("downstream-" + upstream.name(), () -> check(upstream));
        }
    }

    Uni<HealthCheckResponse> check(Upstream upstream) {
        long timeout = config.health().timeout().toMillis();
        long start = System.nanoTime();
        URI url = upstream.healthUrl();
        boolean ssl = "https".equals(url.getScheme());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80)
                .setSsl(ssl)
                .setURI(url.getRawPath())
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout);
        Future<HealthCheckResponse> answer = upstream.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .map(status -> response(upstream, start, status == 200, "HTTP " + status))
                .recover(failure -> Future.succeededFuture(response(upstream, start, false, String.valueOf(failure.getMessage()))));
        return Uni.createFrom().completionStage(answer.toCompletionStage());
    }

    private HealthCheckResponse response(Upstream upstream, long start, boolean up, String answer) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("downstream-" + upstream.name())
                .withData("url", upstream.url())
                .withData("health", upstream.healthUrl().toString())
                .withData("answer", answer)
                .withData("millis", (System.nanoTime() - start) / 1_000_000)
                .withData("circuit", upstream.breaker().getState().name())
                .withData("downstream", up ? "UP" : "DOWN");
        return builder.status(up || !config.health().requireDownstreams()).build();
    }
}
