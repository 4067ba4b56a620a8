package org.community.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The test's own Kustomize rendering: patches must hit existing resources; and when {@code kubectl} is
 * installed, its rendering of each overlay must equal ours (so the other tests check what really gets applied).
 */
class KustomizeRenderingTest {

    @Test
    void everyYamlFileUnderDeployParses() throws IOException {
        List<Path> files;
        try (var walk = Files.walk(Suite.deploy())) {
            files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .filter(p -> !p.toString().contains("/target/")).toList();
        }
        assertThat(files).hasSizeGreaterThan(15);
        for (Path file : files) {
            List<Map<String, Object>> documents = Yaml.documents(file);
            assertThat(documents).as(file.toString()).isNotEmpty();
            if (file.startsWith(Suite.deploy().resolve("k8s")) && !file.endsWith("kustomization.yaml")) {
                for (Map<String, Object> document : documents) {
                    assertThat(document).as(file + " is a Kubernetes object").containsKeys("apiVersion", "kind", "metadata");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void everyFileInAKustomizationDirectoryIsUsed(String overlay) throws IOException {
        Path dir = Suite.deploy().resolve("k8s").resolve(overlay);
        Map<String, Object> kustomization = Yaml.document(dir.resolve("kustomization.yaml"));
        List<Path> used = new ArrayList<>();
        Yaml.list(kustomization, "resources").forEach(r -> used.add(dir.resolve(String.valueOf(r)).normalize()));
        Yaml.maps(kustomization, "patches").forEach(p -> used.add(dir.resolve(String.valueOf(p.get("path"))).normalize()));
        Yaml.maps(kustomization, "configMapGenerator").forEach(g ->
                Yaml.list(g, "files").forEach(f -> used.add(dir.resolve(String.valueOf(f)).normalize())));
        try (var walk = Files.walk(dir)) {
            List<Path> files = walk.filter(Files::isRegularFile).filter(p -> !p.endsWith("kustomization.yaml")).toList();
            // a patch or manifest that is not listed would silently not be applied
            assertThat(used).as(overlay + " kustomization lists every file").containsAll(files);
        }
    }

    @Test
    void aPatchOfAMissingResourceFailsTheRendering(@TempDir Path dir) throws IOException {
        Path base = Suite.deploy().resolve("k8s/base");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources:
                  - %s
                patches:
                  - path: patch.yaml
                """.formatted(base), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("patch.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: notification-service
                spec:
                  replicas: 1
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Kustomize.build(dir)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Deployment/notification-service");
    }

    @Test
    void strategicMergeMergesNamedListsAndDeletesNulls() {
        Map<String, Object> target = Yaml.documents("""
                spec:
                  maxUnavailable: 1
                  containers:
                    - name: a
                      image: x
                      env: [{name: A, value: "1"}]
                    - name: b
                      image: y
                """).get(0);
        Map<String, Object> patch = Yaml.documents("""
                spec:
                  maxUnavailable: null
                  minAvailable: 2
                  containers:
                    - name: b
                      image: z
                """).get(0);
        Kustomize.merge(target, patch);
        assertThat(Yaml.map(target, "spec")).doesNotContainKey("maxUnavailable").containsEntry("minAvailable", 2);
        assertThat(Yaml.maps(target, "spec.containers")).extracting(c -> c.get("image")).containsExactly("x", "z");
        assertThat(Yaml.maps(target, "spec.containers").get(0).get("env")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void kubectlRendersTheSameObjects(String overlay) throws Exception {
        Path dir = Suite.deploy().resolve("k8s").resolve(overlay);
        String rendered = kubectlKustomize(dir);
        Assumptions.assumeTrue(rendered != null, "kubectl is not installed: checked with the test's own rendering only");
        List<Map<String, Object>> theirs = sorted(Yaml.documents(rendered));
        List<Map<String, Object>> ours = sorted(new ArrayList<>(Kustomize.build(dir)));
        assertThat(ids(ours)).isEqualTo(ids(theirs));
        for (int i = 0; i < ours.size(); i++) {
            assertThat(normalize(ours.get(i))).as(overlay + " " + ids(ours).get(i)).isEqualTo(normalize(theirs.get(i)));
        }
    }

    private static String kubectlKustomize(Path dir) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException notInstalled) {
            return null;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl kustomize " + dir + " did not finish");
        }
        assertThat(process.exitValue()).as("kubectl kustomize " + dir + ": " + err).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> resources) {
        resources.sort(Comparator.comparing(KustomizeRenderingTest::id));
        return resources;
    }

    private static List<String> ids(List<Map<String, Object>> resources) {
        return resources.stream().map(KustomizeRenderingTest::id).toList();
    }

    private static String id(Map<String, Object> resource) {
        return resource.get("kind") + "/" + Yaml.string(resource, "metadata.name");
    }

    /** Compare values as text so that 1 and "1" (quoted or not in the source) do not differ. */
    private static Object normalize(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(KustomizeRenderingTest::normalize).toList();
        }
        return node == null ? null : String.valueOf(node);
    }
}
