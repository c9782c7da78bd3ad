package io.newsflow.schemas.serde;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.TaskCorruptedException;
import org.apache.kafka.streams.processor.TaskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits out a schema-registry outage inside a Kafka Streams processor.
 *
 * <p>A record that cannot be decoded because the registry is unreachable is not bad: it must wait,
 * never become a dead letter. The decode is retried in place with back-off for up to {@code maxWait}
 * (kept below the transaction timeout); if the registry is still away, the task is declared corrupted,
 * so Kafka Streams aborts its transaction and re-runs it from the last committed offsets, and the
 * wait starts again. Nothing is skipped and nothing is written twice.
 */
public final class RegistryRetry {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryRetry.class);
    private static final long FIRST_BACKOFF_MS = 200;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final Duration maxWait;

    /** Retries for up to {@code maxWait} before handing the task back to Kafka Streams. */
    public RegistryRetry(Duration maxWait) {
        this.maxWait = maxWait;
    }

    /** The result of {@code decode}, retried while the registry is unavailable. */
    public <T> T call(Supplier<T> decode, TaskId task) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long backoff = FIRST_BACKOFF_MS;
        int attempt = 0;
        while (true) {
            try {
                return decode.get();
            } catch (RegistryUnavailableException e) {
                attempt++;
                if (System.nanoTime() + backoff * 1_000_000 > deadline) {
                    LOG.warn("{}; task {} goes back to its last commit and will try again", e.getMessage(), task);
                    throw new TaskCorruptedException(Set.of(task));
                }
                if (attempt == 1 || attempt % 10 == 0) {
                    LOG.warn("{}; retrying (attempt {})", e.getMessage(), attempt);
                }
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }
}
