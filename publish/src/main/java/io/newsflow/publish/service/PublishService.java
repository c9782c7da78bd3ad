package io.newsflow.publish.service;

import io.newsflow.publish.api.PublishApi;
import io.newsflow.publish.rules.Routes;
import io.newsflow.publish.rules.RulesException;
import io.newsflow.publish.topology.PublishConfig;
import io.newsflow.publish.topology.PublishTopology;
import io.newsflow.publish.trending.TrendingWindows;
import io.newsflow.schemas.config.ConfigException;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.deadletter.DeadLetterProductionHandler;
import io.newsflow.schemas.serde.RecordLimits;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.streams.GroupExit;
import io.newsflow.schemas.streams.ThreadReplacingHandler;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The publish service: loads configuration, builds the topology, and runs it with its HTTP API
 * (when {@code publish.http.port} is set).
 */
public final class PublishService implements AutoCloseable {

    /** Classpath resource with the commented defaults. */
    public static final String DEFAULTS = "publish-defaults.properties";

    private final KafkaStreams streams;
    private final PublishApi api;
    private final Map<String, Object> kafka;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PublishService(KafkaStreams streams, PublishApi api, Map<String, Object> kafka) {
        this.streams = streams;
        this.api = api;
        this.kafka = kafka;
    }

    /** Creates the service without Prometheus metrics on its API ({@code /metrics} answers empty). */
    public static PublishService create(ServiceConfig config) {
        return create(config, () -> "");
    }

    /**
     * Creates (not starts) the Streams application and binds the HTTP API, whose port the
     * application then advertises to its other instances ({@code application.server}) so that a
     * query for a key another instance holds is answered through that instance. A stream thread
     * that dies from an exception (broker or registry unreachable for too long, a fenced producer)
     * is replaced, and its tasks resume from their last commit ({@link ThreadReplacingHandler});
     * an {@link Error} stops it.
     *
     * @param prometheus the metrics scrape served at {@code /metrics}
     */
    public static PublishService create(ServiceConfig config, Supplier<String> prometheus) {
        PublishConfig topology = topologyConfig(config);
        PublishApi api = bindApi(config);
        try {
            Properties props = new Properties();
            props.putAll(config.kafka());
            props.putAll(DeadLetterProductionHandler.streamsProperties(
                    TopicNames.fromConfig(config.asMap()).deadLetters(), config.get("registry.url"), config.asMap()));
            if (api != null) {
                props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, api.hostInfo().host() + ":" + api.hostInfo().port());
            }
            KafkaStreams app = new KafkaStreams(PublishTopology.build(topology), props);
            ThreadReplacingHandler.install(app, "publish");
            if (api != null) {
                api.attach(app, topology.trendingEnabled() ? topology.trending() : null, config.kafka(), topology.topics().enrichedJson().name(),
                        config.getSeconds("publish.stream.heartbeat-seconds", Duration.ofSeconds(15)),
                        config.getInt("publish.stream.max-clients", 100), prometheus);
            }
            return new PublishService(app, api, config.kafka());
        } catch (RuntimeException e) {
            if (api != null) {
                api.close();
            }
            throw e;
        }
    }

    /** The Streams application (start it; close it with {@link #close}). */
    public KafkaStreams streams() {
        return streams;
    }

    /** The API's base URL, when it is served. */
    public Optional<String> url() {
        return Optional.ofNullable(api).map(PublishApi::url);
    }

    /**
     * Stops the API, then the Streams application, which leaves its group unless it is a static
     * member ({@link GroupExit}), so that other instances take its tasks over at once.
     */
    @Override
    public void close() {
        // Called from the shutdown hook and again when the command returns: the second call does nothing.
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (api != null) {
            api.close();
        }
        GroupExit.close(streams, kafka);
    }

    /**
     * The topology's configuration: topics, serdes, the routes file ({@code publish.routes}, checked
     * here so a bad file stops the service at start) and the trending windows.
     */
    public static PublishConfig topologyConfig(ServiceConfig config) {
        RegistrySerdeFactory serdes = RegistrySerdeFactory.create(config.get("registry.url"), config.asMap());
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()), serdes);
        return new PublishConfig(topics, serdes, routes(config), trendingWindows(config),
                config.getBoolean("publish.trending.enabled", true), RecordLimits.maxValueBytes(config.asMap().get("publish.max-record-bytes")),
                config.getSeconds("publish.registry-wait-seconds", Duration.ofSeconds(30)));
    }

    /** The routes of the file {@code publish.routes} names, or none when it is empty. */
    public static Routes routes(ServiceConfig config) {
        String file = config.get("publish.routes", "").trim();
        try {
            return file.isEmpty() ? Routes.NONE : Routes.load(Path.of(file));
        } catch (RulesException | java.io.UncheckedIOException e) {
            throw new ConfigException("publish.routes: " + e.getMessage());
        }
    }

    /** The trending windows of {@code publish.trending.*}. */
    public static TrendingWindows trendingWindows(ServiceConfig config) {
        TrendingWindows d = TrendingWindows.DEFAULTS;
        try {
            return new TrendingWindows(
                    Duration.ofMinutes(config.getLong("publish.trending.window-minutes", d.size().toMinutes())),
                    Duration.ofMinutes(config.getLong("publish.trending.advance-minutes", d.advance().toMinutes())),
                    Duration.ofMinutes(config.getLong("publish.trending.grace-minutes", d.grace().toMinutes())),
                    Duration.ofHours(config.getLong("publish.trending.baseline-hours", d.baseline().toHours())),
                    Duration.ofHours(config.getLong("publish.trending.history-hours", d.history().toHours())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static PublishApi bindApi(ServiceConfig config) {
        String port = config.get("publish.http.port", "").trim();
        if (port.isEmpty()) {
            return null;
        }
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535) {
            throw new ConfigException("publish.http.port must be a port number (0 for any free one), not '" + port + "'");
        }
        String bind = config.get("publish.http.host", "0.0.0.0").trim();
        String advertised = config.get("publish.http.advertised-host", "").trim();
        return PublishApi.bind(bind, p, advertised.isEmpty() ? defaultAdvertisedHost(bind) : advertised);
    }

    /** The bind address when it is a specific one, else this machine's name (what other instances resolve). */
    private static String defaultAdvertisedHost(String bind) {
        if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
            return bind;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
