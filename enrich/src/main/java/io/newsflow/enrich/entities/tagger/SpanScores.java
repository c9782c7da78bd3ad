package io.newsflow.enrich.entities.tagger;

import java.util.Locale;

/**
 * Exact-match entity scores as conlleval counts them: a predicted name is right only with the same first token,
 * last token and type as a gold one. Per type, micro over PER/ORG/LOC (the figure most news systems report, MISC
 * being the least defined class), and over all four types (conlleval's own figure).
 */
public final class SpanScores {

    private final int[] tp = new int[Labels.TYPES.length];
    private final int[] fp = new int[Labels.TYPES.length];
    private final int[] fn = new int[Labels.TYPES.length];

    /** Counts one right prediction of a type. */
    public void hit(int type) {
        tp[type]++;
    }

    /** Counts one wrong prediction of a type. */
    public void falsePositive(int type) {
        fp[type]++;
    }

    /** Counts one missed gold name of a type. */
    public void miss(int type) {
        fn[type]++;
    }

    /** Adds the counts of gold and predicted spans of one sentence. */
    public void add(java.util.List<Labels.Span> gold, java.util.List<Labels.Span> predicted) {
        java.util.Set<Labels.Span> g = new java.util.HashSet<>(gold);
        for (Labels.Span p : predicted) {
            if (g.remove(p)) {
                hit(p.type());
            } else {
                falsePositive(p.type());
            }
        }
        g.forEach(s -> miss(s.type()));
    }

    /** Adds another set of counts. */
    public void addAll(SpanScores other) {
        for (int t = 0; t < tp.length; t++) {
            tp[t] += other.tp[t];
            fp[t] += other.fp[t];
            fn[t] += other.fn[t];
        }
    }

    /** F1 of one type. */
    public double f1(int type) {
        return f1(tp[type], fp[type], fn[type]);
    }

    /** Micro F1 over PER, ORG and LOC. */
    public double microPerOrgLoc() {
        return f1(sum(tp, 3), sum(fp, 3), sum(fn, 3));
    }

    /** Micro F1 over all four types (conlleval's overall figure). */
    public double microAll() {
        return f1(sum(tp, 4), sum(fp, 4), sum(fn, 4));
    }

    private static int sum(int[] a, int types) {
        int s = 0;
        for (int t = 0; t < types; t++) {
            s += a[t];
        }
        return s;
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static String prf(int tp, int fp, int fn) {
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return String.format(Locale.ROOT, "P %.3f R %.3f F1 %.3f (gold %d)", p, r, f1(tp, fp, fn), tp + fn);
    }

    /** A table: one line per type, then the two micro averages. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < tp.length; t++) {
            sb.append(String.format(Locale.ROOT, "  %-5s %s%n", Labels.CONLL[t], prf(tp[t], fp[t], fn[t])));
        }
        sb.append(String.format(Locale.ROOT, "  %-5s %s%n", "P/O/L", prf(sum(tp, 3), sum(fp, 3), sum(fn, 3))));
        sb.append(String.format(Locale.ROOT, "  %-5s %s%n", "all", prf(sum(tp, 4), sum(fp, 4), sum(fn, 4))));
        return sb.toString();
    }

    /** One line: F1 per type and both micro averages. */
    public String summary() {
        return String.format(Locale.ROOT, "PER %.4f ORG %.4f LOC %.4f MISC %.4f | P/O/L %.4f | all %.4f",
                f1(0), f1(1), f1(2), f1(3), microPerOrgLoc(), microAll());
    }
}
