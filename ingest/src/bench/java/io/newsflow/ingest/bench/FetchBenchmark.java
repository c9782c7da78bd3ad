package io.newsflow.ingest.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.politeness.PoliteFetcher;
import io.newsflow.ingest.politeness.PolitenessOptions;
import io.newsflow.ingest.security.SsrfGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetch throughput with politeness on, against loopback servers: one JDK HttpServer per virtual
 * host, each bound to its own 127.0.0.x address (Linux routes all of 127/8 to loopback), so hosts
 * are distinct to the politeness layer, the connection pool and the SSRF guard alike, with no
 * Host-header or DNS trickery. Prints pages/s; it is a harness, not a timed test.
 *
 * <p>Arguments (all optional): {@code pages=10000 hosts=200 latencyMs=50 minDelayMs=100 global=512 bodyBytes=8192 rounds=2};
 * the first round warms up the JIT, the last is the figure to quote.
 */
public final class FetchBenchmark {

    /** Distinct client sockets seen by the servers: shows whether keep-alive works. */
    private static final java.util.Set<InetSocketAddress> CONNECTIONS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private FetchBenchmark() {
    }

    /** Runs the benchmark; see the class comment for arguments. */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, Integer> cfg = parse(args);
        int pages = cfg.get("pages");
        int hosts = cfg.get("hosts");
        ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        List<HttpServer> servers = startServers(hosts, cfg.get("latencyMs"), cfg.get("bodyBytes"), serverThreads);
        FetchOptions fetch = FetchOptions.defaults()
                .withSsrfGuard(SsrfGuard.allowing(List.of("127.0.0.0/8")))
                .withUserAgent("NewsflowBench/0.1 (+https://github.com/newsflow/newsflow)");
        PolitenessOptions polite = PolitenessOptions.defaults()
                .withMinDelay(Duration.ofMillis(cfg.get("minDelayMs")))
                .withConcurrency(1, cfg.get("global"));
        try {
            for (int round = 1; round <= cfg.get("rounds"); round++) {
                // Fresh fetcher per round (robots.txt and connections included); earlier rounds warm the JIT.
                Map<FetchStatus, Integer> statuses = new EnumMap<>(FetchStatus.class);
                try (PoliteFetcher fetcher = PoliteFetcher.create(fetch, polite, r -> count(statuses, r),
                        new SimpleMeterRegistry())) {
                    Duration cpuBefore = cpuTime();
                    long serverBefore = serverThreadsCpuNanos();
                    double seconds = run(fetcher, servers, pages, hosts, round);
                    double cpuSeconds = cpuTime().minus(cpuBefore).toNanos() / 1e9;
                    double serverSeconds = (serverThreadsCpuNanos() - serverBefore) / 1e9;
                    report(cfg, round, seconds, cpuSeconds, statuses);
                    System.out.printf(Locale.ROOT, "round %d: of which loopback servers %.1f s, fetcher side "
                            + "(incl. GC/JIT) %.2f ms CPU per page = %.0f pages/s per core%n", round, serverSeconds,
                            (cpuSeconds - serverSeconds) * 1000 / pages, pages / (cpuSeconds - serverSeconds));
                    System.out.printf(Locale.ROOT, "round %d: %d TCP connections used%n", round, CONNECTIONS.size());
                    CONNECTIONS.clear();
                }
            }
        } finally {
            servers.forEach(s -> s.stop(0));
            serverThreads.shutdownNow();
        }
    }

    private static double run(PoliteFetcher fetcher, List<HttpServer> servers, int pages, int hosts, int round) {
        long start = System.nanoTime();
        List<CompletableFuture<FetchResult>> futures = new ArrayList<>(pages);
        for (int i = 0; i < pages; i++) {
            HttpServer s = servers.get(i % hosts);
            URI uri = URI.create("http://" + s.getAddress().getAddress().getHostAddress() + ":"
                    + s.getAddress().getPort() + "/article/" + round + "/" + i);
            futures.add(fetcher.submit(FetchRequest.of(uri)));
        }
        futures.forEach(CompletableFuture::join);
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<HttpServer> startServers(int hosts, int latencyMs, int bodyBytes, ExecutorService exec)
            throws IOException {
        byte[] page = page(bodyBytes);
        byte[] robots = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8);
        List<HttpServer> servers = new ArrayList<>(hosts);
        for (int i = 0; i < hosts; i++) {
            InetAddress addr = InetAddress.getByAddress(new byte[] {127, 0, (byte) ((i + 1) / 250), (byte) ((i + 1) % 250 + 1)});
            HttpServer s = HttpServer.create(new InetSocketAddress(addr, 0), 128);
            // Handlers run on the server's own dispatcher thread: with one request per host at a time
            // (politeness) that is enough, and it keeps the harness's CPU cost out of the figure.
            s.setExecutor(null);
            s.createContext("/robots.txt", ex -> send(ex, "text/plain", robots, 0));
            s.createContext("/", ex -> send(ex, "text/html; charset=utf-8", page, latencyMs));
            s.start();
            servers.add(s);
        }
        return servers;
    }

    private static void send(HttpExchange ex, String type, byte[] body, int latencyMs) throws IOException {
        CONNECTIONS.add(ex.getRemoteAddress());
        try (ex) {
            if (latencyMs > 0) {
                Thread.sleep(latencyMs); // injected server latency
            }
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] page(int size) {
        StringBuilder sb = new StringBuilder("<!doctype html><html><head><title>Bench</title></head><body>");
        while (sb.length() < size - 20) {
            sb.append("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>");
        }
        return sb.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static synchronized void count(Map<FetchStatus, Integer> statuses, FetchResult r) {
        statuses.merge(r.status(), 1, Integer::sum);
    }

    /** CPU used by this process (client and servers), to tell our cost apart from a busy machine. */
    private static Duration cpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** CPU of the servers' dispatcher threads, which also run the handlers (executor null). */
    private static long serverThreadsCpuNanos() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("HTTP-Dispatcher") || t.getThreadName().startsWith("idle-timeout"))) {
                total += Math.max(0, mx.getThreadCpuTime(t.getThreadId()));
            }
        }
        return total;
    }

    private static void report(Map<String, Integer> cfg, int round, double seconds, double cpuSeconds,
                               Map<FetchStatus, Integer> statuses) {
        int pages = cfg.get("pages");
        int hosts = cfg.get("hosts");
        double perHostCeiling = 1000.0 / (cfg.get("latencyMs") + cfg.get("minDelayMs"));
        System.out.printf(Locale.ROOT, "round %d/%d %s statuses=%s%n", round, cfg.get("rounds"), cfg, statuses);
        System.out.printf(Locale.ROOT, "round %d: fetched %d pages from %d hosts in %.2f s: %.0f pages/s "
                        + "(politeness ceiling %.0f pages/s)%n",
                round, pages, hosts, seconds, pages / seconds, perHostCeiling * hosts);
        System.out.printf(Locale.ROOT, "round %d: process CPU %.1f s = %.2f ms CPU per page (client + servers), "
                + "%.2f cores busy%n", round, cpuSeconds, cpuSeconds * 1000 / pages, cpuSeconds / seconds);
    }

    private static Map<String, Integer> parse(String[] args) {
        Map<String, Integer> cfg = new java.util.LinkedHashMap<>();
        cfg.put("pages", 10_000);
        cfg.put("hosts", 200);
        cfg.put("latencyMs", 50);
        cfg.put("minDelayMs", 100);
        cfg.put("global", 512);
        cfg.put("bodyBytes", 8192);
        cfg.put("rounds", 2);
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !cfg.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown argument '" + a + "'; known: " + cfg.keySet());
            }
            cfg.put(kv[0], Integer.parseInt(kv[1]));
        }
        return cfg;
    }
}
