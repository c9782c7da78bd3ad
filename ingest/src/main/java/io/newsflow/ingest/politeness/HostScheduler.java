package io.newsflow.ingest.politeness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Admits requests so that each host sees at most {@code perHost} at a time, spaced by a delay
 * measured from the end of the previous request, and the whole crawler at most {@code global}.
 * Waiting is done by blocking, which is cheap on virtual threads.
 */
public final class HostScheduler {

    private final int perHost;
    private final Semaphore global;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();

    /** Creates a scheduler with the given concurrency limits. */
    public HostScheduler(int perHost, int global) {
        if (perHost < 1 || global < 1) {
            throw new IllegalArgumentException("concurrency must be positive: perHost=" + perHost + " global=" + global);
        }
        this.perHost = perHost;
        this.global = new Semaphore(global, true);
    }

    /**
     * Blocks until a request to {@code hostKey} may start, honouring {@code delay} since that host's
     * previous request. Close the returned permit when the request has finished.
     */
    public Permit acquire(String hostKey, Duration delay) throws InterruptedException {
        HostState host = hosts.computeIfAbsent(hostKey, k -> new HostState(perHost));
        host.slots.acquire();
        try {
            long delayNanos = delay.toNanos();
            long startAt;
            host.lock.lock();
            try {
                startAt = Math.max(System.nanoTime(), host.nextStart);
                host.nextStart = startAt + delayNanos;
            } finally {
                host.lock.unlock();
            }
            long wait = startAt - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            // Taken after the politeness wait so sleeping requests do not hold global capacity.
            global.acquire();
            return new Permit(host, delayNanos);
        } catch (InterruptedException e) {
            host.slots.release();
            throw e;
        }
    }

    /** Number of hosts seen so far. */
    public int hostCount() {
        return hosts.size();
    }

    /** Admission to one request; closing it releases the slots and starts the host's delay. */
    public final class Permit implements AutoCloseable {
        private final HostState host;
        private final long delayNanos;
        private boolean closed;

        private Permit(HostState host, long delayNanos) {
            this.host = host;
            this.delayNanos = delayNanos;
        }

        /** Releases the permit; idempotent. */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            global.release();
            host.lock.lock();
            try {
                host.nextStart = Math.max(host.nextStart, System.nanoTime() + delayNanos);
            } finally {
                host.lock.unlock();
            }
            host.slots.release();
        }
    }

    /** Per-host admission state. */
    private static final class HostState {
        private final Semaphore slots;
        private final ReentrantLock lock = new ReentrantLock();
        private long nextStart = Long.MIN_VALUE / 2;

        HostState(int perHost) {
            this.slots = new Semaphore(perHost, true);
        }
    }
}
