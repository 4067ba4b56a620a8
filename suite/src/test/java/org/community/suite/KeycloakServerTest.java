package org.community.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces of the Keycloak mode that need no Keycloak: which JDK it may run on, and its port. */
class KeycloakServerTest {

    @TempDir
    Path dir;

    @Test
    void aJdksMajorVersionIsReadFromItsReleaseFile() throws Exception {
        assertThat(KeycloakServer.major(jdk("temurin-25", "JAVA_VERSION=\"25.0.1\""))).isEqualTo(25);
        assertThat(KeycloakServer.major(jdk("openjdk-21", "JAVA_VERSION=\"21\""))).isEqualTo(21);
        assertThat(KeycloakServer.major(jdk("openjdk-17", "IMPLEMENTOR=\"Debian\"\nJAVA_VERSION=\"17.0.15\""))).isEqualTo(17);
        assertThat(KeycloakServer.major(jdk("java-8", "JAVA_VERSION=\"1.8.0_402\""))).isEqualTo(8);
        assertThat(KeycloakServer.major(Files.createDirectories(dir.resolve("no-release")))).isZero();
    }

    @Test
    void theRunningJvmCountsWithItsOwnVersion() {
        assertThat(KeycloakServer.major(Path.of(System.getProperty("java.home")))).isEqualTo(Runtime.version().feature());
    }

    @Test
    void aJdkThatWasFoundIsTwentyOneOrNewerAndTheMessageWithoutOneSaysWhatToInstall() {
        KeycloakServer.findJava().ifPresent(java -> assertThat(KeycloakServer.major(java.getParent().getParent())).isGreaterThanOrEqualTo(21));
        assertThat(KeycloakServer.missingJavaMessage()).contains("Java 21 or newer", "KEYCLOAK_JAVA_HOME", "/usr/lib/jvm");
    }

    @Test
    void keycloaksPortIsOneOfTheSuitesPortsButCountsOnlyWhenKeycloakRuns() {
        Ports ports = Ports.defaults().with("keycloak=9180");
        assertThat(ports.keycloak()).isEqualTo(9180);
        assertThat(Ports.defaults().keycloak()).isEqualTo(8180);
        Ports clash = Ports.defaults().with("keycloak=8080");
        assertThat(clash.problem(true)).contains("8080", "gateway", "keycloak");
        assertThat(clash.problem(false)).satisfiesAnyOf(p -> assertThat(p).isNull(), p -> assertThat(p).doesNotContain("keycloak"));
        assertThatThrownBy(() -> Ports.defaults().with("keycloak=x")).hasMessageContaining("--ports keycloak needs a number");
    }

    private Path jdk(String name, String release) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), release + "\n");
        return home;
    }
}
