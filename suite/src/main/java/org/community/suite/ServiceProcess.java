package org.community.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as {@code java -jar <module>/target/quarkus-app/quarkus-run.jar} (or any other command, such as
 * Keycloak's {@code kc.sh}): its output goes to the terminal with a prefix (when echoing) and to
 * {@code <data dir>/logs/<name>.log}; the last lines are kept for the message when it dies.
 */
final class ServiceProcess {

    private static final int KEPT_LINES = 400;
    private static final int SHOWN_LINES = 25;
    private static final Object TERMINAL = new Object();

    private final String name;
    private final String prefix;
    private final Path jar;
    private final Path workDir;
    private final Path logFile;
    private final Map<String, String> properties;
    private final List<String> jvmOptions;
    private final PrintStream echo;
    /** A command of its own instead of {@code java -jar}, with extra environment variables; null for a service jar. */
    private final List<String> command;
    private final Map<String, String> environment;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private Process process;
    private Thread pump;
    /** Quarkus said it could not start (its JVM may linger a while before exiting). */
    private volatile boolean failedToStart;

    ServiceProcess(String name, String prefix, Path jar, Path workDir, Path logFile, Map<String, String> properties,
            List<String> jvmOptions, PrintStream echo) {
        this.name = name;
        this.prefix = prefix;
        this.jar = jar;
        this.workDir = workDir;
        this.logFile = logFile;
        this.properties = properties;
        this.jvmOptions = jvmOptions;
        this.echo = echo;
        this.command = null;
        this.environment = Map.of();
    }

    /** A process started with this command line (run in {@code workDir}, these variables added to the environment). */
    ServiceProcess(String name, String prefix, List<String> command, Map<String, String> environment, Path workDir, Path logFile,
            PrintStream echo) {
        this.name = name;
        this.prefix = prefix;
        this.jar = null;
        this.workDir = workDir;
        this.logFile = logFile;
        this.properties = Map.of();
        this.jvmOptions = List.of();
        this.echo = echo;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
    }

    String name() {
        return name;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    synchronized void start() {
        if (isRunning()) {
            return;
        }
        List<String> commandLine = command != null ? command : javaJar();
        ProcessBuilder builder = new ProcessBuilder(commandLine).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new SuiteException("could not start " + name + ": " + e.getMessage(), e);
        }
        synchronized (lastLines) {
            lastLines.clear();
        }
        failedToStart = false;
        Process started = process;
        pump = new Thread(() -> pump(started), name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private List<String> javaJar() {
        if (!Files.isRegularFile(jar)) {
            throw new SuiteException(name + " is not built: " + jar + " is missing. Build it with ./mvnw -B -DskipTests package");
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        commandLine.addAll(jvmOptions);
        properties.forEach((key, value) -> commandLine.add("-D" + key + "=" + value));
        commandLine.add("-jar");
        commandLine.add(jar.toString());
        return commandLine;
    }

    /** Polls {@code /q/health/ready} until it answers 200; fails with the last log lines if the process exits meanwhile. */
    void awaitReady(int port, Duration timeout, java.util.function.BooleanSupplier cancelled) {
        awaitReady(URI.create("http://localhost:" + port + "/q/health/ready"), timeout, cancelled);
    }

    /** Polls this URL until it answers 200; fails with the last log lines if the process exits meanwhile. */
    void awaitReady(URI readiness, Duration timeout, java.util.function.BooleanSupplier cancelled) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest request = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new SuiteException("the suite was stopped while " + name + " was starting");
            }
            Process current;
            synchronized (this) {
                current = process;
            }
            if (failedToStart) {
                pause(1000); // let the stack trace arrive
                throw new SuiteException(name + " could not start. Its last lines:\n" + lastLines() + "\nFull log: " + logFile);
            }
            if (current == null || !current.isAlive()) {
                throw new SuiteException(name + " stopped while starting" + (current == null ? "" : " (exit code " + current.exitValue() + ")")
                        + ". Its last lines:\n" + lastLines() + "\nFull log: " + logFile);
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteException("interrupted while waiting for " + name, e);
            }
            if (System.nanoTime() > deadline) {
                throw new SuiteException(name + " was not ready within " + timeout.toSeconds() + " s (GET " + readiness
                        + "). Its last lines:\n" + lastLines() + "\nFull log: " + logFile);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SuiteException("interrupted while waiting for " + name, e);
            }
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), then a kill after the grace period. */
    void stop(Duration grace) {
        Process current;
        Thread currentPump;
        synchronized (this) {
            current = process;
            currentPump = pump;
            process = null;
        }
        if (current == null) {
            return;
        }
        // SIGTERM through the handle: Process.destroy() would also close the output pipe, losing the shutdown lines
        current.descendants().forEach(ProcessHandle::destroy);
        current.toHandle().destroy();
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.descendants().forEach(ProcessHandle::destroyForcibly);
                current.toHandle().destroyForcibly();
                current.waitFor(5, TimeUnit.SECONDS);
            }
            if (currentPump != null) {
                currentPump.join(2000);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines it printed, stack frames left out (the exception and its causes stay). */
    String lastLines() {
        List<String> lines;
        synchronized (lastLines) {
            lines = lastLines.stream().filter(l -> !l.startsWith("\tat ") && !l.matches("\\s*\\.\\.\\. \\d+ more")).toList();
        }
        return String.join("\n", lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size()));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void pump(Process source) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8));
                Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.contains("Failed to start application")) {
                    failedToStart = true;
                }
                synchronized (lastLines) {
                    if (lastLines.size() == KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
                log.write(line);
                log.write('\n');
                log.flush();
                if (echo != null) {
                    synchronized (TERMINAL) {
                        echo.println(prefix + line);
                    }
                }
            }
        } catch (IOException e) {
            // the process went away; its stream closes with it
        }
    }
}
