package io.newsflow.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apicurio Registry running as a child process from its Maven Central distribution, on
 * free loopback ports. Serves the core API and the Confluent-compatible API.
 *
 * <p>Schemas live in memory by default. Started with a data directory ({@link #start(Path)}) they
 * live in an H2 database file there (the distribution's SQL storage), so {@link #stop()} and
 * {@link #restart()} bring back the same schemas under the same ids: records written before the
 * restart stay readable, which an in-memory registry that hands out ids afresh cannot promise.
 */
public final class EmbeddedRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final int port;
    private final int managementPort;
    private final Path dataDir;
    private final Path logFile;
    private Process process;

    private EmbeddedRegistry(Path home, Path dataDir, Path logFile) {
        this.home = home;
        this.port = FreePorts.next();
        this.managementPort = FreePorts.next();
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /** Starts a registry with in-memory storage, waits until it answers, and returns it. */
    public static EmbeddedRegistry start() {
        return start(null);
    }

    /**
     * Starts a registry keeping its schemas in an H2 file under {@code dataDir} (null: in
     * memory), waits until it answers, and returns it. The directory is the caller's to delete.
     */
    public static EmbeddedRegistry start(Path dataDir) {
        Path home = RegistryDistribution.locate().home();
        Path logFile;
        try {
            logFile = Files.createTempFile("newsflow-registry-", ".log");
        } catch (IOException e) {
            throw new EmbeddedStartException("cannot create the registry's log file", e);
        }
        EmbeddedRegistry registry = new EmbeddedRegistry(home, dataDir, logFile);
        registry.launch();
        return registry;
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.log.level=WARN"));
        if (dataDir != null) {
            // The distribution's default storage is SQL on an in-memory H2 database; the same
            // storage on a file survives a restart (schema ids included).
            command.add("-Dapicurio.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry"));
        }
        command.addAll(List.of("-jar", home.resolve("quarkus-run.jar").toString()));
        try {
            process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        } catch (IOException e) {
            throw new EmbeddedStartException("cannot start Apicurio Registry from " + home, e);
        }
        // The registry is a separate process: without this, a JVM stopped by Ctrl-C or SIGTERM
        // (not through close()) would leave it running, holding its ports and memory.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("registry-stop").unstarted(() -> {
            if (started.isAlive()) {
                started.destroyForcibly();
            }
        }));
        awaitReady();
        LOG.info("Apicurio Registry started on {} (log {}{})", baseUrl(), logFile,
                dataDir == null ? "" : ", data " + dataDir);
    }

    /**
     * Stops the registry process (gracefully, so its database is closed cleanly), keeping ports
     * and data for {@link #restart()}. Clients get connection errors until then.
     */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LOG.info("Apicurio Registry stopped");
    }

    /**
     * Starts the registry again after {@link #stop()} on the same ports; with a data directory it
     * serves the schemas and ids it had.
     */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Apicurio Registry is running on " + baseUrl());
        }
        launch();
    }

    /** The registry process's id, e.g. to freeze it with SIGSTOP in a test. */
    public synchronized long pid() {
        return process.pid();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41235}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The core API URL the Apicurio serdes take ({@code apicurio.registry.url}). */
    public String apiUrl() {
        return baseUrl() + "/apis/registry/v3";
    }

    /** The Confluent-compatible API URL, for Confluent clients and tools. */
    public String confluentCompatibleUrl() {
        return baseUrl() + "/apis/ccompat/v7";
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(confluentCompatibleUrl() + "/subjects"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new EmbeddedStartException("Apicurio Registry exited with " + process.exitValue()
                        + "; its log:\n" + tail(logFile));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                LOG.trace("registry not up yet: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new EmbeddedStartException("interrupted while waiting for the registry", e);
            }
            pause();
        }
        stop();
        throw new EmbeddedStartException("Apicurio Registry did not answer within " + START_TIMEOUT
                + "; its log:\n" + tail(logFile));
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The java launcher of this JVM: we require 21+, which is also what the registry needs. */
    private static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Stops the registry process (gracefully, then forcibly) and deletes its log. */
    @Override
    public void close() {
        stop();
        try {
            Files.deleteIfExists(logFile);
        } catch (IOException e) {
            LOG.debug("could not delete {}", logFile, e);
        }
    }

    /** For diagnostics: the registry's stdout/stderr. */
    public Path logFile() {
        return logFile;
    }

    static InputStream resource(String name) {
        return EmbeddedRegistry.class.getResourceAsStream(name);
    }
}
