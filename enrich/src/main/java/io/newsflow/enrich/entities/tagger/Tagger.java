package io.newsflow.enrich.entities.tagger;

/**
 * Greedy left-to-right decoding: each token takes the best label its features score. Greedy decoding lets each decision read earlier ones anywhere in the document (the
 * "history" feature: how this word was tagged before), which a Viterbi decoder cannot; with BILOU labels it is as
 * accurate as Viterbi on this task (Ratinov and Roth, CoNLL 2009) and several times cheaper.
 */
final class Tagger {

    /** Scores the labels for one token's features. */
    interface Scorer {
        /** Writes one score per label into {@code scores}. */
        void score(long[] keys, int n, float[] scores);
    }

    /** Sees each decision while training; returns the label the decoding goes on with. */
    interface Learner {
        int learn(long[] keys, int n, float[] scores, int predicted, int sentence, int token);
    }

    private Tagger() {
    }

    /** Labels of every token of the document, by sentence. */
    static int[][] tag(Features.Doc d, Scorer scorer, Learner learner) {
        int[][] labels = new int[d.words.length][];
        int[][] history = new int[d.distinctWords][]; // by word: how often each type was given to it
        long[] keys = new long[Features.MAX];
        float[] scores = new float[Labels.COUNT];
        for (int s : d.order) {
            int len = d.words[s].length;
            int[] out = new int[len];
            int p1 = -1;
            int p2 = -1;
            for (int i = 0; i < len; i++) {
                if (learner == null && d.plain[s][i] && (p1 < 0 || Labels.closed(p1))) {
                    // A lower-case word the training data almost never saw in a name, with no name open: O,
                    // without scoring. Most tokens of prose are such words; this halves the tagger's work.
                    // Training still scores and learns from them: skipped there too, they no longer pulled the
                    // shared weights towards O, and the model found 3 F1 points more false names in modern
                    // articles (cross-validated on the labelled ones).
                    out[i] = Labels.O;
                    p2 = p1;
                    p1 = Labels.O;
                    continue;
                }
                int n = Features.extract(d, s, i, p1, p2, historyType(history[d.wordId[s][i]]), keys);
                scorer.score(keys, n, scores);
                int best = best(scores);
                if (learner != null) {
                    best = learner.learn(keys, n, scores, best, s, i);
                }
                out[i] = best;
                p2 = p1;
                p1 = best;
            }
            labels[s] = out;
            remember(d, s, out, history);
        }
        return labels;
    }

    /**
     * The best label, whatever came before: a sequence that is not well formed is read leniently (see {@link
     * Labels#decode}). Forcing well-formed sequences made one early "B" drag the following words into the name
     * until an "L" was allowed ("Legend " and Duran still" as one organisation); free choice scored 0.3 F1 more.
     */
    private static int best(float[] scores) {
        int best = 0;
        for (int y = 1; y < scores.length; y++) {
            if (scores[y] > scores[best]) {
                best = y;
            }
        }
        return best;
    }

    private static int historyType(int[] counts) {
        if (counts == null) {
            return -1;
        }
        int best = 0;
        for (int t = 1; t < counts.length; t++) {
            if (counts[t] > counts[best]) {
                best = t;
            }
        }
        return best;
    }

    private static void remember(Features.Doc d, int s, int[] labels, int[][] history) {
        for (Labels.Span span : Labels.decode(labels)) {
            for (int k = span.start(); k < span.end(); k++) {
                int w = d.wordId[s][k];
                if (history[w] == null) {
                    history[w] = new int[Labels.TYPES.length];
                }
                history[w][span.type()]++;
            }
        }
    }
}
