package io.newsflow.enrich.service;

import io.newsflow.enrich.steps.EnrichmentStep;
import io.newsflow.enrich.steps.StepProvider;
import io.newsflow.enrich.steps.StepSettings;
import io.newsflow.enrich.steps.Steps;
import io.newsflow.enrich.topology.EnrichOptions;
import io.newsflow.enrich.topology.EnrichTopology;
import io.newsflow.schemas.config.ServiceConfig;
import io.newsflow.schemas.deadletter.DeadLetterProductionHandler;
import io.newsflow.schemas.serde.RegistrySerdeFactory;
import io.newsflow.schemas.streams.ThreadReplacingHandler;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

/** The enrich service: loads configuration, builds the topology, runs it. */
public final class EnrichService {

    /** Classpath resource with the commented defaults. */
    public static final String DEFAULTS = "enrich-defaults.properties";

    private EnrichService() {
    }

    /** The topology for a configuration. */
    public static Topology topology(ServiceConfig config) {
        Topics topics = Topics.create(TopicNames.fromConfig(config.asMap()),
                RegistrySerdeFactory.create(config.get("registry.url"), config.asMap()));
        return EnrichTopology.build(new EnrichOptions(topics, providers(config), stepSettings(config), version()));
    }

    /**
     * The configured steps, made for a plain loop outside Kafka (no state stores: built-in steps keep
     * their state in memory): what {@code bin/newsflow bench} compares the topology with. Each call
     * makes a fresh set, as the topology does for each stream task.
     */
    public static List<EnrichmentStep> stepsOutsideKafka(ServiceConfig config) {
        StepSettings settings = stepSettings(config);
        return providers(config).stream().map(p -> p.create(settings, StepProvider.StoreLookup.NONE)).toList();
    }

    private static List<StepProvider> providers(ServiceConfig config) {
        return Steps.resolve(config.getList("enrich.steps", Steps.DEFAULT_CHAIN));
    }

    private static StepSettings stepSettings(ServiceConfig config) {
        Map<String, String> stepSettings = new HashMap<>();
        config.withPrefix("enrich.").forEach((k, v) -> stepSettings.put(k, v.toString()));
        return new StepSettings(stepSettings);
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
        KafkaStreams app = new KafkaStreams(topology(config), props);
        ThreadReplacingHandler.install(app, "enrich");
        return app;
    }

    /** Version written into each record's processing info. */
    public static String version() {
        String v = EnrichService.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
