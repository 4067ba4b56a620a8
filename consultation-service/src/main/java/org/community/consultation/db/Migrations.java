package org.community.consultation.db;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

import org.flywaydb.core.Flyway;

/**
 * Applies the Flyway migrations in {@code db/migration} before the service takes requests. Flyway holds a
 * PostgreSQL advisory lock while migrating, so replicas starting together migrate once.
 */
@Singleton
public class Migrations {

    @Inject
    AgroalDataSource dataSource;

    void migrate(@Observes @Priority(1) StartupEvent event) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
