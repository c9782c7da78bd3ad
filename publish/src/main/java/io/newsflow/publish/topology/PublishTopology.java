package io.newsflow.publish.topology;

import io.newsflow.publish.latest.LatestById;
import io.newsflow.publish.topology.internal.Decode;
import io.newsflow.publish.topology.internal.Project;
import io.newsflow.publish.topology.internal.RouteArticles;
import io.newsflow.publish.topology.internal.Routed;
import io.newsflow.publish.trending.Trending;
import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.FetchOutcome;
import io.newsflow.schemas.deadletter.DeadLetterCounter;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.serde.RecordLimits;
import io.newsflow.schemas.serde.RegistryRetry;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The publish topology. From {@code news.enriched.v1}:
 * <ul>
 *   <li>the JSON projection → {@code news.enriched.json.v1};</li>
 *   <li>each route the article matches → that route's topic (Avro or JSON);</li>
 *   <li>the latest revision by id → {@code news.articles.latest.v1} (compacted), with a tombstone
 *       when {@code news.fetch-status.v1} says a page fetched before is now 404/410;</li>
 *   <li>trending entities and topics → {@code news.trending.v1} (see {@link Trending}).</li>
 * </ul>
 * A record that cannot be decoded, projected or routed → {@code news.dlq.v1}.
 */
public final class PublishTopology {

    private PublishTopology() {
    }

    /** Builds the topology over the given topic registry, no routes, default limits and windows. */
    public static Topology build(Topics topics) {
        return build(topics, RecordLimits.DEFAULT_MAX_VALUE_BYTES, Duration.ofSeconds(30));
    }

    /** Builds the topology with no routes, the given record limit and registry wait. */
    public static Topology build(Topics topics, int maxRecordBytes, Duration registryWait) {
        PublishConfig d = PublishConfig.defaults(topics, new PlainAvroSerdeFactory());
        return build(new PublishConfig(topics, d.serdes(), d.routes(), d.trending(), true, maxRecordBytes,
                registryWait));
    }

    /**
     * Builds the topology for a configuration. A JSON value over {@code maxRecordBytes} becomes a
     * dead letter; a record that cannot be decoded while the registry is away waits up to
     * {@code registryWait} per try (see {@link RegistryRetry}).
     */
    public static Topology build(PublishConfig config) {
        Topics topics = config.topics();
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, Object> decoded = builder.stream(topics.enriched().name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-enriched"))
                .processValues(() -> new Decode<>(topics.enriched(), "publish.decode",
                        new RegistryRetry(config.registryWait()), false), Named.as("decode-enriched"));
        KStream<String, EnrichedArticle> articles = deadLettersOf(decoded, topics, "enriched")
                .mapValues(v -> (EnrichedArticle) v, Named.as("as-article"));

        projection(articles, topics, config.maxRecordBytes());
        if (!config.routes().routes().isEmpty()) {
            routes(articles, config);
        }
        latest(builder, articles, config);
        if (config.trendingEnabled()) {
            Trending.addTo(builder, articles, config.trending(), topics.trending());
        }
        return builder.build();
    }

    private static void projection(KStream<String, EnrichedArticle> articles, Topics topics, int maxRecordBytes) {
        deadLettersOf(articles.processValues(() -> new Project(maxRecordBytes), Named.as("project-json")), topics, "json")
                .mapValues(v -> (String) v, Named.as("as-json"))
                .to(topics.enrichedJson().name(), Produced.with(topics.enrichedJson().keySerde(),
                        RecordLimits.capped(topics.enrichedJson().valueSerde(), maxRecordBytes)).withName("write-json"));
    }

    private static void routes(KStream<String, EnrichedArticle> articles, PublishConfig config) {
        RegistryRetry retry = new RegistryRetry(config.registryWait());
        deadLettersOf(articles.processValues(() -> new RouteArticles(config.routes(), config.serdes(),
                config.maxRecordBytes(), retry), Named.as("route-articles")), config.topics(), "routes")
                .mapValues(v -> (Routed) v, Named.as("as-routed"))
                .to(Routed.TOPIC, Produced.with(Serdes.String(), Routed.serde()).withName("write-routes"));
    }

    private static void latest(StreamsBuilder builder, KStream<String, EnrichedArticle> articles, PublishConfig config) {
        Topics topics = config.topics();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PublishStores.ARTICLES),
                Serdes.String(), topics.articlesLatest().valueSerde()));
        // Same key (article id) and same partition count as the enriched topic (topics create makes
        // them so): a withdrawal meets its article in the same task and store.
        KStream<String, Object> statuses = builder.stream(topics.fetchStatus().name(),
                        Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-fetch-status"))
                .processValues(() -> new Decode<>(topics.fetchStatus(), "publish.latest",
                        new RegistryRetry(config.registryWait()), true), Named.as("decode-fetch-status"));
        KStream<String, Object> withdrawals = deadLettersOf(statuses, topics, "fetch-status")
                .filter((id, v) -> v instanceof FetchOutcome, Named.as("fetch-outcomes"));
        articles.mapValues(a -> (Object) a, Named.as("as-latest-input"))
                .merge(withdrawals, Named.as("articles-and-withdrawals"))
                .process(LatestById::new, Named.as("latest-by-id"), PublishStores.ARTICLES)
                .to(topics.articlesLatest().name(), Produced.with(topics.articlesLatest().keySerde(),
                        topics.articlesLatest().valueSerde()).withName("write-latest"));
    }

    /**
     * Sends the dead letters of a processor's output to the dead-letter topic; returns the rest.
     * {@code name} tells the branches of different processors apart.
     */
    private static KStream<String, Object> deadLettersOf(KStream<String, Object> out, Topics topics, String name) {
        var branches = out.split(Named.as(name + "-"))
                .branch((k, v) -> v instanceof DeadLetter, Branched.as("failed"))
                .defaultBranch(Branched.as("ok"));
        branches.get(name + "-failed")
                .mapValues(v -> (DeadLetter) v, Named.as(name + "-as-dead-letter"))
                .processValues(DeadLetterCounter::new, Named.as(name + "-count-dead-letters"))
                .to(topics.deadLetters().name(), Produced.with(topics.deadLetters().keySerde(),
                        topics.deadLetters().valueSerde()).withName(name + "-write-dead-letters"));
        return branches.get(name + "-ok");
    }
}
