package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric of {@code extraction_score.py}: word 4-gram shingles over Unicode {@code \w+} tokens,
 * per-page tp/fp/fn normalised to sum 1, precision and recall averaged over pages, F1 from those.
 */
final class ShingleScore {

    /** Python's {@code \w} in Unicode mode: letters, digits (any script) and underscore. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    private double precisionSum;
    private int precisionPages;
    private double recallSum;
    private int recallPages;

    /** Adds one page's truth and prediction. */
    void add(String truth, String predicted) {
        Map<List<String>, Integer> t = shingles(truth);
        Map<List<String>, Integer> p = shingles(predicted);
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (List<String> k : keys) {
            int tc = t.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        if (tp + fp + fn == 0) {
            return;
        }
        if (tp + fp > 0) {
            precisionSum += fp == 0 && fn == 0 ? 1.0 : (double) tp / (tp + fp);
            precisionPages++;
        }
        if (tp + fn > 0) {
            recallSum += fp == 0 && fn == 0 ? 1.0 : (double) tp / (tp + fn);
            recallPages++;
        }
    }

    double precision() {
        return precisionPages == 0 ? 0 : precisionSum / precisionPages;
    }

    double recall() {
        return recallPages == 0 ? 0 : recallSum / recallPages;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<List<String>, Integer> out = new HashMap<>();
        int n = Math.max(1, tokens.size() - 3);
        for (int i = 0; i < n && !tokens.isEmpty(); i++) {
            out.merge(List.copyOf(tokens.subList(i, Math.min(tokens.size(), i + 4))), 1, Integer::sum);
        }
        return out;
    }
}
