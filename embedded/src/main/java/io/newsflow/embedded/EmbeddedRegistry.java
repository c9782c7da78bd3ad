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
 * A real Apicurio Registry (in-memory storage) running as a child process from its Maven Central
 * distribution, on free loopback ports. Serves the core API and the Confluent-compatible API.
 */
public final class EmbeddedRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRegistry.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path logFile;

    private EmbeddedRegistry(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts a registry, waits until it answers, and returns it. */
    public static EmbeddedRegistry start() {
        Path home = RegistryDistribution.locate().home();
        int port = FreePorts.next();
        int managementPort = FreePorts.next();
        Path logFile;
        Process process;
        try {
            logFile = Files.createTempFile("newsflow-registry-", ".log");
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:+UseSerialGC",
                    "-Dquarkus.http.host=127.0.0.1",
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + managementPort,
                    "-Dquarkus.management.host=127.0.0.1",
                    "-Dquarkus.log.level=WARN",
                    "-jar", home.resolve("quarkus-run.jar").toString()));
            process = new ProcessBuilder(command).directory(home.toFile())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        } catch (IOException e) {
            throw new EmbeddedStartException("cannot start Apicurio Registry from " + home, e);
        }
        EmbeddedRegistry registry = new EmbeddedRegistry(process, port, logFile);
        registry.awaitReady();
        LOG.info("Apicurio Registry started on {} (log {})", registry.baseUrl(), logFile);
        return registry;
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
                close();
                throw new EmbeddedStartException("interrupted while waiting for the registry", e);
            }
            pause();
        }
        close();
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

    /** Stops the registry process (gracefully, then forcibly). */
    @Override
    public void close() {
        if (!process.isAlive()) {
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
