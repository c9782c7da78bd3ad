package io.newsflow.enrich.entities.evaluation;

import io.newsflow.enrich.entities.Entity;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.EntityType;
import io.newsflow.enrich.entities.Mention;
import io.newsflow.enrich.entities.TrainedEntityRecognizer;
import io.newsflow.enrich.entities.internal.TextAnalyzer;
import io.newsflow.enrich.entities.internal.Token;
import io.newsflow.enrich.entities.tagger.ConllCorpus;
import io.newsflow.enrich.entities.tagger.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hand-labelled articles: a folder with an {@code INDEX} of ids, and per id the text ({@code id.txt}) and its
 * PERSON, ORGANIZATION and LOCATION mentions ({@code id.tsv}: start, end, type, surface; MISC is not labelled,
 * so predicted MISC is not scored).
 */
public final class LabelledArticles {

    private static final List<EntityType> SCORED = List.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.LOCATION);

    /** One gold or predicted mention. */
    record Gold(int start, int end, EntityType type) {
    }

    /** One article: its scored mentions, and all four types for training. */
    record Article(String id, String text, List<Gold> gold, List<Gold> allGold) {
    }

    private final List<Article> articles;

    private LabelledArticles(List<Article> articles) {
        this.articles = articles;
    }

    /** Reads a folder. */
    public static LabelledArticles read(Path dir) {
        try {
            List<Article> out = new ArrayList<>();
            for (String id : Files.readAllLines(dir.resolve("INDEX"), StandardCharsets.UTF_8)) {
                if (id.isBlank()) {
                    continue;
                }
                String text = Files.readString(dir.resolve(id.strip() + ".txt"), StandardCharsets.UTF_8);
                List<Gold> gold = new ArrayList<>();
                List<Gold> all = new ArrayList<>();
                for (String line : Files.readAllLines(dir.resolve(id.strip() + ".tsv"), StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] f = line.split("\t");
                        EntityType type = EntityType.valueOf(f[2]);
                        all.add(new Gold(Integer.parseInt(f[0]), Integer.parseInt(f[1]), type));
                        if (SCORED.contains(type)) {
                            gold.add(new Gold(Integer.parseInt(f[0]), Integer.parseInt(f[1]), type));
                        }
                    }
                }
                out.add(new Article(id.strip(), text, gold, all));
            }
            return new LabelledArticles(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read labelled articles in " + dir, e);
        }
    }

    /**
     * The articles as training documents: tokenised the way the recognizer tokenises, each labelled mention
     * mapped to the tokens it covers (a mention that does not fall on token boundaries is left out).
     */
    public List<ConllCorpus.Document> documents() {
        TextAnalyzer analyzer = TextAnalyzer.fromClasspath();
        List<ConllCorpus.Document> out = new ArrayList<>();
        for (Article a : articles) {
            List<ConllCorpus.Sentence> sentences = new ArrayList<>();
            for (List<Token> tokens : analyzer.analyze(a.text(), false)) {
                List<Labels.Span> spans = new ArrayList<>();
                for (Gold g : a.allGold()) {
                    int first = -1;
                    int last = -1;
                    for (int i = 0; i < tokens.size(); i++) {
                        if (tokens.get(i).start() == g.start()) {
                            first = i;
                        }
                        if (tokens.get(i).end() == g.end()) {
                            last = i;
                        }
                    }
                    if (first >= 0 && last >= first) {
                        spans.add(new Labels.Span(first, last + 1, typeIndex(g.type())));
                    }
                }
                spans.sort(java.util.Comparator.comparingInt(Labels.Span::start)
                        .thenComparing(sp -> sp.start() - sp.end()));
                List<Labels.Span> flat = new ArrayList<>();
                for (Labels.Span sp : spans) {
                    if (flat.isEmpty() || flat.get(flat.size() - 1).end() <= sp.start()) {
                        flat.add(sp); // nested labels: the outer name only, as CoNLL has no nesting
                    }
                }
                spans = flat;
                sentences.add(new ConllCorpus.Sentence(List.of(TrainedEntityRecognizer.words(tokens)), spans));
            }
            out.add(new ConllCorpus.Document(sentences));
        }
        return out;
    }

    /** These articles split in {@code k} parts: the {@code part}th (article i where i % k == part) and the rest. */
    public LabelledArticles[] split(int k, int part) {
        List<Article> in = new ArrayList<>();
        List<Article> rest = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            (i % k == part ? in : rest).add(articles.get(i));
        }
        return new LabelledArticles[] {new LabelledArticles(in), new LabelledArticles(rest)};
    }

    private static int typeIndex(EntityType t) {
        return switch (t) {
            case PERSON -> 0;
            case ORGANIZATION -> 1;
            case LOCATION -> 2;
            case MISC -> 3;
        };
    }

    /** Number of articles. */
    public int size() {
        return articles.size();
    }

    /** The texts, for speed measurements. */
    public List<String> texts() {
        return articles.stream().map(Article::text).toList();
    }

    /** Exact and lenient counts of a recognizer on some articles; add them up over folds. */
    public static final class Scores {
        final int[][] exact = new int[SCORED.size() + 1][3];
        final int[][] lenient = new int[SCORED.size() + 1][3];

        /** Adds other counts to these. */
        public void add(Scores other) {
            for (int t = 0; t < exact.length; t++) {
                for (int k = 0; k < 3; k++) {
                    exact[t][k] += other.exact[t][k];
                    lenient[t][k] += other.lenient[t][k];
                }
            }
        }

        @Override
        public String toString() {
            int all = SCORED.size();
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "  %d gold mentions%n", exact[all][0] + exact[all][2]));
            for (int t = 0; t < all; t++) {
                sb.append(String.format(Locale.ROOT, "  exact   %-12s %s%n", SCORED.get(t), prf(exact[t])));
            }
            sb.append(String.format(Locale.ROOT, "  exact   %-12s %s%n", "all", prf(exact[all])));
            sb.append(String.format(Locale.ROOT, "  lenient %-12s %s%n", "all", prf(lenient[all])));
            return sb.toString();
        }
    }

    /** Scores a recognizer: exact (same span and type) and lenient (overlapping span, same type), per type. */
    public Scores score(EntityRecognizer recognizer) {
        Scores scores = new Scores();
        for (Article a : articles) {
            List<Gold> predicted = new ArrayList<>();
            for (Entity e : recognizer.recognize(null, a.text(), "en")) {
                if (SCORED.contains(e.type())) {
                    for (Mention m : e.spans()) {
                        predicted.add(new Gold(m.start(), m.end(), e.type()));
                    }
                }
            }
            count(a.gold(), predicted, scores.exact, false);
            count(a.gold(), predicted, scores.lenient, true);
        }
        return scores;
    }

    /** A printable report of {@link #score}. */
    public String report(EntityRecognizer recognizer) {
        return String.format(Locale.ROOT, "  %d labelled articles,", articles.size()) + score(recognizer);
    }

    /** Counts [tp, fp, fn] per type and in the last row overall; a gold mention matches at most once. */
    private static void count(List<Gold> gold, List<Gold> predicted, int[][] c, boolean lenient) {
        Set<Gold> matched = new HashSet<>();
        int all = SCORED.size();
        for (Gold p : predicted) {
            Gold hit = null;
            for (Gold g : gold) {
                if (!matched.contains(g) && g.type() == p.type()
                        && (lenient ? g.start() < p.end() && p.start() < g.end()
                        : g.start() == p.start() && g.end() == p.end())) {
                    hit = g;
                    break;
                }
            }
            int t = SCORED.indexOf(p.type());
            if (hit != null) {
                matched.add(hit);
                c[t][0]++;
                c[all][0]++;
            } else {
                c[t][1]++;
                c[all][1]++;
            }
        }
        for (Gold g : gold) {
            if (!matched.contains(g)) {
                c[SCORED.indexOf(g.type())][2]++;
                c[all][2]++;
            }
        }
    }

    private static String prf(int[] c) {
        double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
        double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return String.format(Locale.ROOT, "P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)", p, r, f, c[0], c[1], c[2]);
    }
}
