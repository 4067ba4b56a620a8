package org.community.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.community.seeds.SeedLoader;
import org.community.seeds.Summary;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole suite on one machine: one embedded PostgreSQL (one database and user per service, data kept in
 * {@code <data dir>/postgres}), and org-service, volunteer-service, consultation-service and the gateway as four
 * separate {@code java -jar <module>/target/quarkus-app/quarkus-run.jar} processes configured with {@code -D}
 * properties. {@code ./suite up} runs {@link #main}; end-to-end tests use it as a library:
 *
 * <pre>{@code
 * try (LocalSuite suite = new LocalSuite(LocalSuite.Config.of(repoRoot).withPorts(Ports.free())
 *         .withDataDir(tempDir).withFresh(true).withEcho(false))) {
 *     suite.start();                       // everything up and ready (GET /q/health/ready = 200), no data
 *     Summary seeds = suite.loadSeeds();    // the demo data, through the gateway only
 *     given().baseUri(suite.gatewayUrl())...;
 *     suite.stopService("org-service");     // SIGTERM, waits until it is gone
 *     suite.startService("org-service");    // waits until it is ready again
 * }                                         // close(): the four processes, then PostgreSQL
 * }</pre>
 *
 * With {@link Config#withKeycloak} Keycloak (see {@link KeycloakServer}) starts beside them and issues the tokens: the
 * services and the gateway verify its tokens, the gateway's built-in issuer is off, and {@link #loader} scopes the demo
 * users through Keycloak's admin API.
 * <p>
 * Service names for {@link #stopService}/{@link #startService}: {@code org-service}, {@code volunteer-service},
 * {@code consultation-service}, {@code gateway}. Each process's output is also written to
 * {@code <data dir>/logs/<name>.log}.
 */
public final class LocalSuite implements AutoCloseable {

    /** The service names in start order. */
    public static final List<String> SERVICES = List.of("org-service", "volunteer-service", "consultation-service", "gateway");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final String STAMP = ".local-suite";
    private static final String SEEDS_MARKER = "seeds-loaded";

    /**
     * How to run the suite.
     *
     * @param repoRoot the repository (holds {@code <module>/target/quarkus-app/quarkus-run.jar} and {@code seeds/data})
     * @param dataDir where PostgreSQL's data, the gateway's keys, the logs and the seed marker live
     * @param ports the ports (Keycloak's is used only with {@code keycloak})
     * @param fresh wipe the data dir before starting
     * @param echo print each process's output on the terminal with its prefix (the log files are written anyway)
     * @param unsafeFastStorage run PostgreSQL without fsync and with asynchronous commits: faster, but an OS crash or
     *        power loss can corrupt the database; only for throwaway demos ({@code --unsafe-fast-storage})
     * @param keycloak Keycloak issues the tokens (see {@link KeycloakServer}) instead of the gateway's built-in issuer
     */
    public record Config(Path repoRoot, Path dataDir, Ports ports, boolean fresh, boolean echo, boolean unsafeFastStorage,
            boolean keycloak) {

        public Config {
            Objects.requireNonNull(repoRoot, "repoRoot");
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(ports, "ports");
            repoRoot = repoRoot.toAbsolutePath().normalize();
            dataDir = dataDir.toAbsolutePath().normalize();
        }

        /** Data in {@code <repo>/.suite}, the default ports, kept data, output echoed. */
        public static Config of(Path repoRoot) {
            return new Config(repoRoot, repoRoot.resolve(".suite"), Ports.defaults(), false, true, false, false);
        }

        public Config withDataDir(Path dir) {
            return new Config(repoRoot, dir, ports, fresh, echo, unsafeFastStorage, keycloak);
        }

        public Config withPorts(Ports newPorts) {
            return new Config(repoRoot, dataDir, newPorts, fresh, echo, unsafeFastStorage, keycloak);
        }

        public Config withFresh(boolean wipe) {
            return new Config(repoRoot, dataDir, ports, wipe, echo, unsafeFastStorage, keycloak);
        }

        public Config withEcho(boolean print) {
            return new Config(repoRoot, dataDir, ports, fresh, print, unsafeFastStorage, keycloak);
        }

        public Config withUnsafeFastStorage(boolean unsafe) {
            return new Config(repoRoot, dataDir, ports, fresh, echo, unsafe, keycloak);
        }

        /** Keycloak as the identity provider (needs a JDK 21+ on the machine; see {@link KeycloakServer#findJava()}). */
        public Config withKeycloak(boolean on) {
            return new Config(repoRoot, dataDir, ports, fresh, echo, unsafeFastStorage, on);
        }
    }

    private final Config config;
    private final PrintStream out;
    private final Map<String, ServiceProcess> processes = new LinkedHashMap<>();
    private final Object lifecycle = new Object();
    /** Stops everything if the JVM exits without {@link #close()} (a test runner killed, Ctrl-C). */
    private final Thread closer = new Thread(this::close, "local-suite-closer");
    private EmbeddedPostgres postgres;
    private KeycloakServer keycloak;
    /**
     * The secret of each consumer of org-service's change feed (its service account, client-credentials grant): random
     * per start with the gateway's issuer, the realm's clients' secrets with Keycloak.
     */
    private final Map<String, String> feedClientSecrets = new LinkedHashMap<>();
    private volatile boolean closed;
    private boolean stopped;

    public LocalSuite(Config config) {
        this(config, System.out);
    }

    LocalSuite(Config config, PrintStream out) {
        this.config = config;
        this.out = out;
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (String client : FEED_CLIENTS) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            feedClientSecrets.put(client, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
    }

    /** The services that follow org-service's change feed, each with a service account of the same name. */
    static final List<String> FEED_CLIENTS = List.of("volunteer-service", "consultation-service");

    /** The client secret of a feed consumer's service account in this run (for tests reading the feed themselves). */
    public String feedClientSecret(String clientId) {
        return keycloak != null ? KeycloakServer.CLIENT_SECRETS.get(clientId) : feedClientSecrets.get(clientId);
    }

    /** Where a feed consumer gets its token: the gateway's issuer, or Keycloak's token endpoint. */
    public String feedTokenUrl() {
        return keycloak != null ? keycloak.realm().tokenUrl() : "http://localhost:" + config.ports().gateway() + "/api/v1/auth/oauth2/token";
    }

    public Config config() {
        return config;
    }

    /**
     * Checks the ports, starts PostgreSQL (creating the service databases when missing) and the four processes, and
     * returns when every {@code /q/health/ready} answers 200. Loads no data. On failure everything started is stopped
     * again and a {@link SuiteException} says what went wrong (with the dying process's last lines).
     */
    public void start() {
        String portProblem = config.ports().problem(config.keycloak());
        if (portProblem != null) {
            throw new SuiteException(portProblem);
        }
        for (String name : SERVICES) {
            Path jar = jarOf(name);
            if (!Files.isRegularFile(jar)) {
                throw new SuiteException(name + " is not built: " + jar + " is missing. Build it with ./mvnw -B -DskipTests package");
            }
        }
        if (config.keycloak()) {
            // finds the JDK 21+ and fetches/unpacks the distribution (once), outside the lock that close() takes
            keycloak = new KeycloakServer(config.repoRoot(), config.dataDir().resolve("keycloak"), config.ports().keycloak(),
                    config.dataDir().resolve("logs").resolve("keycloak.log"), config.echo() ? out : null, colour("34", "kc    | "));
        }
        try {
            synchronized (lifecycle) {
                requireOpen();
                prepareDataDir();
                if (keycloak != null) {
                    keycloak.start(); // first, so that it starts while PostgreSQL and the services do
                }
                startPostgres();
                Runtime.getRuntime().addShutdownHook(closer);
                for (String name : SERVICES) {
                    processes.put(name, processFor(name));
                }
                // all four start at once (a JVM start is mostly single-threaded); readiness is checked one by one
                processes.values().forEach(ServiceProcess::start);
            }
            for (String name : SERVICES) {
                processes.get(name).awaitReady(managementPortOf(name), READY_TIMEOUT, () -> closed);
            }
            if (keycloak != null) {
                keycloak.awaitReady(KeycloakServer.READY_TIMEOUT, () -> closed);
                keycloak.allowConsoleAt(gatewayUrl());
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new SuiteException("the suite is stopping");
        }
    }

    /** Loads the demo data through the gateway (idempotent: a second call creates nothing). */
    public Summary loadSeeds() {
        return loader(out == null ? null : System.err).load();
    }

    /**
     * The loader aimed at this suite's gateway and {@code <repo>/seeds/data} (and at its Keycloak, which then holds the
     * demo users' scopes); progress to {@code progress} (null: quiet).
     */
    public SeedLoader loader(PrintStream progress) {
        SeedLoader loader = SeedLoader.to(URI.create(gatewayUrl())).dataDir(config.repoRoot().resolve("seeds").resolve("data"))
                .progress(progress);
        return keycloak == null ? loader : loader.keycloak(keycloak.realm());
    }

    /** The Keycloak of this suite (started with {@link Config#withKeycloak}); empty when the gateway issues the tokens. */
    public java.util.Optional<KeycloakServer> keycloak() {
        return java.util.Optional.ofNullable(keycloak);
    }

    /** Stops one service (SIGTERM, then a kill after 15 s) and returns when it is gone. */
    public void stopService(String name) {
        ServiceProcess process = process(name);
        process.stop(STOP_GRACE);
    }

    /** Starts one service again and returns when it is ready. */
    public void startService(String name) {
        ServiceProcess process = process(name);
        if (!Ports.isFree(portOf(name)) && !process.isRunning()) {
            throw new SuiteException("Port " + portOf(name) + " of " + name + " is taken by another program");
        }
        synchronized (lifecycle) {
            requireOpen();
            process.start();
        }
        process.awaitReady(managementPortOf(name), READY_TIMEOUT, () -> closed);
    }

    public boolean isRunning(String name) {
        return process(name).isRunning();
    }

    /** {@code http://localhost:<gateway port>} */
    public String gatewayUrl() {
        return "http://localhost:" + config.ports().gateway();
    }

    /** A service's own URL (bypassing the gateway), by service name. */
    public String serviceUrl(String name) {
        return "http://localhost:" + portOf(name);
    }

    /** The last lines a service printed (for a test's failure message). */
    public String lastLines(String name) {
        return process(name).lastLines();
    }

    /**
     * Stops the four processes (all at once, each SIGTERM and a kill after 15 s), then PostgreSQL. Safe to call twice
     * and from another thread while {@link #start()} is waiting (it then fails). Also runs when the JVM exits.
     */
    @Override
    public void close() {
        closed = true;
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
            List<Thread> stoppers = new ArrayList<>();
            for (ServiceProcess process : processes.values()) {
                Thread stopper = new Thread(() -> process.stop(STOP_GRACE), "stop-" + process.name());
                stopper.start();
                stoppers.add(stopper);
            }
            if (keycloak != null) {
                KeycloakServer server = keycloak;
                Thread stopper = new Thread(() -> server.stop(STOP_GRACE), "stop-keycloak");
                stopper.start();
                stoppers.add(stopper);
            }
            for (Thread stopper : stoppers) {
                try {
                    stopper.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (postgres != null) {
                try {
                    postgres.close();
                } catch (IOException | RuntimeException e) {
                    // stopped already (Ctrl-C reaches PostgreSQL as well)
                }
                postgres = null;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(closer);
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the JVM is exiting (this may be the hook itself), or it was never registered
            }
        }
    }

    boolean seedsLoaded() {
        return Files.exists(config.dataDir().resolve(SEEDS_MARKER));
    }

    void markSeedsLoaded(Summary summary) {
        try {
            Files.writeString(config.dataDir().resolve(SEEDS_MARKER), OffsetDateTime.now() + "\n" + summary.table() + "\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private ServiceProcess process(String name) {
        ServiceProcess process = processes.get(name);
        if (process == null) {
            if (!SERVICES.contains(name)) {
                throw new IllegalArgumentException("unknown service '" + name + "'; one of " + SERVICES);
            }
            throw new IllegalStateException("the suite is not started");
        }
        return process;
    }

    private Path jarOf(String name) {
        return config.repoRoot().resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    private int portOf(String name) {
        Ports ports = config.ports();
        return switch (name) {
            case "org-service" -> ports.org();
            case "volunteer-service" -> ports.volunteer();
            case "consultation-service" -> ports.consultation();
            case "gateway" -> ports.gateway();
            default -> throw new IllegalArgumentException("unknown service '" + name + "'; one of " + SERVICES);
        };
    }

    private int managementPortOf(String name) {
        Ports ports = config.ports();
        return switch (name) {
            case "org-service" -> ports.orgOps();
            case "volunteer-service" -> ports.volunteerOps();
            case "consultation-service" -> ports.consultationOps();
            case "gateway" -> ports.gatewayOps();
            default -> throw new IllegalArgumentException("unknown service '" + name + "'; one of " + SERVICES);
        };
    }

    /** A service's management URL ({@code /q/health}, {@code /q/metrics}), by service name. */
    public String managementUrl(String name) {
        return "http://localhost:" + managementPortOf(name);
    }

    private void prepareDataDir() {
        Path dir = config.dataDir();
        try {
            if (config.fresh() && Files.exists(dir)) {
                boolean ours = Files.exists(dir.resolve(STAMP));
                boolean empty;
                try (Stream<Path> entries = Files.list(dir)) {
                    empty = entries.findAny().isEmpty();
                }
                if (!ours && !empty) {
                    throw new SuiteException("--fresh would wipe " + dir + ", which the local suite did not create (no " + STAMP
                            + " file in it). Remove it yourself or choose another data directory.");
                }
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(dir.resolve("logs"));
            Files.writeString(dir.resolve(STAMP), "Data of the local suite (./suite up). ./suite up --fresh wipes this directory.\n",
                    StandardCharsets.UTF_8);
            // keeps the data out of git without touching the repository's .gitignore
            Files.writeString(dir.resolve(".gitignore"), "*\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SuiteException("could not prepare " + dir + ": " + e.getMessage(), e);
        }
    }

    private void startPostgres() {
        Path pgData = config.dataDir().resolve("postgres");
        try {
            Files.createDirectories(pgData);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(config.ports().postgres())
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300");
            if (config.unsafeFastStorage()) {
                // --unsafe-fast-storage: writes are not forced to disk and a commit returns before its WAL is flushed.
                // Much faster bulk loading, but an OS crash or power loss can corrupt the database, not only lose the
                // last commits (a clean stop loses nothing): for throwaway demos only.
                builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
            } else {
                // PostgreSQL's safe defaults. zonky always starts the server with -F (fsync off); this -c comes after
                // it on the command line and wins.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            postgres = builder
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // stopped by close(), after the services: its own hook would stop it under their feet
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new SuiteException("PostgreSQL did not start on port " + config.ports().postgres() + " with data in " + pgData + ": "
                    + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"), e);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            for (String db : List.of("org", "volunteer", "consultation")) {
                createIfMissing(connection, db);
            }
        } catch (SQLException e) {
            throw new SuiteException("could not create the service databases: " + e.getMessage(), e);
        }
    }

    /** A setting of the running PostgreSQL as it reports it ({@code SHOW name}), e.g. {@code fsync} → {@code on}. */
    public String postgresSetting(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a setting name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement();
                java.sql.ResultSet rows = statement.executeQuery("show " + name)) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new SuiteException("could not read the PostgreSQL setting " + name + ": " + e.getMessage(), e);
        }
    }

    /** One role and one database per service, both named after it (password = name: a local demo only). */
    private static void createIfMissing(Connection connection, String name) throws SQLException {
        if (!exists(connection, "select 1 from pg_roles where rolname = ?", name)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create role " + name + " login password '" + name + "'");
            }
        }
        if (!exists(connection, "select 1 from pg_database where datname = ?", name)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create database " + name + " owner " + name + " encoding 'UTF8' template template0");
            }
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private ServiceProcess processFor(String name) {
        Ports ports = config.ports();
        Path data = config.dataDir();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.http.port", String.valueOf(portOf(name)));
        p.put("quarkus.log.console.json.enabled", "false");
        // the jars serve /q/health and /q/metrics on a management port, as in production; here one per process
        p.put("quarkus.management.port", String.valueOf(managementPortOf(name)));
        p.put("quarkus.banner.enabled", "false");
        p.put("file.encoding", "UTF-8");
        p.put("stdout.encoding", "UTF-8");
        String jwks = "http://localhost:" + ports.gateway() + "/api/v1/auth/jwks";
        String org = "http://localhost:" + ports.org();
        String volunteer = "http://localhost:" + ports.volunteer();
        String consultation = "http://localhost:" + ports.consultation();
        String prefix;
        switch (name) {
            case "org-service" -> {
                prefix = colour("36", "org   | ");
                datasource(p, "org");
                quietAccessLog(p);
                p.put("mp.jwt.verify.publickey.location", jwks);
                p.put("org.imports.spool-dir", data.resolve("org-imports").toString());
            }
            case "volunteer-service" -> {
                prefix = colour("32", "vol   | ");
                datasource(p, "volunteer");
                quietAccessLog(p);
                p.put("mp.jwt.verify.publickey.location", jwks);
                p.put("quarkus.rest-client.org-service.url", org);
                feedConsumer(p, name, org);
            }
            case "consultation-service" -> {
                prefix = colour("35", "cons  | ");
                datasource(p, "consultation");
                quietAccessLog(p);
                p.put("mp.jwt.verify.publickey.location", jwks);
                p.put("quarkus.rest-client.org-service.url", org);
                p.put("quarkus.rest-client.volunteer-service.url", volunteer);
                feedConsumer(p, name, org);
            }
            case "gateway" -> {
                prefix = colour("33", "gw    | ");
                p.put("gateway.routes.org-service.url", org);
                p.put("gateway.routes.volunteer-service.url", volunteer);
                p.put("gateway.routes.consultation-service.url", consultation);
                for (String service : List.of("org-service", "volunteer-service", "consultation-service")) {
                    p.put("gateway.routes." + service + ".health-url", managementUrl(service) + "/q/health/ready");
                }
                p.put("gateway.auth.issuer.key-dir", data.resolve("gateway-keys").toString());
                feedClientSecrets.forEach((client, secret) -> p.put("gateway.auth.issuer.clients." + client + ".secret", secret));
                // one user and the seed loader: the public-internet limit would only slow the demo down
                p.put("gateway.rate-limit.requests-per-second", "100000");
                p.put("gateway.rate-limit.burst", "100000");
            }
            default -> throw new IllegalArgumentException(name);
        }
        if (keycloak != null) {
            p.putAll("gateway".equals(name) ? keycloak.gatewayProperties() : keycloak.serviceProperties());
        }
        return new ServiceProcess(name, prefix, jarOf(name), config.repoRoot(), data.resolve("logs").resolve(name + ".log"), p,
                jvmOptions(), config.echo() ? out : null);
    }

    /** A consumer of org-service's change feed (org-service README "The change feed"): where it is and how it logs in. */
    private void feedConsumer(Map<String, String> p, String name, String org) {
        p.put("org-feed.url", org);
        p.put("org-feed.token-url", feedTokenUrl());
        p.put("org-feed.client-id", name);
        p.put("org-feed.client-secret", feedClientSecret(name));
    }

    /** Every request shows once, in the gateway's access log; the services log what they do, not each request again. */
    private static void quietAccessLog(Map<String, String> p) {
        p.put("quarkus.http.access-log.enabled", "false");
    }

    private void datasource(Map<String, String> p, String db) {
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + config.ports().postgres() + "/" + db);
        p.put("quarkus.datasource.username", db);
        p.put("quarkus.datasource.password", db);
        // five JVMs (six with Keycloak) start at once on a laptop: a first connection may take longer than the default 5 s
        p.put("quarkus.datasource.jdbc.acquisition-timeout", "60S");
    }

    /** Small heaps and the serial collector: four JVMs share a laptop. Override with -Dsuite.jvm-options="...". */
    private static List<String> jvmOptions() {
        String configured = System.getProperty("suite.jvm-options", "-XX:+UseSerialGC -Xms64m -Xmx512m");
        List<String> options = new ArrayList<>();
        for (String option : configured.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        return options;
    }

    private static boolean colours() {
        return System.console() != null && System.getenv("NO_COLOR") == null && !"dumb".equals(System.getenv("TERM"));
    }

    private static String colour(String code, String text) {
        return colours() ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * {@code up [--fresh] [--ports gateway=8080,org=8081,volunteer=8082,consultation=8083,postgres=55430]
     * [--data-dir DIR] [--repo DIR] [--no-seeds] [--keycloak] [--unsafe-fast-storage]}
     */
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        Config config;
        boolean seeds = true;
        try {
            Path repo = null;
            Path dataDir = null;
            Ports ports = Ports.defaults();
            boolean fresh = false;
            boolean unsafeFastStorage = false;
            boolean withKeycloak = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "up" -> {
                    }
                    case "--fresh" -> fresh = true;
                    case "--no-seeds" -> seeds = false;
                    case "--unsafe-fast-storage" -> unsafeFastStorage = true;
                    case "--keycloak" -> withKeycloak = true;
                    case "--ports" -> ports = ports.with(value(args, ++i, arg));
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                    case "--repo" -> repo = Path.of(value(args, ++i, arg));
                    case "-h", "--help" -> {
                        System.out.println(usage());
                        return;
                    }
                    default -> {
                        if (arg.startsWith("--ports=")) {
                            ports = ports.with(arg.substring("--ports=".length()));
                        } else {
                            throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + usage());
                        }
                    }
                }
            }
            Path root = repo != null ? repo : findRepoRoot();
            config = Config.of(root).withPorts(ports).withFresh(fresh).withUnsafeFastStorage(unsafeFastStorage)
                    .withKeycloak(withKeycloak);
            if (dataDir != null) {
                config = config.withDataDir(dataDir);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }

        LocalSuite suite = new LocalSuite(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.err.println("\nStopping the suite…");
            suite.close();
            System.err.println("Stopped.");
            stopped.countDown();
        }, "suite-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            System.err.println("Starting " + (config.keycloak() ? "Keycloak (port " + config.ports().keycloak() + "), " : "")
                    + "PostgreSQL (port " + config.ports().postgres() + ", data in " + config.dataDir() + ") and "
                    + String.join(", ", SERVICES) + "…");
            suite.start();
            double startedIn = (System.nanoTime() - t0) / 1e9;
            System.err.printf(Locale.ROOT, "All four services%s ready after %.1f s.%n", config.keycloak() ? " and Keycloak" : "", startedIn);
            Summary summary = null;
            if (seeds && !suite.seedsLoaded()) {
                System.err.println("First start: loading the demo data through the gateway…");
                summary = suite.loadSeeds();
                suite.markSeedsLoaded(summary);
            } else if (seeds && config.keycloak()) {
                // the data may have been loaded without Keycloak, or Keycloak's own data may be new: scope the users again
                System.err.println("Setting the demo users' scopes in Keycloak…");
                suite.loader(null).scopeAccounts();
            }
            double readyIn = (System.nanoTime() - t0) / 1e9;
            System.out.println(banner(suite, summary, readyIn, seeds));
        } catch (RuntimeException e) {
            if (stopping(hook)) {
                return; // Ctrl-C while starting: the hook stops what runs
            }
            System.err.println("\n" + (e instanceof SuiteException ? e.getMessage() : "The suite could not start: " + e));
            suite.close();
            System.exit(1);
            return;
        }
        watch(suite, stopped);
    }

    /** True when the JVM is shutting down already (the hook cannot be removed then). */
    private static boolean stopping(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** Tells the user when a process dies on its own (the others keep running), until Ctrl-C. */
    private static void watch(LocalSuite suite, CountDownLatch stopped) {
        Map<String, Boolean> reported = new LinkedHashMap<>();
        try {
            while (!stopped.await(2, java.util.concurrent.TimeUnit.SECONDS)) {
                if (suite.keycloak != null && !suite.closed && !suite.keycloak.isRunning() && !reported.getOrDefault("keycloak", false)) {
                    System.err.println("\nKeycloak has stopped: nobody can log in. Its last lines:\n" + suite.keycloak.lastLines()
                            + "\nCtrl-C stops the suite, ./suite.sh up --keycloak starts it again.");
                    reported.put("keycloak", true);
                }
                for (String name : SERVICES) {
                    if (suite.closed) {
                        return;
                    }
                    boolean running = suite.isRunning(name);
                    if (!running && !reported.getOrDefault(name, false)) {
                        System.err.println("\n" + name + " has stopped. Its last lines:\n" + suite.lastLines(name)
                                + "\nThe others keep running; Ctrl-C stops the suite, ./suite.sh up starts it again.");
                    }
                    reported.put(name, !running);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String banner(LocalSuite suite, Summary summary, double readyIn, boolean seeds) {
        String gw = suite.gatewayUrl();
        StringBuilder b = new StringBuilder("\n");
        b.append("=".repeat(78)).append('\n');
        b.append("Community party suite is running.\n\n");
        b.append(String.format(Locale.ROOT, "  %-22s %s%n", "Gateway (use this)", gw));
        b.append(String.format(Locale.ROOT, "  %-22s %s%n", "Web console", gw + "/console/"));
        b.append(String.format(Locale.ROOT, "  %-22s %s%n", "Swagger UI", gw + "/q/swagger-ui"));
        b.append(String.format(Locale.ROOT, "  %-22s %s%n", "OpenAPI (merged)", gw + "/q/openapi"));
        for (String name : SERVICES.subList(0, 3)) {
            b.append(String.format(Locale.ROOT, "  %-22s %s   (Swagger UI %s/q/swagger-ui)%n", name, suite.serviceUrl(name),
                    suite.serviceUrl(name)));
        }
        b.append(String.format(Locale.ROOT, "  %-22s /q/health, /q/metrics at %s (gateway), %s, %s, %s%n", "Operations",
                suite.managementUrl("gateway"), suite.managementUrl("org-service"), suite.managementUrl("volunteer-service"),
                suite.managementUrl("consultation-service")));
        b.append(String.format(Locale.ROOT, "  %-22s localhost:%d (databases org, volunteer, consultation; fsync %s, synchronous_commit %s%s)%n",
                "PostgreSQL", suite.config.ports().postgres(), suite.postgresSetting("fsync"), suite.postgresSetting("synchronous_commit"),
                suite.config.unsafeFastStorage() ? ": --unsafe-fast-storage, an OS crash can corrupt the data" : ""));
        b.append(String.format(Locale.ROOT, "  %-22s %s%n", "Data and logs", suite.config.dataDir()));
        if (suite.keycloak != null) {
            String kc = suite.keycloak.url();
            b.append(String.format(Locale.ROOT, "  %-22s %s (admin console %s/admin, %s / %s; realm %s)%n", "Keycloak", kc, kc,
                    KeycloakServer.ADMIN, KeycloakServer.ADMIN_PASSWORD, KeycloakServer.REALM));
            b.append("\nKeycloak issues the tokens; the gateway's built-in issuer is off (/api/v1/auth/** answers 404).\n");
            b.append("The web console signs in on Keycloak's login page (authorization code flow with PKCE) with the users below.\n");
            b.append("Demo logins (password grant of client community-web):\n");
            b.append("  curl -s ").append(suite.keycloak.realm().tokenUrl())
                    .append(" -d grant_type=password -d client_id=community-web -d username=secretary -d password=demo-secretary\n\n");
        } else {
            b.append("\nDemo logins (POST ").append(gw).append("/api/v1/auth/token {\"username\":…,\"password\":…}):\n\n");
        }
        b.append(SeedLoader.accountTable(suite.config.repoRoot().resolve("seeds").resolve("data")));
        if (summary != null) {
            b.append("\nSeeds loaded:\n").append(summary.table());
        } else if (seeds) {
            b.append("\nSeeds were loaded on an earlier start (").append(suite.config.dataDir().resolve(SEEDS_MARKER))
                    .append("); --fresh starts from nothing.\n");
        }
        b.append(String.format(Locale.ROOT, "%nReady%s in %.1f s. Ctrl-C stops everything.%n",
                summary != null ? " with seeds loaded" : "", readyIn));
        b.append("=".repeat(78));
        return b.toString();
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value\n" + usage());
        }
        return args[index];
    }

    private static String usage() {
        return """
                usage: ./suite up [--fresh] [--ports gateway=8080,org=8081,volunteer=8082,consultation=8083,postgres=55430,keycloak=8180,
                                           gateway-ops=9000,org-ops=9001,volunteer-ops=9002,consultation-ops=9003]
                                  [--data-dir DIR] [--no-seeds] [--keycloak] [--unsafe-fast-storage]
                  --fresh      wipe the data directory (default .suite) and start from nothing
                  --ports      change any of the ports
                  --data-dir   keep PostgreSQL's data, keys and logs elsewhere
                  --no-seeds   do not load the demo data on first start
                  --keycloak   Keycloak issues the tokens, with the realm of deploy/ (needs a JDK 21+ on the machine)
                  --unsafe-fast-storage
                               PostgreSQL without fsync and with asynchronous commits: a faster first start, but an
                               OS crash or power loss can corrupt the database. Only for throwaway demos""";
    }

    /** The working directory or the nearest parent holding {@code mvnw} and {@code org-service/}. */
    private static Path findRepoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("org-service"))) {
                return dir;
            }
        }
        throw new IllegalArgumentException("Run the suite from the repository (no mvnw and org-service/ found above "
                + Path.of("").toAbsolutePath() + "), or pass --repo DIR");
    }
}
