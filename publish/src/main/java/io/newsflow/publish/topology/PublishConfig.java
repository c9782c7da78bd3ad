package io.newsflow.publish.topology;

import io.newsflow.publish.rules.Routes;
import io.newsflow.publish.trending.TrendingWindows;
import io.newsflow.schemas.serde.RecordLimits;
import io.newsflow.schemas.serde.SerdeFactory;
import io.newsflow.schemas.topics.Topics;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the publish topology is a function of.
 *
 * @param topics the topic registry
 * @param serdes makes the Avro serdes of route topics (registered as {@code <route topic>-value})
 * @param routes the downstream routes (possibly none)
 * @param trending the trending windows
 * @param trendingEnabled whether to count trending at all (a deployment that never asks saves its work)
 * @param maxRecordBytes a JSON value over this many bytes becomes a dead letter
 * @param registryWait how long a record waits out an unreachable registry per try
 */
public record PublishConfig(Topics topics, SerdeFactory serdes, Routes routes, TrendingWindows trending,
                            boolean trendingEnabled, int maxRecordBytes, Duration registryWait) {

    /** Checks every part is present. */
    public PublishConfig {
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(serdes, "serdes");
        Objects.requireNonNull(routes, "routes");
        Objects.requireNonNull(trending, "trending");
        Objects.requireNonNull(registryWait, "registryWait");
    }

    /** No routes, default windows and limits. */
    public static PublishConfig defaults(Topics topics, SerdeFactory serdes) {
        return new PublishConfig(topics, serdes, Routes.NONE, TrendingWindows.DEFAULTS, true,
                RecordLimits.DEFAULT_MAX_VALUE_BYTES, Duration.ofSeconds(30));
    }

    /** This configuration with other routes. */
    public PublishConfig withRoutes(Routes other) {
        return new PublishConfig(topics, serdes, other, trending, trendingEnabled, maxRecordBytes, registryWait);
    }

    /** This configuration with other trending windows. */
    public PublishConfig withTrending(TrendingWindows other) {
        return new PublishConfig(topics, serdes, routes, other, trendingEnabled, maxRecordBytes, registryWait);
    }

    /** This configuration with trending on or off. */
    public PublishConfig withTrendingEnabled(boolean enabled) {
        return new PublishConfig(topics, serdes, routes, trending, enabled, maxRecordBytes, registryWait);
    }
}
