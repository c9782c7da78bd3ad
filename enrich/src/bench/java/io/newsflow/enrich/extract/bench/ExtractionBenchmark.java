package io.newsflow.enrich.extract.bench;

import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.extract.ExtractedArticle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * Speed harness (prints figures, asserts nothing): in one JVM, over every benchmark page, times a
 * bare Jsoup parse (of the decoded string, and of the raw bytes as the extractor gets them), Newsflow's
 * extractor, readability4j and boilerpipe, then a synthetic 20 MB page.
 * Usage: {@code ExtractionBenchmark [benchmarkDir] [warmupRounds] [measuredRounds]}.
 *
 * <p>Every round runs each tool once over all pages, tools interleaved, so that the machine's drift
 * and the JIT's warm-up hit all of them alike; ratios are taken within each round and their median
 * is reported. (Measuring one tool after the other made the ratio to the bare parse swing between
 * 0.9x and 1.8x from run to run on this 2-core machine, with whichever tool ran first the slowest.)
 */
public final class ExtractionBenchmark {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /** One page in memory: raw bytes for the extractor, decoded text for the string-based peers. */
    private record Page(String url, byte[] bytes, String html) {
    }

    /** Something to time over one page; returns a value so the JIT cannot drop the work. */
    private interface Task {
        int run(Page page) throws Exception;
    }

    private ExtractionBenchmark() {
    }

    /** Runs the benchmark; see the class comment for arguments. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0]
                : System.getProperty("newsflow.shared.dir", "../../shared") + "/extraction-benchmark");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        List<Page> pages = load(dir.resolve("html"));
        long bytes = pages.stream().mapToLong(p -> p.bytes().length).sum();
        OUT.printf(Locale.ROOT, "%d pages, %.1f MB, %d warm-up + %d measured rounds, Java %s%n", pages.size(),
                bytes / 1e6, warmup, rounds, System.getProperty("java.version"));
        ArticleExtractor extractor = new ArticleExtractor();
        Map<String, Task> tasks = new LinkedHashMap<>();
        tasks.put("jsoup-parse", p -> Jsoup.parse(p.html(), p.url()).childNodeSize());
        tasks.put("jsoup-bytes", p -> Jsoup.parse(new ByteArrayInputStream(p.bytes()), null, p.url()).childNodeSize());
        tasks.put("newsflow", p -> extractor.extract(p.bytes(), p.url(), "text/html").text().length());
        tasks.put("readability4j", p -> textLength(new Readability4J(p.url(), p.html()).parse().getTextContent()));
        tasks.put("boilerpipe", p -> textLength(de.l3s.boilerpipe.extractors.ArticleExtractor.INSTANCE.getText(p.html())));
        Map<String, double[]> seconds = measure(tasks, pages, bytes, warmup, rounds);
        printRatios(seconds);
        syntheticLargePage(extractor);
    }

    private static int textLength(String s) {
        return s == null ? 0 : s.length();
    }

    private static List<Page> load(Path htmlDir) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(htmlDir)) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    byte[] b = in.readAllBytes();
                    String id = f.getFileName().toString().replace(".html.gz", "");
                    pages.add(new Page("https://example.org/" + id, b, new String(b, StandardCharsets.UTF_8)));
                }
            }
        }
        return pages;
    }

    /** Runs every task once per round, round after round; returns each task's seconds per measured round. */
    private static Map<String, double[]> measure(Map<String, Task> tasks, List<Page> pages, long bytes,
            int warmup, int rounds) {
        Map<String, double[]> seconds = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        tasks.keySet().forEach(k -> {
            seconds.put(k, new double[rounds]);
            failures.put(k, 0);
        });
        for (int r = -warmup; r < rounds; r++) {
            for (Map.Entry<String, Task> task : tasks.entrySet()) {
                long start = System.nanoTime();
                for (Page p : pages) {
                    try {
                        task.getValue().run(p);
                    } catch (Exception e) {
                        failures.merge(task.getKey(), 1, Integer::sum);
                    }
                }
                if (r >= 0) {
                    seconds.get(task.getKey())[r] = (System.nanoTime() - start) / 1e9;
                }
            }
        }
        for (Map.Entry<String, double[]> e : seconds.entrySet()) {
            double median = median(e.getValue());
            OUT.printf(Locale.ROOT, "%-14s median %7.1f pages/s %6.1f MB/s (%.3f s/round)  failures %d%n",
                    e.getKey(), pages.size() / median, bytes / 1e6 / median, median,
                    failures.get(e.getKey()) / (warmup + rounds));
        }
        return seconds;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Median over rounds of {@code a}'s time divided by {@code b}'s in the same round, with quartiles. */
    private static String ratio(Map<String, double[]> s, String a, String b) {
        double[] x = s.get(a);
        double[] y = s.get(b);
        double[] r = new double[x.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = x[i] / y[i];
        }
        Arrays.sort(r);
        return String.format(Locale.ROOT, "%.2fx (quartiles %.2f-%.2f)", r[r.length / 2], r[r.length / 4],
                r[r.length * 3 / 4]);
    }

    private static void printRatios(Map<String, double[]> s) {
        OUT.println("medians of per-round ratios:");
        OUT.println("  newsflow pages/s vs readability4j: " + ratio(s, "readability4j", "newsflow"));
        OUT.println("  newsflow pages/s vs boilerpipe:    " + ratio(s, "boilerpipe", "newsflow"));
        OUT.println("  newsflow time / jsoup parse of bytes (charset sniffing + decoding too): "
                + ratio(s, "newsflow", "jsoup-bytes"));
        OUT.println("  newsflow time / jsoup parse of a decoded string: " + ratio(s, "newsflow", "jsoup-parse"));
    }

    /** A 20 MB page of prose: must stay within a few hundred ms thanks to the input cap. */
    private static void syntheticLargePage(ArticleExtractor extractor) {
        StringBuilder sb = new StringBuilder("<html><head><title>Big</title></head><body><article>");
        String para = "<p>This synthetic paragraph repeats to make a very large page, with commas, words and "
                + "a <a href=\"/x\">link</a> so that every rule of the extractor has work to do.</p>\n";
        while (sb.length() < 20_000_000) {
            sb.append(para);
        }
        sb.append("</article></body></html>");
        byte[] big = sb.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            System.gc();
            long start = System.nanoTime();
            ExtractedArticle a = extractor.extract(big, "https://example.org/big", "text/html; charset=utf-8");
            long ms = (System.nanoTime() - start) / 1_000_000;
            Runtime rt = Runtime.getRuntime();
            OUT.printf(Locale.ROOT, "synthetic %.1f MB page: %d ms, truncated=%s, text %d chars, heap used %d MB (max %d MB)%n",
                    big.length / 1e6, ms, a.truncated(), a.text().length(),
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        }
    }
}
