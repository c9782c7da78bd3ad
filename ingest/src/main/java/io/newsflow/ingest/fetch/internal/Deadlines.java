package io.newsflow.ingest.fetch.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A coarse timer for body-read deadlines: registering and cancelling only touch a concurrent map,
 * and one daemon thread sweeps it every {@code tick}. Unlike a ScheduledExecutorService this never
 * wakes a thread per request, which matters at thousands of fetches per second; a deadline may
 * fire up to one tick late, which is fine for timeouts measured in seconds.
 */
public final class Deadlines implements AutoCloseable {

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Thread sweeper;
    private final long tickMillis;
    private volatile boolean closed;

    /** Starts the sweeper thread with the given granularity. */
    public Deadlines(Duration tick) {
        this.tickMillis = Math.max(1, tick.toMillis());
        this.sweeper = Thread.ofPlatform().daemon().name("fetch-deadlines").start(this::sweepLoop);
    }

    /** Runs {@code action} once after {@code delay} unless the returned handle is closed first. */
    public Handle schedule(Duration delay, Runnable action) {
        long id = ids.incrementAndGet();
        entries.put(id, new Entry(System.nanoTime() + delay.toNanos(), action));
        return () -> entries.remove(id);
    }

    private void sweepLoop() {
        while (!closed) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return; // closed
            }
            long now = System.nanoTime();
            entries.forEach((id, e) -> {
                if (now - e.deadline() >= 0 && entries.remove(id, e)) {
                    e.action().run();
                }
            });
        }
    }

    /** Stops the sweeper; pending deadlines never fire. */
    @Override
    public void close() {
        closed = true;
        sweeper.interrupt();
        entries.clear();
    }

    /** Cancels a scheduled deadline; harmless if it already fired. */
    @FunctionalInterface
    public interface Handle extends AutoCloseable {
        /** Cancels the deadline. */
        @Override
        void close();
    }

    private record Entry(long deadline, Runnable action) {
    }
}
