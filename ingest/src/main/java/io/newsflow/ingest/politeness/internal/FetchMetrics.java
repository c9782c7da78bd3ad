package io.newsflow.ingest.politeness.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Micrometer meters for fetch outcomes, pre-registered per status so lookups stay off the hot path. */
public final class FetchMetrics {

    private final Map<FetchStatus, Counter> results = new EnumMap<>(FetchStatus.class);
    private final Map<FetchStatus, Timer> durations = new EnumMap<>(FetchStatus.class);
    private final Counter retries;
    private final Counter listenerFailures;

    /** Registers the meters on {@code registry}. */
    public FetchMetrics(MeterRegistry registry) {
        for (FetchStatus s : FetchStatus.values()) {
            String tag = s.name().toLowerCase(Locale.ROOT);
            results.put(s, Counter.builder("newsflow.fetch.results").tag("status", tag)
                    .description("Fetch outcomes by status").register(registry));
            durations.put(s, Timer.builder("newsflow.fetch.duration").tag("status", tag)
                    .description("Fetch wall time including politeness wait and retries").register(registry));
        }
        retries = Counter.builder("newsflow.fetch.retries").description("Extra HTTP attempts").register(registry);
        listenerFailures = Counter.builder("newsflow.fetch.listener.failures")
                .description("Fetch listeners that threw").register(registry);
    }

    /** Counts one outcome and its duration. */
    public void record(FetchResult result, Duration took) {
        results.get(result.status()).increment();
        durations.get(result.status()).record(took);
        if (result.attempts() > 1) {
            retries.increment(result.attempts() - 1);
        }
    }

    /** Counts a listener that threw. */
    public void listenerFailed() {
        listenerFailures.increment();
    }
}
