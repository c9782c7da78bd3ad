package io.newsflow.enrich.entities.corenlp;

import io.newsflow.enrich.entities.Entity;
import io.newsflow.enrich.entities.EntityType;
import io.newsflow.enrich.entities.Mention;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Scores the CoreNLP recognizer on the same labelled sets and measures its speed (scratch harness). */
public final class CoreNlpEvaluation {

    record Gold(int start, int end, String type) {
    }

    public static void main(String[] args) throws Exception {
        CoreNlpEntityRecognizer r = CoreNlpEntityRecognizer.fromClasspath();
        for (String set : new String[] {"entities", "entities-heldout"}) {
            Path dir = Path.of(args[0], set);
            int tp = 0, fp = 0, fn = 0, ltp = 0, lfp = 0, lfn = 0;
            List<String> texts = new ArrayList<>();
            for (String id : Files.readAllLines(dir.resolve("INDEX"))) {
                if (id.isBlank()) continue;
                String text = Files.readString(dir.resolve(id + ".txt"), StandardCharsets.UTF_8);
                texts.add(text);
                List<Gold> gold = new ArrayList<>();
                for (String line : Files.readAllLines(dir.resolve(id + ".tsv"))) {
                    if (line.startsWith("#") || line.isBlank()) continue;
                    String[] f = line.split("\t");
                    if (!f[2].equals("MISC")) gold.add(new Gold(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2]));
                }
                List<Gold> pred = new ArrayList<>();
                for (Entity e : r.recognize(null, text, "en")) {
                    if (e.type() == EntityType.MISC) continue;
                    for (Mention m : e.spans()) pred.add(new Gold(m.start(), m.end(), e.type().name()));
                }
                int[] ex = score(gold, pred, false), le = score(gold, pred, true);
                tp += ex[0]; fp += ex[1]; fn += ex[2]; ltp += le[0]; lfp += le[1]; lfn += le[2];
            }
            print(set + " exact  ", tp, fp, fn);
            print(set + " lenient", ltp, lfp, lfn);
            if (set.equals("entities")) speed(r, texts);
        }
    }

    static void speed(CoreNlpEntityRecognizer r, List<String> texts) {
        long tokens = texts.stream().mapToLong(t -> t.split("\\s+").length).sum();
        for (int i = 0; i < 3; i++) texts.forEach(t -> r.recognize(null, t, "en"));
        long start = System.nanoTime();
        int rounds = 5;
        for (int i = 0; i < rounds; i++) texts.forEach(t -> r.recognize(null, t, "en"));
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "speed: %.0f tokens/s, %.1f articles/s%n", tokens * rounds / s, texts.size() * rounds / s);
    }

    static int[] score(List<Gold> gold, List<Gold> pred, boolean lenient) {
        Set<Gold> matched = new HashSet<>();
        int tp = 0, fp = 0;
        for (Gold p : pred) {
            Gold hit = gold.stream().filter(g -> !matched.contains(g) && g.type().equals(p.type())
                    && (lenient ? g.start() < p.end() && p.start() < g.end() : g.start() == p.start() && g.end() == p.end()))
                    .findFirst().orElse(null);
            if (hit != null) { matched.add(hit); tp++; } else { fp++; }
        }
        return new int[] {tp, fp, gold.size() - matched.size()};
    }

    static void print(String label, int tp, int fp, int fn) {
        double p = tp / (double) (tp + fp), rc = tp / (double) (tp + fn);
        System.out.printf(Locale.ROOT, "%s P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)%n", label, p, rc, 2 * p * rc / (p + rc), tp, fp, fn);
    }
}
