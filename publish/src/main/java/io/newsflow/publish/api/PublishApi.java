package io.newsflow.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.publish.trending.Trending;
import io.newsflow.publish.trending.TrendingWindows;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publish service's HTTP API (JDK HTTP server, one virtual thread per request): the latest
 * article by id and trending entities from the Streams state stores, answered through the instance
 * that holds them; health, Prometheus metrics, the OpenAPI document, the live event stream and the
 * live page. Bound before the Streams application is created, so the application can advertise
 * the bound port ({@code application.server}).
 */
public final class PublishApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishApi.class);
    /** Entity types and TOPIC, as {@code /trending?type=} takes them. */
    static final Set<String> TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC", Trending.TOPIC);
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/app.js", "app.js", "/style.css", "style.css",
            "/openapi.json", "openapi.json");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String advertisedHost;
    private volatile StateQueries queries;
    private volatile EventStream stream;
    private volatile Supplier<String> metrics = () -> "";

    private PublishApi(HttpServer server, String advertisedHost) {
        this.server = server;
        this.advertisedHost = advertisedHost;
    }

    /** Binds (port 0: any free port) and starts serving; state answers 503 until {@link #attach}. */
    public static PublishApi bind(String bindHost, int port, String advertisedHost) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(bindHost, port), 0);
            PublishApi api = new PublishApi(http, advertisedHost);
            http.createContext("/", api::dispatch);
            http.setExecutor(api.executor);
            http.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the publish API on " + bindHost + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** The host and port other instances reach this one at: the {@code application.server} value. */
    public HostInfo hostInfo() {
        return new HostInfo(advertisedHost, server.getAddress().getPort());
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8090}. */
    public String url() {
        return "http://" + advertisedHost + ":" + server.getAddress().getPort();
    }

    /**
     * Connects the API to the running application: its state stores, its trending windows (null when
     * trending is off), the JSON topic the live stream reads (with {@code kafka} client settings), and
     * the Prometheus scrape for {@code /metrics}.
     */
    public void attach(KafkaStreams streams, TrendingWindows windows, Map<String, Object> kafka, String jsonTopic,
                       Duration heartbeat, int maxStreams, Supplier<String> prometheus) {
        this.queries = new StateQueries(streams, hostInfo(), windows);
        this.stream = new EventStream(kafka, jsonTopic, heartbeat, maxStreams);
        this.metrics = prometheus;
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                HttpResponses.error(exchange, 405, "only GET");
            } else if (STATIC.containsKey(path)) {
                resource(exchange, STATIC.get(path));
            } else if (path.equals("/health")) {
                health(exchange);
            } else if (path.equals("/metrics")) {
                HttpResponses.send(exchange, 200, "text/plain; version=0.0.4",
                        metrics.get().getBytes(StandardCharsets.UTF_8));
            } else if (queries == null) {
                HttpResponses.error(exchange, 503, "starting");
            } else if (path.startsWith("/articles/") && path.length() > "/articles/".length()) {
                article(exchange, path.substring("/articles/".length()));
            } else if (path.equals("/trending")) {
                trending(exchange);
            } else if (path.equals("/stream")) {
                stream.handle(exchange);
            } else {
                HttpResponses.error(exchange, 404, "no such resource: " + path + " (see /openapi.json)");
            }
        } catch (InvalidStateStoreException e) {
            // Stores move between instances in a rebalance; the client should simply ask again.
            exchange.getResponseHeaders().set("Retry-After", "2");
            HttpResponses.error(exchange, 503, "state is moving between instances (" + e.getMessage() + "); retry");
        } catch (IOException e) {
            LOG.debug("HTTP client went away: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.warn("HTTP {} failed", exchange.getRequestURI(), e);
            HttpResponses.error(exchange, 500, e.toString());
        }
    }

    private void health(HttpExchange exchange) throws IOException {
        KafkaStreams.State state = queries == null ? null : queries.state();
        boolean ok = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING;
        HttpResponses.json(exchange, ok ? 200 : 503, HttpResponses.JSON.createObjectNode()
                .put("status", ok ? "UP" : "DOWN").put("streams", state == null ? "STARTING" : state.name()));
    }

    private void article(HttpExchange exchange, String rawId) throws IOException {
        String id = java.net.URLDecoder.decode(rawId, StandardCharsets.UTF_8);
        Optional<HostInfo> owner = queries.ownerOf(id);
        if (owner.isEmpty()) {
            exchange.getResponseHeaders().set("Retry-After", "2");
            HttpResponses.error(exchange, 503, "the instance holding " + id + " is not known yet; retry");
            return;
        }
        exchange.getResponseHeaders().set("X-Newsflow-Served-By", owner.get().host() + ":" + owner.get().port());
        if (!owner.get().equals(queries.self())) {
            if (HttpResponses.query(exchange).containsKey("forwarded")) {
                HttpResponses.error(exchange, 503, "forwarded to an instance that does not hold the key; retry");
                return;
            }
            forward(exchange, owner.get(), "/articles/" + rawId + "?forwarded=1");
            return;
        }
        Optional<JsonNode> article = queries.article(id);
        if (article.isEmpty()) {
            HttpResponses.error(exchange, 404, "no article " + id + " (never published, or withdrawn)");
        } else {
            HttpResponses.json(exchange, 200, article.get());
        }
    }

    private void trending(HttpExchange exchange) throws IOException {
        Map<String, List<String>> q = HttpResponses.query(exchange);
        TrendingWindows windows = queries.windows();
        if (windows == null) {
            HttpResponses.error(exchange, 404, "trending is off (publish.trending.enabled=false)");
            return;
        }
        String window = HttpResponses.param(q, "window", "");
        if (!window.isEmpty() && !parseDuration(window).equals(Optional.of(windows.size()))) {
            HttpResponses.error(exchange, 400, "window '" + window + "' is not kept; this service keeps "
                    + format(windows.size()) + " windows (publish.trending.window-minutes)");
            return;
        }
        String type = HttpResponses.param(q, "type", null);
        if (type != null) {
            type = type.toUpperCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                HttpResponses.error(exchange, 400, "type must be one of " + TYPES.stream().sorted().toList());
                return;
            }
        }
        int limit;
        Instant at;
        try {
            limit = Integer.parseInt(HttpResponses.param(q, "limit", "20"));
            String atParam = HttpResponses.param(q, "at", null);
            at = atParam == null ? Instant.now() : Instant.parse(atParam);
        } catch (NumberFormatException | DateTimeParseException e) {
            HttpResponses.error(exchange, 400, "limit must be a number and at an ISO-8601 instant: " + e.getMessage());
            return;
        }
        if (limit < 1 || limit > 1000) {
            HttpResponses.error(exchange, 400, "limit must be from 1 to 1000");
            return;
        }
        List<JsonNode> entries = new ArrayList<>(queries.trending(at, type, limit));
        boolean local = q.containsKey("local");
        if (!local) {
            // Each instance holds the entities of its partitions: ask the others for their best
            // `limit` and merge; the overall best are among them.
            String query = "?local=1&limit=" + limit + "&at=" + at + (type == null ? "" : "&type=" + type);
            for (HostInfo other : queries.otherInstances()) {
                JsonNode remote = fetch(other, "/trending" + query);
                remote.path("entries").forEach(entries::add);
            }
        }
        entries.sort(StateQueries.BY_SCORE);
        long start = windows.lastFullWindowStart(at.toEpochMilli());
        ObjectNode body = HttpResponses.JSON.createObjectNode()
                .put("window", format(windows.size()))
                .put("windowStart", Instant.ofEpochMilli(start).toString())
                .put("windowEnd", Instant.ofEpochMilli(start + windows.size().toMillis()).toString())
                .put("sparkStep", format(windows.advance()));
        body.put("type", type);
        ArrayNode out = body.putArray("entries");
        entries.stream().limit(limit).forEach(out::add);
        HttpResponses.json(exchange, 200, body);
    }

    private void forward(HttpExchange exchange, HostInfo to, String pathAndQuery) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://" + to.host() + ":" + to.port() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponses.send(exchange, response.statusCode(), "application/json", response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            HttpResponses.error(exchange, 503, "interrupted while asking " + to);
        } catch (IOException e) {
            HttpResponses.error(exchange, 502, "the instance holding the key (" + to.host() + ":" + to.port()
                    + ") did not answer: " + e);
        }
    }

    private JsonNode fetch(HostInfo from, String pathAndQuery) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://" + from.host() + ":" + from.port() + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("instance " + from + " answered " + response.statusCode());
            }
            return HttpResponses.JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + from, e);
        }
    }

    private void resource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = PublishApi.class.getResourceAsStream(name)) {
            if (in == null) {
                HttpResponses.error(exchange, 404, "missing resource " + name);
                return;
            }
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".js") ? "text/javascript"
                    : name.endsWith(".css") ? "text/css" : "application/json";
            HttpResponses.send(exchange, 200, type, in.readAllBytes());
        }
    }

    /** Parses {@code 1h}, {@code 60m}, {@code 3600s}. */
    static Optional<Duration> parseDuration(String s) {
        try {
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 'h' -> Optional.of(Duration.ofHours(n));
                case 'm' -> Optional.of(Duration.ofMinutes(n));
                case 's' -> Optional.of(Duration.ofSeconds(n));
                default -> Optional.empty();
            };
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String format(Duration d) {
        return d.toSeconds() % 3600 == 0 ? d.toHours() + "h" : d.toSeconds() % 60 == 0 ? d.toMinutes() + "m"
                : d.toSeconds() + "s";
    }

    /** Stops serving (open live streams end). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
