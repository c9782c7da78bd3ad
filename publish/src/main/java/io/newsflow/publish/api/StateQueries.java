package io.newsflow.publish.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.publish.json.JsonProjection;
import io.newsflow.publish.topology.PublishStores;
import io.newsflow.publish.trending.Baseline;
import io.newsflow.publish.trending.Panes;
import io.newsflow.publish.trending.Tally;
import io.newsflow.publish.trending.TrendingWindows;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * Interactive queries on the publish topology's state stores: where a key lives, the latest
 * article of an id, and the trending entries of a window held by this instance.
 */
final class StateQueries {

    /** Points per sparkline. */
    static final int SPARK_POINTS = 24;

    private final KafkaStreams streams;
    private final HostInfo self;
    private final TrendingWindows windows;

    StateQueries(KafkaStreams streams, HostInfo self, TrendingWindows windows) {
        this.streams = streams;
        this.self = self;
        this.windows = windows;
    }

    HostInfo self() {
        return self;
    }

    TrendingWindows windows() {
        return windows;
    }

    KafkaStreams.State state() {
        return streams.state();
    }

    /** The instance holding an article id, or empty while that is not known (starting, rebalancing). */
    Optional<HostInfo> ownerOf(String id) {
        KeyQueryMetadata meta = streams.queryMetadataForKey(PublishStores.ARTICLES, id, Serdes.String().serializer());
        return meta == null || meta == KeyQueryMetadata.NOT_AVAILABLE ? Optional.empty()
                : Optional.of(meta.activeHost());
    }

    /** The other instances of the application that hold trending state. */
    List<HostInfo> otherInstances() {
        List<HostInfo> out = new ArrayList<>();
        for (StreamsMetadata m : streams.streamsMetadataForStore(PublishStores.TRENDING_PANES)) {
            if (!m.hostInfo().equals(self)) {
                out.add(m.hostInfo());
            }
        }
        return out;
    }

    /** The latest article of an id from this instance's store, as JSON. */
    Optional<JsonNode> article(String id) {
        ReadOnlyKeyValueStore<String, EnrichedArticle> store = streams.store(
                StoreQueryParameters.fromNameAndType(PublishStores.ARTICLES, QueryableStoreTypes.keyValueStore()));
        EnrichedArticle a = store.get(id);
        return a == null ? Optional.empty() : Optional.of(JsonProjection.toJson(a));
    }

    /**
     * This instance's trending entries of the window covering the hour up to {@code at}, of one
     * type (or all when null), best {@code limit} by score, each with its sparkline.
     */
    List<ObjectNode> trending(Instant at, String type, int limit) {
        long start = windows.lastFullWindowStart(at.toEpochMilli());
        ReadOnlyWindowStore<String, Tally> panes = streams.store(StoreQueryParameters.fromNameAndType(
                PublishStores.TRENDING_PANES, QueryableStoreTypes.windowStore()));
        ReadOnlyKeyValueStore<String, Baseline> baselines = streams.store(StoreQueryParameters.fromNameAndType(
                PublishStores.TRENDING_BASELINE, QueryableStoreTypes.keyValueStore()));
        List<ObjectNode> entries = new ArrayList<>();
        for (Map.Entry<String, Tally> e : Panes.window(panes, start, windows).entrySet()) {
            String key = e.getKey();
            Tally tally = e.getValue();
            int colon = key.indexOf(':');
            if (type != null && !key.substring(0, colon).equals(type)) {
                continue;
            }
            Baseline held = baselines.get(key);
            double baseline = held == null ? 0 : held.before(start, windows);
            entries.add(HttpResponses.JSON.createObjectNode()
                    .put("type", key.substring(0, colon)).put("name", key.substring(colon + 1))
                    .put("articles", tally.articles()).put("weight", round(tally.weight()))
                    .put("baseline", round(baseline)).put("score", round(Baseline.score(tally.weight(), baseline))));
        }
        entries.sort(BY_SCORE);
        List<ObjectNode> top = entries.subList(0, Math.min(limit, entries.size()));
        long firstStart = start - (SPARK_POINTS - 1) * windows.advance().toMillis();
        for (ObjectNode e : top) {
            ArrayNode spark = e.putArray("spark");
            for (double w : Panes.weights(panes, e.path("type").asText() + ":" + e.path("name").asText(), firstStart,
                    SPARK_POINTS, windows)) {
                spark.add(round(w));
            }
        }
        return new ArrayList<>(top);
    }

    /** Highest score first, then highest weight, then name: a stable order. */
    static final Comparator<JsonNode> BY_SCORE = Comparator.<JsonNode>comparingDouble(n -> -n.path("score").asDouble())
            .thenComparingDouble(n -> -n.path("weight").asDouble())
            .thenComparing(n -> n.path("name").asText());

    private static double round(double v) {
        return Math.round(v * 1_000d) / 1_000d;
    }
}
