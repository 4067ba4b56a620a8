package org.community.gateway.proxy;

import java.time.Clock;

import org.community.gateway.GatewayConfig;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

/**
 * Builds each downstream's circuit breaker from {@code gateway.proxy.circuit-breaker.*}. Resilience4j's
 * breaker is driven by hand ({@code tryAcquirePermission}, then exactly one of {@code onSuccess},
 * {@code onError} or {@code releasePermission}), which fits the proxy's callbacks and lets a caller's
 * hang-up give its permission back without counting as an outcome.
 */
final class Breakers {

    private Breakers() {
    }

    static CircuitBreaker create(String name, GatewayConfig.CircuitBreaker config, Clock clock) {
        if (!config.enabled()) {
            return CircuitBreaker.of(name, CircuitBreakerConfig.custom().clock(clock)
                    .failureRateThreshold(100).minimumNumberOfCalls(Integer.MAX_VALUE).build());
        }
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .clock(clock)
                .slidingWindow(config.slidingWindowSize(), config.minimumNumberOfCalls(), SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(config.failureRateThreshold())
                .waitDurationInOpenState(config.openDuration())
                .permittedNumberOfCallsInHalfOpenState(config.probesWhenHalfOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .writableStackTraceEnabled(false)
                .build());
    }
}
