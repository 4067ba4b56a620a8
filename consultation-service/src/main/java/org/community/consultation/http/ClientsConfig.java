package org.community.consultation.http;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the clients of other services protect this one: {@code consultation.clients.*}. */
@ConfigMapping(prefix = "consultation.clients")
public interface ClientsConfig {

    /** Consecutive failures after which a client's circuit opens. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open circuit fails calls at once before letting one through. */
    @WithDefault("5s")
    Duration openFor();
}
