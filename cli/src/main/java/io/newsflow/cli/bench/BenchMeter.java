package io.newsflow.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import java.util.Locale;

/**
 * What a benchmark run measured: per-article latencies (produce time to the enriched record being
 * readable by a read_committed consumer, i.e. its transaction committed), the time span, and this
 * JVM's CPU and peak live heap. The JVM holds the embedded broker, both Streams applications and the
 * clients, so its CPU is the pipeline's (the registry, a child process, is idle after start-up).
 */
public final class BenchMeter {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long[] latencies = new long[1024];
    private int count;
    private long startNanos;
    private long lastNanos;
    private long startCpuNanos;
    private long endCpuNanos;
    private long peakHeap;
    /** USER_HZ: 100 on every Linux architecture Java runs on. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;
    private long startJitTicks;
    private long endJitTicks;
    private static final long SNAPSHOT_INTERVAL_NANOS = 100_000_000L;
    private long lastSnapshotNanos;

    /** Marks the start: the first article is about to be produced. */
    public synchronized void start() {
        startNanos = System.nanoTime();
        lastNanos = startNanos;
        startCpuNanos = os.getProcessCpuTime();
        startJitTicks = compilerTicks();
        lastSnapshotNanos = startNanos;
        sampleHeap();
    }

    /** One enriched article seen committed, {@code latencyMs} after it was produced. */
    public synchronized void enriched(long latencyMs) {
        if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
        }
        latencies[count++] = Math.max(0, latencyMs);
        lastNanos = System.nanoTime();
        // Reading the JIT's CPU lists every thread of the JVM under /proc: done for each article, it took
        // a tenth of the CPU of a run and lowered the throughput it was measuring. A few times a second
        // is enough (the last one at most 100 ms before the last article; see finish()).
        if (lastNanos - lastSnapshotNanos >= SNAPSHOT_INTERVAL_NANOS) {
            snapshot();
        }
    }

    /** Takes the CPU figures at the end of the run: called right after the last article was seen. */
    public synchronized void finish() {
        snapshot();
    }

    private void snapshot() {
        lastSnapshotNanos = System.nanoTime();
        endCpuNanos = os.getProcessCpuTime();
        endJitTicks = compilerTicks();
    }

    /**
     * CPU time of the JIT compiler's threads in clock ticks, from Linux's per-thread accounting (the
     * JVM's own compilation time is wall time, which on a busy machine counts the compiler's waits); -1
     * where there is no {@code /proc}.
     */
    private static long compilerTicks() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return -1;
        }
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    if (!Files.readString(thread.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
                        continue;
                    }
                    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException e) {
                    // The thread ended while being read: its time is gone with it, a small undercount.
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks;
    }

    /**
     * How much of the CPU time measured went to the JIT compiler: on a short run of a JVM holding a
     * broker, two Streams applications and their clients, a large share, which a long-running service
     * pays once. Empty where the compiler's threads cannot be read.
     */
    public synchronized String jitLine() {
        if (startJitTicks < 0 || endJitTicks < 0) {
            return "";
        }
        double cpu = (endCpuNanos - startCpuNanos) / 1e9;
        double compiling = (endJitTicks - startJitTicks) / CLOCK_TICKS_PER_SECOND;
        return String.format(Locale.ROOT, "bench: JIT compiler threads %.1f s of the %.1f s of CPU while measuring (%.0f%%)",
                compiling, cpu, cpu > 0 ? 100 * compiling / cpu : 0);
    }

    /**
     * Records the heap live after the last collection if it is the highest yet (called about once a
     * second). Heap in use before a collection only says how lazy the collector is; what survives
     * one is what the pipeline holds.
     */
    public synchronized void sampleHeap() {
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            live += afterGc == null ? 0 : afterGc.getUsed();
        }
        peakHeap = Math.max(peakHeap, live);
    }

    /** Articles seen so far. */
    public synchronized int count() {
        return count;
    }

    /** Seconds from start to the last article seen. */
    public synchronized double seconds() {
        return Math.max(1e-9, (lastNanos - startNanos) / 1e9);
    }

    /** The summary line (one line, the format the README and the issue quote). */
    public synchronized String summary() {
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        double cpu = count == 0 ? 0 : 100.0 * (endCpuNanos - startCpuNanos)
                / ((lastNanos - startNanos) * (double) Runtime.getRuntime().availableProcessors());
        return String.format(Locale.ROOT, "bench: articles=%d throughput=%.1f/s p50=%d ms p95=%d ms p99=%d ms cpu=%.0f%% heap=%d MB",
                count, count / seconds(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                cpu, peakHeap / (1024 * 1024));
    }

    /** Nearest-rank percentile of sorted values (0 when there are none). */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }
}
