package io.newsflow.publish.service;

import io.newsflow.publish.topology.PublishTopology;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.deadletter.DeadLetterProductionHandler;
import io.newsflow.schemas.serde.RecordLimits;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.streams.ThreadReplacingHandler;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
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
     * Creates (not starts) the Streams application for a configuration. A stream thread that dies
     * from an exception (broker or registry unreachable for too long, a fenced producer) is
     * replaced, and its tasks resume from their last commit ({@link ThreadReplacingHandler}), so
     * the service recovers from such faults without a restart; an {@link Error} stops it.
     */
    public static KafkaStreams create(ServiceConfig config) {
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()),
                RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
        Properties props = new Properties();
        props.putAll(config.kafka());
        props.putAll(DeadLetterProductionHandler.streamsProperties(
                TopicNames.fromConfig(config.asMap()).deadLetters(), config.get("registry.url"),
                config.asMap()));
        KafkaStreams app = new KafkaStreams(PublishTopology.build(topics,
                RecordLimits.maxValueBytes(config.asMap().get("publish.max-record-bytes")),
                config.getSeconds("publish.registry-wait-seconds", Duration.ofSeconds(30))), props);
        ThreadReplacingHandler.install(app, "publish");
        return app;
    }
}
