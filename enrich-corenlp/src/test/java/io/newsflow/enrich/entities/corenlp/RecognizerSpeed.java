package io.newsflow.enrich.entities.corenlp;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.RuleBasedEntityRecognizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tokens per second of the recognizers on the labelled development texts, in one JVM, rounds
 * interleaved so machine noise hits all alike; prints medians and ratios (a harness, no asserts).
 * Argument: the folder of labelled texts (default {@code ../enrich/src/test/resources/eval/entities}).
 */
public final class RecognizerSpeed {

    private RecognizerSpeed() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 && !args[0].isBlank() ? args[0] : "../enrich/src/test/resources/eval/entities");
        List<String> texts = new ArrayList<>();
        for (String id : Files.readAllLines(dir.resolve("INDEX"))) {
            if (!id.isBlank()) {
                texts.add(Files.readString(dir.resolve(id + ".txt"), StandardCharsets.UTF_8));
            }
        }
        long tokens = texts.stream().mapToLong(t -> t.split("\\s+").length).sum();
        Map<String, EntityRecognizer> recognizers = new LinkedHashMap<>();
        recognizers.put("corenlp-crf", CoreNlpEntityRecognizer.fromClasspath());
        recognizers.put("newsflow-pos", RuleBasedEntityRecognizer.fromClasspath());
        recognizers.put("newsflow-fast", RuleBasedEntityRecognizer.fastFromClasspath());
        int rounds = 7;
        Map<String, double[]> rates = new LinkedHashMap<>();
        recognizers.keySet().forEach(k -> rates.put(k, new double[rounds]));
        for (int warm = 0; warm < 3; warm++) {
            recognizers.values().forEach(r -> texts.forEach(t -> r.recognize(null, t, "en")));
        }
        for (int round = 0; round < rounds; round++) {
            for (var e : recognizers.entrySet()) {
                long start = System.nanoTime();
                texts.forEach(t -> e.getValue().recognize(null, t, "en"));
                rates.get(e.getKey())[round] = tokens / ((System.nanoTime() - start) / 1e9);
            }
        }
        double core = median(rates.get("corenlp-crf"));
        System.out.printf(Locale.ROOT, "%d texts, %d tokens, %d interleaved rounds after 3 warm-up rounds%n",
                texts.size(), tokens, rounds);
        rates.forEach((name, r) -> System.out.printf(Locale.ROOT, "%-14s median %8.0f tokens/s  %5.1fx CoreNLP%n",
                name, median(r), median(r) / core));
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
