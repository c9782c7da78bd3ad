package io.newsflow.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.schemas.config.ServiceConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics of one service process (JVM, Kafka Streams, fetch outcomes...), served in Prometheus'
 * text format at {@code /metrics}, with {@code /health} answering 200 while the service works and
 * 503 when it does not (for container probes). Served only when {@code metrics.port} is set (0 picks
 * a free port); otherwise the meters are still kept, for the end-of-run summaries.
 */
final class ServiceMetrics implements AutoCloseable {

    static final String PORT = "metrics.port";
    private static final Logger LOG = LoggerFactory.getLogger(ServiceMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final HttpServer server;
    private volatile Supplier<String> problem = () -> null;

    private ServiceMetrics(String service, Integer port) {
        registry.config().commonTags("service", service);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        server = port == null ? null : serve(port);
    }

    /** Starts the metrics of {@code service} as {@code config} says (served when metrics.port is set). */
    static ServiceMetrics start(ServiceConfig config, String service) {
        String value = config.get(PORT, "").trim();
        Integer port = null;
        if (!value.isEmpty()) {
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException(
                        PORT + " must be a port number (0 for any free one), not '" + value + "'");
            }
        }
        ServiceMetrics metrics = new ServiceMetrics(service, port);
        if (metrics.server != null) {
            LOG.info("{}: Prometheus metrics at /metrics and health at /health on port {}", service, metrics.port());
        }
        return metrics;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** The metrics in Prometheus' text format (what {@code /metrics} serves). */
    String scrape() {
        return registry.scrape();
    }

    /** The port metrics are served on, or -1 when they are not served. */
    int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    /** Adds the Streams application's metrics (processing rates, lag, state stores) and ties health to its state. */
    void watch(KafkaStreams app) {
        KafkaStreamsMetrics streams = new KafkaStreamsMetrics(app);
        streams.bindTo(registry);
        binders.add(streams);
        problem = () -> switch (app.state()) {
            case RUNNING, REBALANCING, CREATED -> null;
            default -> "streams application " + app.state();
        };
    }

    private HttpServer serve(int port) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(port), 0);
            http.createContext("/metrics", exchange -> respond(exchange, 200, "text/plain; version=0.0.4",
                    registry.scrape()));
            http.createContext("/health", exchange -> {
                String why = problem.get();
                respond(exchange, why == null ? 200 : 503, "text/plain", why == null ? "ok\n" : why + "\n");
            });
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return http;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve metrics on port " + port + ": " + e.getMessage(), e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                LOG.debug("closing a metrics binder failed", e);
            }
        }
        registry.close();
    }
}
