package io.newsflow.enrich.dedupe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints precision and recall of the near-duplicate detector on {@code eval/dedupe/pairs.jsonl}: for each pair,
 * the first text is indexed and the second looked up, as the topology does for a later article.
 */
public final class DedupeEvaluation {

    private DedupeEvaluation() {
    }

    /** One labelled pair. */
    record Pair(String kind, boolean duplicate, String a, String b) {
    }

    /** Runs the evaluation at the default threshold and a few others. */
    public static void main(String[] args) {
        List<Pair> pairs = load();
        for (double threshold : new double[] {0.3, NearDuplicateIndex.DEFAULT_THRESHOLD, 0.7, 0.9}) {
            report(pairs, threshold);
        }
    }

    private static void report(List<Pair> pairs, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, int[]> byKind = new LinkedHashMap<>();
        Map<String, double[]> simByKind = new LinkedHashMap<>();
        for (Pair p : pairs) {
            NearDuplicateIndex index = new NearDuplicateIndex(threshold, Long.MAX_VALUE / 4);
            index.add("a", MinHash.signature(p.a()), 0);
            boolean found = index.find(MinHash.signature(p.b()), 1).isPresent();
            double sim = MinHash.signature(p.a()).similarity(MinHash.signature(p.b()));
            tp += found && p.duplicate() ? 1 : 0;
            fp += found && !p.duplicate() ? 1 : 0;
            fn += !found && p.duplicate() ? 1 : 0;
            int[] k = byKind.computeIfAbsent(p.kind(), x -> new int[2]);
            k[0] += found ? 1 : 0;
            k[1]++;
            double[] s = simByKind.computeIfAbsent(p.kind(), x -> new double[2]);
            s[0] += sim;
            s[1] = Math.max(s[1], p.duplicate() ? 0 : sim);
        }
        double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf(Locale.ROOT, "threshold=%.2f pairs=%d precision=%.3f recall=%.3f (tp=%d fp=%d fn=%d)%n",
                threshold, pairs.size(), precision, recall, tp, fp, fn);
        for (Map.Entry<String, int[]> e : byKind.entrySet()) {
            double[] s = simByKind.get(e.getKey());
            System.out.printf(Locale.ROOT, "  %-30s flagged %2d/%2d  mean similarity %.3f%s%n", e.getKey(),
                    e.getValue()[0], e.getValue()[1], s[0] / e.getValue()[1],
                    s[1] > 0 ? String.format(Locale.ROOT, "  max %.3f", s[1]) : "");
        }
    }

    static List<Pair> load() {
        try (InputStream in = DedupeEvaluation.class.getResourceAsStream("/eval/dedupe/pairs.jsonl")) {
            ObjectMapper json = new ObjectMapper();
            List<Pair> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(new Pair(n.get("kind").asText(), n.get("duplicate").asBoolean(), n.get("a").asText(),
                            n.get("b").asText()));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
