package org.community.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml, parsed (no Docker here): images, ports, health checks, start order, env. */
class ComposeTest {

    static Map<String, Object> compose;
    static Map<String, Object> services;
    static String initSql;

    @BeforeAll
    static void load() {
        compose = Yaml.document(Suite.deploy().resolve("compose/compose.yaml"));
        services = Yaml.map(compose, "services");
        initSql = Suite.read(Suite.deploy().resolve("compose/postgres/init.sql"));
    }

    @Test
    void runsPostgresKeycloakTheServicesAndTheGateway() {
        assertThat(services.keySet()).containsExactlyInAnyOrder(
                "postgres", "keycloak", "org-service", "volunteer-service", "consultation-service", "gateway");
        assertThat(Yaml.list(services.get("keycloak"), "command")).contains("start-dev", "--import-realm");
        assertThat(Yaml.list(services.get("keycloak"), "volumes"))
                .contains("./keycloak/realm.json:/opt/keycloak/data/import/realm.json:ro");
        assertThat(Yaml.list(services.get("postgres"), "volumes"))
                .anyMatch(v -> String.valueOf(v).startsWith("./postgres/init.sql:/docker-entrypoint-initdb.d/"));
    }

    @Test
    void interpolationOnlyWhereMeantAndAlwaysWithADefault() {
        String text = Suite.read(Suite.deploy().resolve("compose/compose.yaml"));
        // compose replaces $name and ${name}: shell variables must be written $$name, settings need a default
        Matcher dollar = Pattern.compile("\\$(\\$|\\{[A-Z_]+:-[^}]*}|.)").matcher(text);
        while (dollar.find()) {
            assertThat(dollar.group(1)).as("compose interpolation at offset " + dollar.start())
                    .matches("\\$|\\{[A-Z_]+:-[^}]*}");
        }
    }

    @Test
    void imagesPortsAndHealthChecksMatchEachModule() {
        for (String module : Suite.MODULES) {
            Object service = services.get(module);
            int port = Suite.httpPort(module);
            assertThat(Yaml.string(service, "image")).isEqualTo("community-suite/" + module + ":" + Suite.VERSION);
            assertThat(Yaml.list(service, "ports")).as(module + " ports").containsExactly(port + ":" + port);
            String healthcheck = String.join(" ", Yaml.list(service, "healthcheck.test").stream().map(String::valueOf).toList());
            // the images run the prod profile: /q/health is on the management port, which is not published
            assertThat(healthcheck).as(module + " healthcheck")
                    .contains("/q/health/ready").contains("/" + Suite.managementPort(module) + " ").contains(" 200");
            assertThat(Yaml.at(service, "healthcheck.interval")).isNotNull();
            assertThat(Yaml.at(service, "healthcheck.retries")).isNotNull();
        }
    }

    @Test
    void everythingStartsAfterWhatItNeedsIsHealthy() {
        Map<String, List<String>> needs = Map.of(
                "org-service", List.of("postgres", "keycloak"),
                "volunteer-service", List.of("postgres", "keycloak", "org-service"),
                "consultation-service", List.of("postgres", "keycloak", "org-service", "volunteer-service"),
                "gateway", List.of("keycloak", "org-service", "volunteer-service", "consultation-service"));
        for (Map.Entry<String, List<String>> entry : needs.entrySet()) {
            Map<String, Object> dependsOn = Yaml.map(services.get(entry.getKey()), "depends_on");
            assertThat(dependsOn.keySet()).as(entry.getKey() + " depends_on").containsExactlyInAnyOrderElementsOf(entry.getValue());
            for (Map.Entry<String, Object> dependency : dependsOn.entrySet()) {
                assertThat(Yaml.string(dependency.getValue(), "condition"))
                        .as(entry.getKey() + " waits for " + dependency.getKey()).isEqualTo("service_healthy");
                assertThat(Yaml.at(services.get(dependency.getKey()), "healthcheck.test"))
                        .as(dependency.getKey() + " has a healthcheck").isNotNull();
            }
        }
        // the start order is a DAG: every service can be started
        Set<String> started = new HashSet<>();
        List<String> pending = new ArrayList<>(services.keySet());
        while (!pending.isEmpty()) {
            boolean progress = pending.removeIf(name -> {
                if (started.containsAll(Yaml.map(services.get(name), "depends_on").keySet())) {
                    started.add(name);
                    return true;
                }
                return false;
            });
            assertThat(progress).as("depends_on cycle among " + pending).isTrue();
        }
    }

