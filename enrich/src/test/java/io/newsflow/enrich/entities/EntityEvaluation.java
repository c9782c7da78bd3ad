package io.newsflow.enrich.entities;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints entity-level precision, recall and F1 of a recognizer on the labelled development set, exact
 * (same span and type) and lenient (overlapping span, same type). MISC is neither labelled nor scored:
 * predicted MISC mentions are ignored. Run with {@code -Dverbose=true} to list the errors and
 * {@code -Dset=entities-heldout} (or the argument {@code heldout}) for the articles kept aside from tuning;
 * {@code -Dpos=true} (or the argument {@code pos}) scores the variant with part-of-speech tagging instead of the
 * pipeline's default.
 */
public final class EntityEvaluation {

    private static final List<String> TYPES = List.of("PERSON", "ORGANIZATION", "LOCATION");

    private EntityEvaluation() {
    }

    /** Evaluates the default recognizer. */
    public static void main(String[] args) {
        List<String> flags = List.of(args);
        EntityRecognizer recognizer = Boolean.getBoolean("pos") || flags.contains("pos")
                ? RuleBasedEntityRecognizer.fromClasspath() : RuleBasedEntityRecognizer.fastFromClasspath();
        boolean verbose = Boolean.getBoolean("verbose");
        Counts exact = new Counts();
        Counts lenient = new Counts();
        List<EvalCorpus.Article> articles = EvalCorpus.load(
                flags.contains("heldout") ? "entities-heldout" : System.getProperty("set", "entities"));
        for (EvalCorpus.Article a : articles) {
            List<EvalCorpus.Gold> predicted = predict(recognizer, a.text());
            List<EvalCorpus.Gold> gold = a.gold().stream().filter(g -> TYPES.contains(g.type())).toList();
            score(gold, predicted, exact, false, verbose ? a : null);
            score(gold, predicted, lenient, true, null);
        }
        System.out.printf(Locale.ROOT, "articles=%d gold mentions=%d%n", articles.size(), exact.tp + exact.fn);
        System.out.println("exact   " + exact);
        System.out.println("lenient " + lenient);
        for (String t : TYPES) {
            Counts c = new Counts();
            for (EvalCorpus.Article a : articles) {
                List<EvalCorpus.Gold> p = predict(recognizer, a.text()).stream().filter(g -> g.type().equals(t)).toList();
                score(a.gold().stream().filter(g -> g.type().equals(t)).toList(), p, c, false, null);
            }
            System.out.printf(Locale.ROOT, "exact %-12s %s%n", t, c);
        }
    }

    static List<EvalCorpus.Gold> predict(EntityRecognizer recognizer, String text) {
        List<EvalCorpus.Gold> out = new ArrayList<>();
        for (Entity e : recognizer.recognize(null, text, "en")) {
            if (e.type() == EntityType.MISC) {
                continue;
            }
            for (Mention m : e.spans()) {
                out.add(new EvalCorpus.Gold(m.start(), m.end(), e.type().name(), text.substring(m.start(), m.end())));
            }
        }
        return out;
    }

    private static void score(List<EvalCorpus.Gold> gold, List<EvalCorpus.Gold> predicted, Counts c, boolean lenient,
            EvalCorpus.Article verbose) {
        Set<EvalCorpus.Gold> matched = new HashSet<>();
        for (EvalCorpus.Gold p : predicted) {
            EvalCorpus.Gold hit = gold.stream().filter(g -> !matched.contains(g) && matches(g, p, lenient))
                    .findFirst().orElse(null);
            if (hit != null) {
                matched.add(hit);
                c.tp++;
            } else {
                c.fp++;
                if (verbose != null) {
                    System.out.printf("FP %s %-13s %s%n", verbose.id(), p.type(), p.surface());
                }
            }
        }
        for (EvalCorpus.Gold g : gold) {
            if (!matched.contains(g)) {
                c.fn++;
                if (verbose != null) {
                    System.out.printf("FN %s %-13s %s%n", verbose.id(), g.type(), g.surface());
                }
            }
        }
    }

    private static boolean matches(EvalCorpus.Gold g, EvalCorpus.Gold p, boolean lenient) {
        if (!g.type().equals(p.type())) {
            return false;
        }
        return lenient ? g.start() < p.end() && p.start() < g.end() : g.start() == p.start() && g.end() == p.end();
    }

    /** True/false positive and false negative counts. */
    static final class Counts {
        int tp;
        int fp;
        int fn;

        double precision() {
            return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "P=%.3f R=%.3f F1=%.3f (tp=%d fp=%d fn=%d)", precision(), recall(), f1(),
                    tp, fp, fn);
        }
    }
}
