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
 *
 * <p>The state of a host is forgotten once it is idle (no request running or waiting, its delay
 * over) and more than {@code maxHosts} hosts are tracked: an idle host's state is the same as a new
 * one's, so politeness is unaffected, and a crawl over ever new hosts stays bounded.
 */
public final class HostScheduler {

    private final int perHost;
    private final int maxHosts;
    private final Semaphore global;
    private final Map<String, HostState> hosts = new ConcurrentHashMap<>();
    /** Held by the one caller forgetting idle hosts; the others go on. */
    private final ReentrantLock trimming = new ReentrantLock();
    /** Host count above which idle hosts are next forgotten (raised when too few of them were idle). */
    private volatile int trimAbove;

    /** Creates a scheduler with the given concurrency limits, tracking at most {@code maxHosts} idle hosts. */
    public HostScheduler(int perHost, int global, int maxHosts) {
        if (perHost < 1 || global < 1 || maxHosts < 1) {
            throw new IllegalArgumentException("limits must be positive: perHost=" + perHost + " global=" + global
                    + " maxHosts=" + maxHosts);
        }
        this.perHost = perHost;
        this.maxHosts = maxHosts;
        this.trimAbove = maxHosts;
        this.global = new Semaphore(global, true);
    }

    /**
     * Blocks until a request to {@code hostKey} may start, honouring {@code delay} since that host's
     * previous request. Close the returned permit when the request has finished.
     */
    public Permit acquire(String hostKey, Duration delay) throws InterruptedException {
        if (hosts.size() > trimAbove) {
            trim();
        }
        HostState host;
        while (true) {
            host = hosts.computeIfAbsent(hostKey, k -> new HostState(perHost));
            host.slots.acquire();
            if (!host.forgotten) {
                break;
            }
            // Forgotten while this caller was on its way in: take the host's new state instead.
            host.slots.release();
        }
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

    /** Number of hosts tracked. */
    public int hostCount() {
        return hosts.size();
    }

    /** Whether the state of {@code hostKey} is tracked (it has run or been waited for, and not been forgotten). */
    boolean tracks(String hostKey) {
        return hosts.containsKey(hostKey);
    }

    /** Forgets idle hosts; when too few were idle, waits for another tenth of the bound before trying again. */
    private void trim() {
        if (!trimming.tryLock()) {
            return;
        }
        try {
            long now = System.nanoTime();
            for (Map.Entry<String, HostState> e : hosts.entrySet()) {
                HostState host = e.getValue();
                if (!host.lock.tryLock()) {
                    continue;
                }
                try {
                    // Idle: its delay is over and every slot is free (taking them all keeps newcomers out).
                    if (host.nextStart - now <= 0 && host.slots.tryAcquire(perHost)) {
                        host.forgotten = true;
                        hosts.remove(e.getKey(), host);
                        host.slots.release(perHost);
                    }
                } finally {
                    host.lock.unlock();
                }
            }
            trimAbove = Math.max(maxHosts, hosts.size() + maxHosts / 10);
        } finally {
            trimming.unlock();
        }
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
        /** Set, with all slots held, when the host is dropped from the map; read after taking a slot. */
        private volatile boolean forgotten;

        HostState(int perHost) {
            this.slots = new Semaphore(perHost, true);
        }
    }
}