    @Test
    void eachServiceUsesItsOwnDatabaseAndLoginFromInitSql() {
        Pattern role = Pattern.compile("create role (\\w+) login password '([^']+)';");
        Pattern database = Pattern.compile("create database (\\w+) owner (\\w+)");
        Map<String, String> passwords = new java.util.HashMap<>();
        Matcher roles = role.matcher(initSql);
        while (roles.find()) {
            passwords.put(roles.group(1), roles.group(2));
        }
        Map<String, String> owners = new java.util.HashMap<>();
        Matcher databases = database.matcher(initSql);
        while (databases.find()) {
            owners.put(databases.group(1), databases.group(2));
        }
        assertThat(owners).containsOnlyKeys("org", "volunteer", "consultation");
        for (String module : Suite.SERVICES) {
            String db = Suite.DATABASES.get(module);
            Map<String, Object> env = Yaml.map(services.get(module), "environment");
            assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + db);
            assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(owners.get(db));
            assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(passwords.get(owners.get(db)));
            // and the service reads its database from exactly these variables
            assertThat(Suite.properties(module).getProperty("quarkus.datasource.db-kind")).isEqualTo("postgresql");
        }
    }

    @Test
    void downstreamUrlsUseComposeNamesAndTheConfiguredKeys() {
        for (String module : Suite.SERVICES) {
            Map<String, Object> env = Yaml.map(services.get(module), "environment");
            for (String client : Suite.restClients(module).keySet()) {
                String variable = Suite.envName("quarkus.rest-client." + client + ".url");
                assertThat(env.get(variable)).as(module + " " + variable)
                        .isEqualTo("http://" + client + ":" + Suite.httpPort(client));
            }
        }
        Map<String, Object> gateway = Yaml.map(services.get("gateway"), "environment");
        assertThat(Suite.gatewayRoutes()).hasSize(3);
        for (String route : Suite.gatewayRoutes().keySet()) {
            assertThat(gateway.get(Suite.envName("gateway.routes." + route + ".url"))).as("gateway route " + route)
                    .isEqualTo("http://" + route + ":" + Suite.httpPort(route));
        }
    }

    @Test
    void tokensAreIssuedByKeycloakAndVerifiedEverywhere() {
        String realm = "http://localhost:8180/realms/community";
        String jwks = "http://keycloak:8080/realms/community/protocol/openid-connect/certs";
        assertThat(Yaml.list(services.get("keycloak"), "ports")).contains("8180:8080");
        assertThat(Yaml.string(services.get("keycloak"), "environment.KC_HOSTNAME")).isEqualTo("http://localhost:8180");
        for (String module : Suite.SERVICES) {
            Map<String, Object> env = Yaml.map(services.get(module), "environment");
            assertThat(env).as(module).containsEntry("MP_JWT_VERIFY_ISSUER", realm)
                    .containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", jwks)
                    .containsEntry("MP_JWT_VERIFY_AUDIENCES", "community-suite");
        }
        Map<String, Object> gateway = Yaml.map(services.get("gateway"), "environment");
        assertThat(gateway).containsEntry("GATEWAY_AUTH_ISSUER_ENABLED", "false")
                .containsEntry("GATEWAY_AUTH_VERIFY_ISSUER", realm)
                .containsEntry("GATEWAY_CONSOLE_OIDC_ISSUER", realm)
                .containsEntry("GATEWAY_AUTH_VERIFY_PUBLICKEY_LOCATION", jwks)
                .containsEntry("GATEWAY_AUTH_VERIFY_AUDIENCES", Suite.properties("gateway").getProperty("gateway.auth.issuer.audience"));
    }
}
