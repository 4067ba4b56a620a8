package org.community.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kustomize base and both overlays, rendered, checked against what the services need. */
class KubernetesTest {

    static Stream<Arguments> renderings() {
        return Stream.of("base", "overlays/dev", "overlays/prod")
                .map(dir -> Arguments.of(dir, Kustomize.build(Suite.deploy().resolve("k8s").resolve(dir))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyModuleHasDeploymentServiceAutoscalerAndDisruptionBudget(String dir, List<Map<String, Object>> resources) {
        for (String module : Suite.MODULES) {
            assertThat(Kustomize.find(resources, "Deployment", module)).as(dir + " Deployment " + module).isNotNull();
            assertThat(Kustomize.find(resources, "Service", module)).as(dir + " Service " + module).isNotNull();
            Map<String, Object> hpa = Kustomize.find(resources, "HorizontalPodAutoscaler", module);
            assertThat(hpa).as(dir + " HPA " + module).isNotNull();
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(Yaml.string(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(Yaml.string(hpa, "spec.scaleTargetRef.name")).isEqualTo(module);
            assertThat(Yaml.maps(hpa, "spec.metrics")).anySatisfy(metric ->
                    assertThat(Yaml.string(metric, "resource.name")).isEqualTo("cpu"));
            int min = ((Number) Yaml.at(hpa, "spec.minReplicas")).intValue();
            int max = ((Number) Yaml.at(hpa, "spec.maxReplicas")).intValue();
            assertThat(min).isPositive().isLessThanOrEqualTo(max);
            Map<String, Object> deployment = Kustomize.find(resources, "Deployment", module);
            assertThat(((Number) Yaml.at(deployment, "spec.replicas")).intValue())
                    .as(dir + " " + module + " replicas within the autoscaler's range").isBetween(min, max);

            Map<String, Object> pdb = Kustomize.find(resources, "PodDisruptionBudget", module);
            assertThat(pdb).as(dir + " PDB " + module).isNotNull();
            assertThat(Yaml.map(pdb, "spec.selector.matchLabels"))
                    .isNotEmpty()
                    .isEqualTo(Yaml.map(deployment, "spec.selector.matchLabels"));
            Object minAvailable = Yaml.at(pdb, "spec.minAvailable");
            if (minAvailable instanceof Number number) {
                assertThat(number.intValue()).as(dir + " " + module + " minAvailable leaves room for a drain").isLessThan(min);
            } else {
                assertThat(Yaml.at(pdb, "spec.maxUnavailable")).as(dir + " " + module + " PDB").isNotNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void deploymentsHaveProbesPortsImagesResourcesAndHardening(String dir, List<Map<String, Object>> resources) {
        for (String module : Suite.MODULES) {
            int port = Suite.httpPort(module);
            Map<String, Object> deployment = Kustomize.find(resources, "Deployment", module);
            Map<String, Object> pod = Yaml.map(deployment, "spec.template.spec");
            assertThat(Yaml.map(deployment, "spec.template.metadata.labels"))
                    .containsAllEntriesOf(Yaml.map(deployment, "spec.selector.matchLabels"));
            Map<String, Object> container = container(deployment, module);

            assertThat(String.valueOf(container.get("image")))
                    .as(dir + " image of " + module)
                    .matches("(.+/)?community-suite/" + module + ":" + Suite.VERSION.replace(".", "\\."));
            List<Map<String, Object>> ports = Yaml.maps(container, "ports");
            assertThat(ports).as(dir + " " + module + " container ports").hasSize(2);
            assertThat(resolvePort(container, "http")).as(dir + " " + module + " http = quarkus.http.port").isEqualTo(port);
            int management = Suite.managementPort(module);
            assertThat(resolvePort(container, "management")).as(dir + " " + module + " management port").isEqualTo(management);
            assertThat(Suite.properties(module).getProperty("%prod.quarkus.management.enabled"))
                    .as(module + " serves /q/* on the management port in production").isEqualTo("true");

            // probes and metrics on the management port, which the Ingress never routes
            assertProbe(dir, module, container, "readinessProbe", "/q/health/ready", management);
            assertProbe(dir, module, container, "livenessProbe", "/q/health/live", management);
            assertProbe(dir, module, container, "startupProbe", "/q/health/started", management);

            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(Yaml.at(container, "resources." + kind + "." + resource))
                            .as(dir + " " + module + " resources." + kind + "." + resource).isNotNull();
                }
            }
            assertThat(Quantity.cpu(Yaml.at(container, "resources.requests.cpu")))
                    .isLessThanOrEqualTo(Quantity.cpu(Yaml.at(container, "resources.limits.cpu")));
            assertThat(Quantity.bytes(Yaml.at(container, "resources.requests.memory")))
                    .isLessThanOrEqualTo(Quantity.bytes(Yaml.at(container, "resources.limits.memory")));

            assertThat(Yaml.at(pod, "securityContext.runAsNonRoot")).as(dir + " " + module + " non-root").isEqualTo(true);
            assertThat(Yaml.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(Yaml.at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(Yaml.maps(container, "volumeMounts")).anySatisfy(mount -> {
                assertThat(mount.get("mountPath")).isEqualTo("/tmp");
                Map<String, Object> volume = Yaml.maps(pod, "volumes").stream()
                        .filter(v -> v.get("name").equals(mount.get("name"))).findFirst().orElseThrow();
                assertThat(volume).containsKey("emptyDir");
            });

            Map<String, Object> annotations = Yaml.map(deployment, "spec.template.metadata.annotations");
            assertThat(annotations).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", String.valueOf(management));

            Map<String, Object> service = Kustomize.find(resources, "Service", module);
            assertThat(Yaml.string(service, "spec.type")).as(dir + " only ClusterIP services").isIn(null, "ClusterIP");
            List<Map<String, Object>> servicePorts = Yaml.maps(service, "spec.ports");
            assertThat(servicePorts.get(0)).satisfies(servicePort -> {
                assertThat(((Number) servicePort.get("port")).intValue()).isEqualTo(port);
                assertThat(resolvePort(container, servicePort.get("targetPort"))).isEqualTo(port);
            });
            // the gateway's Service (the Ingress backend) never exposes the management port; a service's does,
            // in-cluster, for the gateway's readiness checks
            assertThat(servicePorts).extracting(servicePort -> resolvePort(container, servicePort.get("targetPort")))
                    .as(dir + " " + module + " Service ports")
                    .containsExactlyElementsOf(module.equals("gateway") ? List.of(port) : List.of(port, management));
            assertThat(Yaml.map(service, "spec.selector")).isEqualTo(Yaml.map(deployment, "spec.selector.matchLabels"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void servicesGetTheirDatabaseFromTheirSecretAndVerifyTokens(String dir, List<Map<String, Object>> resources) {
        for (String module : Suite.SERVICES) {
            Map<String, Object> container = container(Kustomize.find(resources, "Deployment", module), module);
            for (String[] variable : new String[][] {
                    {"QUARKUS_DATASOURCE_JDBC_URL", "jdbc-url"},
                    {"QUARKUS_DATASOURCE_USERNAME", "username"},
                    {"QUARKUS_DATASOURCE_PASSWORD", "password"}}) {
                Map<String, Object> env = env(container, variable[0]);
                assertThat(env).as(dir + " " + module + " " + variable[0]).isNotNull();
                assertThat(Yaml.string(env, "valueFrom.secretKeyRef.name")).isEqualTo(module + "-db");
                assertThat(Yaml.string(env, "valueFrom.secretKeyRef.key")).isEqualTo(variable[1]);
            }
            Map<String, Object> secret = Kustomize.find(resources, "Secret", module + "-db");
            if (dir.endsWith("prod")) {
                // the real Secret is created out of band; the rendering must not overwrite it with placeholders
                assertThat(secret).as("prod must not render " + module + "-db").isNull();
            } else {
                assertThat(secret).as(dir + " Secret " + module + "-db").isNotNull();
                String url = Yaml.string(secret, "stringData.jdbc-url");
                assertThat(url).startsWith("jdbc:postgresql://").endsWith("/" + Suite.DATABASES.get(module));
                assertThat(Yaml.map(secret, "stringData")).containsKeys("username", "password");
            }
            assertConfigRef(dir, resources, container, "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            assertConfigRef(dir, resources, container, "MP_JWT_VERIFY_ISSUER");
            assertThat(assertConfigRef(dir, resources, container, "MP_JWT_VERIFY_AUDIENCES"))
                    .isEqualTo(Suite.properties("gateway").getProperty("gateway.auth.issuer.audience"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void downstreamUrlsPointAtTheServicesAndTheirPorts(String dir, List<Map<String, Object>> resources) {
        Map<String, List<String>> expected = new HashMap<>();
        for (String module : Suite.SERVICES) {
            expected.put(module, Suite.restClients(module).keySet().stream()
                    .map(name -> "quarkus.rest-client." + name + ".url").toList());
        }
        expected.put("gateway", Suite.gatewayRoutes().keySet().stream().map(name -> "gateway.routes." + name + ".url").toList());
        assertThat(expected.get("gateway")).hasSize(3);
        assertThat(expected.get("consultation-service")).hasSize(2);

        for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
            Map<String, Object> container = container(Kustomize.find(resources, "Deployment", entry.getKey()), entry.getKey());
            for (String property : entry.getValue()) {
                // the property's segment naming the target is the target's module name
                String target = property.replaceFirst("^(quarkus\\.rest-client|gateway\\.routes)\\.", "").replaceFirst("\\.url$", "");
                assertThat(Suite.MODULES).as(property + " names a module").contains(target);
                String url = assertConfigRef(dir, resources, container, Suite.envName(property));
                assertThat(url).as(dir + " " + entry.getKey() + " " + property)
                        .isEqualTo("http://" + target + ":" + Suite.httpPort(target));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void gatewayTrustsOnlyTheOidcProvider(String dir, List<Map<String, Object>> resources) {
        Map<String, Object> gateway = container(Kustomize.find(resources, "Deployment", "gateway"), "gateway");
        assertThat(assertConfigRef(dir, resources, gateway, "GATEWAY_AUTH_ISSUER_ENABLED")).isEqualTo("false");
        String issuer = assertConfigRef(dir, resources, gateway, "GATEWAY_AUTH_VERIFY_ISSUER");
        String jwks = assertConfigRef(dir, resources, gateway, "GATEWAY_AUTH_VERIFY_PUBLICKEY_LOCATION");
        assertThat(assertConfigRef(dir, resources, gateway, "GATEWAY_AUTH_VERIFY_AUDIENCES")).isEqualTo("community-suite");
        assertThat(jwks).endsWith("/protocol/openid-connect/certs");
        // the console signs in at the provider whose tokens the gateway trusts
        assertThat(assertConfigRef(dir, resources, gateway, "GATEWAY_CONSOLE_OIDC_ISSUER")).isEqualTo(issuer);
        // the services verify against the same provider as the gateway
        Map<String, Object> org = container(Kustomize.find(resources, "Deployment", "org-service"), "org-service");
        assertThat(assertConfigRef(dir, resources, org, "MP_JWT_VERIFY_ISSUER")).isEqualTo(issuer);
        assertThat(assertConfigRef(dir, resources, org, "MP_JWT_VERIFY_PUBLICKEY_LOCATION")).isEqualTo(jwks);
        if (dir.endsWith("prod")) {
            assertThat(issuer).startsWith("https://");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void onlyTheGatewayIsExposed(String dir, List<Map<String, Object>> resources) {
        List<Map<String, Object>> ingresses = Kustomize.ofKind(resources, "Ingress");
        assertThat(ingresses).as(dir + " ingresses").hasSize(1);
        List<String> backends = new ArrayList<>();
        for (Map<String, Object> ingress : ingresses) {
            if (Yaml.at(ingress, "spec.defaultBackend") != null) {
                backends.add(Yaml.string(ingress, "spec.defaultBackend.service.name"));
            }
            for (Map<String, Object> rule : Yaml.maps(ingress, "spec.rules")) {
                for (Map<String, Object> path : Yaml.maps(rule, "http.paths")) {
                    backends.add(Yaml.string(path, "backend.service.name"));
                    assertThat(Yaml.string(path, "backend.service.port.name")).isEqualTo("http");
                }
            }
        }
        assertThat(backends).isNotEmpty().containsOnly("gateway");
        for (Map<String, Object> service : Kustomize.ofKind(resources, "Service")) {
            assertThat(Yaml.string(service, "spec.type")).as(dir + " " + Yaml.string(service, "metadata.name"))
                    .isIn(null, "ClusterIP");
        }
    }

    @Test
    void devRunsOneReplicaWithInClusterDatabaseAndKeycloak() {
        List<Map<String, Object>> dev = Kustomize.build(Suite.deploy().resolve("k8s/overlays/dev"));
        for (String module : Suite.MODULES) {
            assertThat(Yaml.at(Kustomize.find(dev, "Deployment", module), "spec.replicas")).isEqualTo(1);
        }
        assertThat(Kustomize.find(dev, "StatefulSet", "postgres")).isNotNull();
        assertThat(Kustomize.find(dev, "Service", "postgres")).isNotNull();
        assertThat(Kustomize.find(dev, "Deployment", "keycloak")).isNotNull();
        assertThat(Yaml.map(Kustomize.find(dev, "ConfigMap", "postgres-init"), "data").get("init.sql"))
                .isEqualTo(Suite.read(Suite.deploy().resolve("compose/postgres/init.sql")));
        assertThat(Yaml.map(Kustomize.find(dev, "ConfigMap", "keycloak-realm"), "data").get("realm.json"))
                .isEqualTo(Suite.read(Suite.deploy().resolve("compose/keycloak/realm.json")));
        for (Map<String, Object> secret : Kustomize.ofKind(dev, "Secret")) {
            assertThat(Yaml.map(secret, "stringData").values()).noneMatch(v -> String.valueOf(v).contains("CHANGE-ME"));
            if (Yaml.string(secret, "metadata.name").endsWith("-org-feed")) {
                continue; // the feed consumers' client secrets: checked against the realm below
            }
            // the dev secrets are the logins init.sql creates
            String database = Yaml.string(secret, "stringData.username");
            assertThat(Suite.read(Suite.deploy().resolve("compose/postgres/init.sql")))
                    .contains("create role " + database + " login password '" + Yaml.string(secret, "stringData.password") + "'")
                    .contains("create database " + database + " owner " + database);
        }
        String issuer = Yaml.string(Kustomize.find(dev, "ConfigMap", "suite-config"), "data.oidc-issuer");
        assertThat(issuer).endsWith("/realms/community");
        String jwks = Yaml.string(Kustomize.find(dev, "ConfigMap", "suite-config"), "data.oidc-jwks-url");
        assertThat(jwks).startsWith("http://keycloak:8080/");
        assertThat(dev).allSatisfy(r -> {
            if (!"Namespace".equals(r.get("kind"))) {
                assertThat(Yaml.string(r, "metadata.namespace")).isEqualTo("community-suite-dev");
            }
        });
    }

    @Test
    void prodRunsThreeReplicasWithLargerLimitsAndJsonLogs() {
        List<Map<String, Object>> base = Kustomize.build(Suite.deploy().resolve("k8s/base"));
        List<Map<String, Object>> prod = Kustomize.build(Suite.deploy().resolve("k8s/overlays/prod"));
        for (String module : Suite.MODULES) {
            Map<String, Object> deployment = Kustomize.find(prod, "Deployment", module);
            assertThat(Yaml.at(deployment, "spec.replicas")).as(module).isEqualTo(3);
            assertThat(Yaml.at(Kustomize.find(prod, "HorizontalPodAutoscaler", module), "spec.minReplicas")).isEqualTo(3);
            Map<String, Object> prodContainer = container(deployment, module);
            Map<String, Object> baseContainer = container(Kustomize.find(base, "Deployment", module), module);
            assertThat(Quantity.bytes(Yaml.at(prodContainer, "resources.limits.memory")))
                    .isGreaterThan(Quantity.bytes(Yaml.at(baseContainer, "resources.limits.memory")));
            assertThat(Quantity.cpu(Yaml.at(prodContainer, "resources.limits.cpu")))
                    .isGreaterThan(Quantity.cpu(Yaml.at(baseContainer, "resources.limits.cpu")));
            assertThat(Yaml.maps(prodContainer, "envFrom")).anySatisfy(from ->
                    assertThat(Yaml.string(from, "configMapRef.name")).isEqualTo("suite-runtime"));
        }
        assertThat(Yaml.string(Kustomize.find(prod, "ConfigMap", "suite-runtime"), "data.QUARKUS_LOG_CONSOLE_JSON_ENABLED"))
                .isEqualTo("true");
        assertThat(Yaml.string(Kustomize.find(base, "ConfigMap", "suite-runtime"), "data.QUARKUS_LOG_CONSOLE_JSON_ENABLED"))
                .isEqualTo("false");
        assertThat(Yaml.string(Kustomize.find(prod, "ConfigMap", "suite-runtime"), "data.QUARKUS_OTEL_SDK_DISABLED"))
                .as("traces off by default").isEqualTo("true");
        assertThat(Kustomize.ofKind(prod, "Secret")).as("prod renders no Secret").isEmpty();
        assertThat(Kustomize.ofKind(prod, "StatefulSet")).as("prod uses a managed PostgreSQL").isEmpty();
        assertThat(Suite.read(Suite.deploy().resolve("README.md")))
                .as("README tells how to create the prod Secrets")
                .contains("org-service-db", "volunteer-service-db", "consultation-service-db", "jdbc-url");
    }

    /** org-service's change feed: its consumers log in with their service account, the secret from a Secret. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void feedConsumersGetOrgServiceTheTokenUrlAndTheirClientSecretFromASecret(String dir, List<Map<String, Object>> resources)
            throws Exception {
        com.fasterxml.jackson.databind.JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Suite.read(Suite.deploy().resolve("compose/keycloak/realm.json")));
        for (String module : List.of("volunteer-service", "consultation-service")) {
            Map<String, Object> container = container(Kustomize.find(resources, "Deployment", module), module);
            assertThat(Yaml.string(env(container, "ORG_FEED_URL"), "valueFrom.configMapKeyRef.key")).isEqualTo("org-service-url");
            assertThat(assertConfigRef(dir, resources, container, "ORG_FEED_TOKEN_URL")).endsWith("/protocol/openid-connect/token");
            assertThat(Yaml.string(env(container, "ORG_FEED_CLIENT_ID"), "value")).isEqualTo(module);
            Map<String, Object> secretRef = env(container, "ORG_FEED_CLIENT_SECRET");
            assertThat(Yaml.string(secretRef, "valueFrom.secretKeyRef.name")).isEqualTo(module + "-org-feed");
            assertThat(Yaml.string(secretRef, "valueFrom.secretKeyRef.key")).isEqualTo("client-secret");
            Map<String, Object> secret = Kustomize.find(resources, "Secret", module + "-org-feed");
            if (dir.endsWith("prod")) {
                assertThat(secret).as("prod must not render " + module + "-org-feed").isNull();
            } else if (dir.endsWith("dev")) {
                String realmSecret = null;
                for (com.fasterxml.jackson.databind.JsonNode client : realm.get("clients")) {
                    if (client.get("clientId").asText().equals(module)) {
                        realmSecret = client.get("secret").asText();
                    }
                }
                assertThat(Yaml.string(secret, "stringData.client-secret")).as("dev secret = the realm client's").isEqualTo(realmSecret);
            }
        }
        if (dir.endsWith("dev")) {
            assertThat(Yaml.string(Kustomize.find(resources, "ConfigMap", "suite-config"), "data.org-feed-token-url"))
                    .isEqualTo("http://keycloak:8080/realms/community/protocol/openid-connect/token");
        }
    }

    @Test
    void baseSecretsAreMarkedPlaceholders() {
        List<Map<String, Object>> base = Kustomize.build(Suite.deploy().resolve("k8s/base"));
        assertThat(Kustomize.ofKind(base, "Secret")).hasSize(5).allSatisfy(secret -> {
            assertThat(Yaml.map(secret, "metadata.annotations")).containsEntry("community-suite/placeholder", "true");
            assertThat(Yaml.map(secret, "stringData").values()).allMatch(v -> String.valueOf(v).contains("CHANGE-ME"));
        });
    }

    static void assertProbe(String dir, String module, Map<String, Object> container, String probe, String path, int port) {
        assertThat(Yaml.string(container, probe + ".httpGet.path")).as(dir + " " + module + " " + probe).isEqualTo(path);
        assertThat(resolvePort(container, Yaml.at(container, probe + ".httpGet.port")))
                .as(dir + " " + module + " " + probe + " port").isEqualTo(port);
    }

    /** A probe or Service port: a number, or the name of one of the container's ports. */
    static int resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof Number number) {
            return number.intValue();
        }
        return Yaml.maps(container, "ports").stream()
                .filter(p -> String.valueOf(port).equals(p.get("name")))
                .map(p -> ((Number) p.get("containerPort")).intValue())
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port));
    }

    static Map<String, Object> container(Map<String, Object> deployment, String name) {
        return Yaml.maps(deployment, "spec.template.spec.containers").stream()
                .filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    static Map<String, Object> env(Map<String, Object> container, String name) {
        return Yaml.maps(container, "env").stream().filter(e -> name.equals(e.get("name"))).findFirst().orElse(null);
    }

    /** The variable comes from a ConfigMap key that exists in the rendering; returns its value. */
    static String assertConfigRef(String dir, List<Map<String, Object>> resources, Map<String, Object> container, String name) {
        Map<String, Object> env = env(container, name);
        assertThat(env).as(dir + " " + container.get("name") + " sets " + name).isNotNull();
        if (env.get("value") != null) {
            return String.valueOf(env.get("value"));
        }
        String configMap = Yaml.string(env, "valueFrom.configMapKeyRef.name");
        String key = Yaml.string(env, "valueFrom.configMapKeyRef.key");
        assertThat(configMap).as(dir + " " + name + " from a ConfigMap").isNotNull();
        Map<String, Object> map = Kustomize.find(resources, "ConfigMap", configMap);
        assertThat(map).as(dir + " ConfigMap " + configMap).isNotNull();
        Object value = Yaml.map(map, "data").get(key);
        assertThat(value).as(dir + " " + configMap + "." + key).isNotNull();
        return String.valueOf(value);
    }

    static Path k8s() {
        return Suite.deploy().resolve("k8s");
    }
}
