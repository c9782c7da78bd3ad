package io.newsflow.enrich.entities.tagger;

import io.newsflow.enrich.entities.internal.Lexicon;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains a {@link TaggerModel} with the averaged perceptron (Collins 2002): after each wrong decision the
 * features' weights move towards the right label and away from the chosen one; the model kept is the average of
 * the weights over all steps, which generalises far better than the last ones. Documents are visited in an order
 * shuffled by a fixed seed and training runs on one thread, so the same data always gives the same model.
 */
public final class TaggerTrainer {

    /**
     * Training settings.
     *
     * @param epochs passes over the training data (the best on the development data is kept when there is any)
     * @param seed seed of the document order
     * @param minWeight features whose averaged weights are all smaller than this are left out of the model
     */
    public record Options(int epochs, long seed, float minWeight) {

        /** The settings the shipped model was trained with. */
        public static Options defaults() {
            return new Options(10, 20030531L, 0.01f);
        }
    }

    /**
     * A trained model and how it scored.
     *
     * @param model the model
     * @param epoch the epoch it comes from
     * @param dev its scores on the development documents, or null without any
     */
    public record Result(TaggerModel model, int epoch, SpanScores dev) {
    }

    private final Gazetteer gazetteer = Gazetteer.of(Lexicon.load());
    private final FeatureIndex index = new FeatureIndex(1 << 20);
    private float[] weights = new float[(1 << 20) * Labels.COUNT];
    private double[] totals = new double[(1 << 20) * Labels.COUNT];
    private long step = 1;
    private Priors priors = Priors.empty();

    private TaggerTrainer() {
    }

    /** Trains on {@code train}, choosing the epoch by micro F1 over all types on {@code dev} when it is not empty. */
    public static Result train(List<ConllCorpus.Document> train, List<ConllCorpus.Document> dev, Options options,
            PrintStream log) {
        return new TaggerTrainer().run(train, dev, options, log);
    }

    private Result run(List<ConllCorpus.Document> train, List<ConllCorpus.Document> dev, Options options,
            PrintStream log) {
        priors = Priors.count(train);
        List<Prepared> docs = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            docs.add(prepare(train.get(i), i % Priors.FOLDS));
        }
        Random random = new Random(options.seed());
        Result best = null;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long started = System.nanoTime();
            Collections.shuffle(docs, random);
            int mistakes = 0;
            int tokens = 0;
            for (Prepared p : docs) {
                int[] errors = {0};
                Tagger.tag(p.doc, this::score, (keys, n, scores, predicted, s, i) -> {
                    int gold = p.gold[s][i];
                    if (predicted != gold) {
                        update(keys, n, gold, predicted);
                        errors[0]++;
                    }
                    step++;
                    return predicted;
                });
                mistakes += errors[0];
                tokens += p.tokens;
            }
            TaggerModel model = averaged(options.minWeight());
            SpanScores scores = dev.isEmpty() ? null : evaluate(model, dev);
            log.printf(Locale.ROOT, "epoch %2d: %5.2f%% token errors, %,d features kept, %.1f s%s%n", epoch,
                    100.0 * mistakes / tokens, model.features(), (System.nanoTime() - started) / 1e9,
                    scores == null ? "" : "; dev " + scores.summary());
            if (best == null || scores == null || scores.microAll() > best.dev().microAll()) {
                best = new Result(model, epoch, scores);
            }
        }
        return best;
    }

    /** Scores of a model on labelled documents (gold tokenisation). */
    public static SpanScores evaluate(TaggerModel model, List<ConllCorpus.Document> docs) {
        SpanScores scores = new SpanScores();
        for (ConllCorpus.Document d : docs) {
            List<String[]> sentences = new ArrayList<>();
            d.sentences().forEach(s -> sentences.add(s.words().toArray(new String[0])));
            List<List<Labels.Span>> predicted = model.tag(sentences);
            for (int s = 0; s < sentences.size(); s++) {
                scores.add(d.sentences().get(s).spans(), predicted.get(s));
            }
        }
        return scores;
    }

    private record Prepared(Features.Doc doc, int[][] gold, int tokens) {
    }

    private Prepared prepare(ConllCorpus.Document d, int fold) {
        List<String[]> sentences = new ArrayList<>();
        int[][] gold = new int[d.sentences().size()][];
        for (int s = 0; s < gold.length; s++) {
            ConllCorpus.Sentence sentence = d.sentences().get(s);
            sentences.add(sentence.words().toArray(new String[0]));
            gold[s] = Labels.encode(sentence.words().size(), sentence.spans());
        }
        return new Prepared(new Features.Doc(sentences, WordInfo.Source.uncached(gazetteer, priors), fold), gold, d.tokens());
    }

    private void score(long[] keys, int n, float[] scores) {
        java.util.Arrays.fill(scores, 0f);
        for (int k = 0; k < n; k++) {
            int row = index.get(keys[k]);
            if (row >= 0) {
                int base = row * Labels.COUNT;
                for (int y = 0; y < Labels.COUNT; y++) {
                    scores[y] += weights[base + y];
                }
            }
        }
    }

    private void update(long[] keys, int n, int gold, int predicted) {
        for (int k = 0; k < n; k++) {
            int row = index.getOrAdd(keys[k]);
            ensure(row);
            int base = row * Labels.COUNT;
            weights[base + gold] += 1f;
            totals[base + gold] += step;
            weights[base + predicted] -= 1f;
            totals[base + predicted] -= step;
        }
    }

    private void ensure(int row) {
        int need = (row + 1) * Labels.COUNT;
        if (need > weights.length) {
            int size = Math.max(need, weights.length * 2);
            weights = java.util.Arrays.copyOf(weights, size);
            totals = java.util.Arrays.copyOf(totals, size);
        }
    }

    /** The averaged weights: w - (sum of step * update) / steps, the closed form of averaging every step's w. */
    private TaggerModel averaged(float minWeight) {
        long[] keys = index.keysByRow();
        FeatureIndex kept = new FeatureIndex(keys.length);
        float[] avg = new float[keys.length * Labels.COUNT];
        int rows = 0;
        for (int r = 0; r < keys.length; r++) {
            float[] row = new float[Labels.COUNT];
            float max = 0f;
            for (int y = 0; y < Labels.COUNT; y++) {
                int i = r * Labels.COUNT + y;
                row[y] = (float) (weights[i] - totals[i] / step);
                max = Math.max(max, Math.abs(row[y]));
            }
            if (max >= minWeight) {
                kept.put(keys[r], rows);
                System.arraycopy(row, 0, avg, rows * Labels.COUNT, Labels.COUNT);
                rows++;
            }
        }
        return new TaggerModel(kept.keysByRow(), java.util.Arrays.copyOf(avg, rows * Labels.COUNT), gazetteer, priors);
    }
}
