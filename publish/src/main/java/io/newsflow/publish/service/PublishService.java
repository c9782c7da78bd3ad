package io.newsflow.publish.service;

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
import io.newsflow.schemas.streams.ThreadReplacingHandler;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;

/** The publish service: loads configuration, builds the topology, runs it. */
public final class PublishService {

    /** Classpath resource with the commented defaults. */
    public static final String DEFAULTS = "publish-defaults.properties";

    private PublishService() {
    }

    /**
     * The topology's configuration: topics, serdes, the routes file ({@code publish.routes}, checked
     * here so a bad file stops the service at start) and the trending windows.
     */
    public static PublishConfig topologyConfig(ServiceConfig config) {
        RegistrySerdeFactory serdes = RegistrySerdeFactory.create(config.get("registry.url"), config.asMap());
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()), serdes);
        return new PublishConfig(topics, serdes, routes(config), trendingWindows(config),
                RecordLimits.maxValueBytes(config.asMap().get("publish.max-record-bytes")),
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

    /**
     * Creates (not starts) the Streams application for a configuration. A stream thread that dies
     * from an exception (broker or registry unreachable for too long, a fenced producer) is
     * replaced, and its tasks resume from their last commit ({@link ThreadReplacingHandler}), so
     * the service recovers from such faults without a restart; an {@link Error} stops it.
     */
    public static KafkaStreams create(ServiceConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafka());
        props.putAll(DeadLetterProductionHandler.streamsProperties(
                TopicNames.fromConfig(config.asMap()).deadLetters(), config.get("registry.url"),
                config.asMap()));
        KafkaStreams app = new KafkaStreams(PublishTopology.build(topologyConfig(config)), props);
        ThreadReplacingHandler.install(app, "publish");
        return app;
    }
}
