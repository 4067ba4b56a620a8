package org.community.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.community.seeds.Keycloak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keycloak as the suite's identity provider, the way production runs it: the {@code keycloak-quarkus-dist} zip from
 * Maven Central (fetched with the project's Maven wrapper into the local repository once), started with
 * {@code kc.sh start-dev --import-realm} and a JDK 21 or newer found on this machine, importing the realm file that
 * deploy/ uses ({@link #REALM_FILE}: one file, so the two cannot drift).
 * <p>
 * The distribution is unpacked once into {@code suite/target/keycloak/keycloak-<version>} and shared: the first
 * {@code start-dev} rebuilds ("augments") it for development mode, about 15–20 s, under a file lock so two suites never
 * rebuild it at once. Each suite runs it with a home of its own, {@code <data dir>/keycloak}: the H2 database, the
 * imported realm and the transaction logs live there ({@code --fresh} wipes them with the rest), {@code lib} is a link
 * to the shared distribution (without it Keycloak would rebuild on every start).
 * <p>
 * The administrator of the {@code master} realm is {@code admin} / {@code admin} (a local demo only).
 */
public final class KeycloakServer {

    public static final String VERSION = "26.4.5";
    /** The realm deploy/ imports (compose mounts its twin, which a deploy test keeps identical). */
    public static final String REALM_FILE = "deploy/k8s/overlays/dev/keycloak/realm.json";
    public static final String REALM = "community";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** The claim services require in {@code aud}: put there by the realm's audience mapper on client community-web. */
    public static final String AUDIENCE = "community-suite";
    /** The realm's public client the console signs in with (authorization code flow with PKCE). */
    public static final String CONSOLE_CLIENT = "community-web";
    /**
     * The secrets of the realm's confidential clients of the change-feed consumers, as {@link #REALM_FILE} holds them
     * (published demo values, like the demo users' passwords; a production realm sets its own).
     */
    public static final Map<String, String> CLIENT_SECRETS = Map.of(
            "volunteer-service", "volunteer-service-demo-secret",
            "consultation-service", "consultation-service-demo-secret");
    static final int MINIMUM_JAVA = 21;
    /** From the services being ready; the first start of a new distribution also rebuilds it (minutes on a busy machine). */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private static final String GROUP_PATH = "org/keycloak/keycloak-quarkus-dist/" + VERSION;
    private static final String ZIP = "keycloak-quarkus-dist-" + VERSION + ".zip";
    private static final String AUGMENTED = ".augmented-for-start-dev";

    private final Path repoRoot;
    private final Path home;
    private final int port;
    private final ServiceProcess process;
    private final Path java;
    private final Path distribution;
    /** Held from the start of a not-yet-augmented distribution until it is ready. */
    private FileChannel lockChannel;
    private FileLock augmentationLock;

    /**
     * Prepares (fetching and unpacking the distribution when needed) but does not start.
     *
     * @param home Keycloak's home for this suite (its database and imported realm); created when missing
     * @param echo where the prefixed output goes (null: the log file only)
     */
    KeycloakServer(Path repoRoot, Path home, int port, Path logFile, PrintStream echo, String prefix) {
        this.repoRoot = repoRoot;
        this.home = home;
        this.port = port;
        this.java = findJava().orElseThrow(() -> new SuiteException(missingJavaMessage()));
        this.distribution = distribution(repoRoot, echo == null ? System.err : echo);
        List<String> command = List.of("bash", distribution.resolve("bin").resolve("kc.sh").toString(),
                "-Dkc.home.dir=" + home, "-Djboss.server.config.dir=" + home.resolve("conf"),
                "start-dev", "--import-realm",
                "--http-port=" + port,
                // the management interface (health, metrics) is not used here; it must not take the default 9000 of another suite
                "--http-management-port=" + Ports.free().keycloak(),
                // a fixed issuer: tokens say iss=http://localhost:<port>/realms/community however Keycloak was reached
                "--hostname=" + url());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", java.getParent().getParent().toString());
        environment.put("JAVA", java.toString());
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Keycloak's thread pool resets thread locals through java.lang internals, which Java 24+ opens only on request
        environment.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        this.process = new ServiceProcess("keycloak", prefix, command, environment, repoRoot, logFile, echo);
    }

    /** {@code http://localhost:<port>} */
    public String url() {
        return "http://localhost:" + port;
    }

    /** The realm, with the administrator of {@code master}: logins, refresh, and the admin API. */
    public Keycloak realm() {
        return Keycloak.at(URI.create(url())).realm(REALM).administrator("master", ADMIN, ADMIN_PASSWORD);
    }

    /** The java this Keycloak runs on. */
    public Path java() {
        return java;
    }

    /**
     * Starts Keycloak without waiting for it (see {@link #awaitReady}). The realm file is copied into the home's import
     * directory on every start; a realm that exists already is kept as it is (Keycloak's IGNORE_EXISTING).
     */
    void start() {
        try {
            Files.createDirectories(home.resolve("data").resolve("import"));
            Files.createDirectories(home.resolve("providers"));
            Path realmFile = repoRoot.resolve(REALM_FILE);
            if (!Files.isRegularFile(realmFile)) {
                throw new SuiteException("the realm file " + realmFile + " is missing");
            }
            Files.copy(realmFile, home.resolve("data").resolve("import").resolve("realm-" + REALM + ".json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Path conf = home.resolve("conf");
            if (!Files.isDirectory(conf)) {
                copyTree(distribution.resolve("conf"), conf);
            }
            Path lib = home.resolve("lib");
            if (!Files.exists(lib, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(lib, distribution.resolve("lib"));
            }
            if (!Files.exists(distribution.resolve(AUGMENTED))) {
                lockChannel = FileChannel.open(distribution.getParent().resolve(".augment.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                augmentationLock = lockChannel.lock();
                if (Files.exists(distribution.resolve(AUGMENTED))) {
                    releaseLock(); // another suite finished it while this one waited
                }
            }
        } catch (IOException e) {
            releaseLock();
            throw new SuiteException("could not prepare Keycloak's home " + home + ": " + e.getMessage(), e);
        }
        process.start();
    }

    /** Returns when the realm's OpenID configuration answers 200; fails with Keycloak's last lines otherwise. */
    void awaitReady(Duration timeout, BooleanSupplier cancelled) {
        try {
            process.awaitReady(URI.create(url() + "/realms/" + REALM + "/.well-known/openid-configuration"), timeout, cancelled);
            if (augmentationLock != null) {
                Files.writeString(distribution.resolve(AUGMENTED), "kc.sh start-dev has rebuilt this distribution\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            releaseLock();
        }
    }

    boolean isRunning() {
        return process.isRunning();
    }

    void stop(Duration grace) {
        process.stop(grace);
        releaseLock();
    }

    String lastLines() {
        return process.lastLines();
    }

    /**
     * Lets the console of a gateway at {@code origin} sign in and out with the realm's client {@link #CONSOLE_CLIENT}: its
     * callback as a redirect URI, the origin as a web origin (the token request is cross-origin) and the sign-in page as
     * a post-logout redirect URI. The realm file allows {@code http://localhost:8080}; a suite on other ports adds its own
     * (kept in this Keycloak's database: nothing changes at the next start).
     */
    void allowConsoleAt(String origin) {
        Keycloak realm = realm();
        JsonNode found = realm.admin("GET", "clients?clientId=" + CONSOLE_CLIENT, null);
        if (!found.isArray() || found.isEmpty()) {
            throw new SuiteException("the realm " + REALM + " has no client " + CONSOLE_CLIENT + " (" + REALM_FILE + ")");
        }
        ObjectNode client = (ObjectNode) found.get(0);
        String allowed = origin + "/*";
        String callback = origin + "/console/*";
        boolean changed = addIfMissing(client.withArray("redirectUris"), callback, allowed);
        changed |= addIfMissing(client.withArray("webOrigins"), origin);
        ObjectNode attributes = client.withObject("/attributes");
        String logout = attributes.path("post.logout.redirect.uris").asText("");
        List<String> logoutUris = logout.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(logout.split("##")));
        if (!logoutUris.contains(allowed) && !logoutUris.contains(callback)) {
            logoutUris.add(callback);
            attributes.put("post.logout.redirect.uris", String.join("##", logoutUris));
            changed = true;
        }
        if (changed) {
            realm.admin("PUT", "clients/" + client.path("id").asText(), client);
        }
    }

    private static boolean addIfMissing(ArrayNode values, String value, String... alreadyCovering) {
        for (JsonNode v : values) {
            if (v.asText().equals(value) || List.of(alreadyCovering).contains(v.asText())) {
                return false;
            }
        }
        values.add(value);
        return true;
    }

    /** What the services need to trust Keycloak's tokens instead of the gateway's (smallrye-jwt keys). */
    Map<String, String> serviceProperties() {
        Keycloak realm = realm();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mp.jwt.verify.publickey.location", realm.jwksUrl());
        p.put("mp.jwt.verify.issuer", realm.issuer());
        p.put("mp.jwt.verify.audiences", AUDIENCE);
        return p;
    }

    /** The gateway verifies Keycloak's tokens and its built-in issuer is off ({@code /api/v1/auth/**} answers 404). */
    Map<String, String> gatewayProperties() {
        Keycloak realm = realm();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("gateway.auth.issuer.enabled", "false");
        p.put("gateway.auth.verify.publickey-location", realm.jwksUrl());
        p.put("gateway.auth.verify.issuer", realm.issuer());
        p.put("gateway.auth.verify.audiences", AUDIENCE);
        // the console signs in at the realm (authorization code flow with PKCE), see allowConsoleAt
        p.put("gateway.console.oidc-issuer", realm.issuer());
        p.put("gateway.console.oidc-client-id", CONSOLE_CLIENT);
        return p;
    }

    private synchronized void releaseLock() {
        try {
            if (augmentationLock != null) {
                augmentationLock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
        augmentationLock = null;
        lockChannel = null;
    }

    // ---- a JDK 21+ ----------------------------------------------------------------------------------------------

    /**
     * A {@code java} of version 21 or newer: {@code -Dsuite.keycloak.java-home} or {@code KEYCLOAK_JAVA_HOME} if set
     * (and then only that), else {@code JAVA_HOME}, the JVM running the suite, and the JDKs installed in the usual places
     * ({@code /usr/lib/jvm}, {@code /usr/java}, {@code /opt/java}, {@code /opt}, SDKMAN, macOS), the newest first.
     */
    public static Optional<Path> findJava() {
        String explicit = Optional.ofNullable(System.getProperty("suite.keycloak.java-home")).orElse(System.getenv("KEYCLOAK_JAVA_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return usable(Path.of(explicit));
        }
        Set<Path> candidates = new LinkedHashSet<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        List<Path> installed = new ArrayList<>();
        String userHome = System.getProperty("user.home");
        for (Path dir : List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt"),
                Path.of(userHome, ".sdkman", "candidates", "java"), Path.of(userHome, ".jdks"), Path.of("/Library/Java/JavaVirtualMachines"))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                for (Path entry : entries) {
                    installed.add(Files.isDirectory(entry.resolve("Contents").resolve("Home")) ? entry.resolve("Contents").resolve("Home") : entry);
                }
            } catch (IOException e) {
                // unreadable: not a place with JDKs for us
            }
        }
        installed.sort(Comparator.comparingInt(KeycloakServer::major).reversed());
        candidates.addAll(installed);
        for (Path candidate : candidates) {
            Optional<Path> java = usable(candidate);
            if (java.isPresent()) {
                return java;
            }
        }
        return Optional.empty();
    }

    /** What to do when {@link #findJava()} finds nothing. */
    public static String missingJavaMessage() {
        String explicit = Optional.ofNullable(System.getProperty("suite.keycloak.java-home")).orElse(System.getenv("KEYCLOAK_JAVA_HOME"));
        if (explicit != null && !explicit.isBlank()) {
            return "Keycloak " + VERSION + " needs Java " + MINIMUM_JAVA + " or newer; KEYCLOAK_JAVA_HOME (or -Dsuite.keycloak.java-home) is "
                    + explicit + ", which is not a JDK " + MINIMUM_JAVA + "+ (bin/java and a release file saying JAVA_VERSION). "
                    + "Point it at one, or unset it to let the suite look in JAVA_HOME and /usr/lib/jvm.";
        }
        return "Keycloak " + VERSION + " needs Java " + MINIMUM_JAVA + " or newer, and none was found (looked at "
                + "-Dsuite.keycloak.java-home / KEYCLOAK_JAVA_HOME, JAVA_HOME, the running JVM " + System.getProperty("java.home")
                + ", /usr/lib/jvm, /usr/java, /opt/java, /opt, ~/.sdkman/candidates/java, ~/.jdks). Install a JDK 21+ "
                + "(a Temurin build, or your distribution's openjdk-21 or newer package) and, if it is elsewhere, point "
                + "KEYCLOAK_JAVA_HOME at it. The suite itself keeps running on Java 17.";
    }

    private static Optional<Path> usable(Path javaHome) {
        Path java = javaHome.resolve("bin").resolve("java");
        return Files.isExecutable(java) && major(javaHome) >= MINIMUM_JAVA ? Optional.of(java) : Optional.empty();
    }

    /** The major version from the JDK's {@code release} file (the running JVM: its own version); 0 when unknown. */
    static int major(Path javaHome) {
        if (javaHome.equals(Path.of(System.getProperty("java.home")))) {
            return Runtime.version().feature();
        }
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(release)) {
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "").trim();
            if (version.startsWith("1.")) {
                version = version.substring(2);
            }
            String digits = version.split("[^0-9]", 2)[0];
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    // ---- the distribution ---------------------------------------------------------------------------------------

    /**
     * {@code suite/target/keycloak/keycloak-<version>}, unpacked from the zip in the local Maven repository, which the
     * Maven wrapper fetches first when it is not there ({@code dependency:copy}: once, about 160 MB).
     */
    static Path distribution(Path repoRoot, PrintStream progress) {
        Path cache = repoRoot.resolve("suite").resolve("target").resolve("keycloak");
        Path dist = cache.resolve("keycloak-" + VERSION);
        try {
            Files.createDirectories(cache);
            try (FileChannel channel = FileChannel.open(cache.resolve(".unpack.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (Files.exists(dist.resolve(".unpacked"))) {
                    return dist;
                }
                Path zip = zip(repoRoot, cache, progress);
                progress.println("Unpacking Keycloak " + VERSION + " into " + cache + "…");
                Path partial = cache.resolve("unpacking");
                deleteTree(partial);
                deleteTree(dist);
                unzip(zip, partial);
                Files.move(partial.resolve("keycloak-" + VERSION), dist);
                deleteTree(partial);
                Files.writeString(dist.resolve(".unpacked"), zip + "\n");
                return dist;
            }
        } catch (IOException e) {
            throw new SuiteException("could not unpack Keycloak into " + cache + ": " + e.getMessage(), e);
        }
    }

    private static Path zip(Path repoRoot, Path cache, PrintStream progress) throws IOException {
        String localRepo = System.getProperty("maven.repo.local");
        Path inLocalRepo = (localRepo != null ? Path.of(localRepo) : Path.of(System.getProperty("user.home"), ".m2", "repository"))
                .resolve(GROUP_PATH).resolve(ZIP);
        if (Files.isRegularFile(inLocalRepo)) {
            return inLocalRepo;
        }
        Path copied = cache.resolve(ZIP);
        if (Files.isRegularFile(copied)) {
            return copied;
        }
        progress.println("Fetching Keycloak " + VERSION + " (org.keycloak:keycloak-quarkus-dist:" + VERSION
                + ":zip, about 160 MB, once) with the Maven wrapper…");
        List<String> command = List.of("bash", repoRoot.resolve("mvnw").toString(), "-B", "-q", "dependency:copy",
                "-Dartifact=org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip", "-DoutputDirectory=" + cache);
        Process maven = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!maven.waitFor(30, TimeUnit.MINUTES) || maven.exitValue() != 0 || !Files.isRegularFile(copied)) {
                throw new SuiteException("Maven could not fetch org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip ("
                        + String.join(" ", command) + "):\n" + output);
            }
        } catch (InterruptedException e) {
            maven.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new SuiteException("interrupted while fetching Keycloak", e);
        }
        return copied;
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(in, path, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
