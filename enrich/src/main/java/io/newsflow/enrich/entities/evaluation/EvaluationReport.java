package io.newsflow.enrich.entities.evaluation;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.tagger.ConllCorpus;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The whole entity evaluation in one report: each recognizer on CoNLL-format files (exact P/R/F1 per type, micro
 * over PER/ORG/LOC, conlleval's four-type figure) and on hand-labelled articles, then their speed side by side on
 * the CoNLL text (one thread, interleaved rounds, medians, ratios to the first recognizer named).
 */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    /** Prints the report; {@code articles} may be null. */
    public static void run(Map<String, Supplier<EntityRecognizer>> recognizers, List<Path> conllFiles,
            Path articles, int rounds, PrintStream out) {
        List<ConllCorpus.Document> docs = new ArrayList<>();
        conllFiles.forEach(f -> docs.addAll(ConllCorpus.read(f)));
        LabelledArticles labelled = articles == null ? null : LabelledArticles.read(articles);
        Map<String, EntityRecognizer> loaded = new LinkedHashMap<>();
        recognizers.forEach((name, s) -> loaded.put(name, s.get()));
        for (Map.Entry<String, EntityRecognizer> e : loaded.entrySet()) {
            out.println("== " + e.getKey());
            if (!docs.isEmpty()) {
                RecognizerEvaluation.Result r = RecognizerEvaluation.score(e.getValue(), docs);
                out.printf(Locale.ROOT, " CoNLL %s (%d documents):%n%s  mentions across a line break: %d%n",
                        conllFiles, docs.size(), r.scores().table(), r.crossing());
            }
            if (labelled != null) {
                out.print(" labelled articles " + articles + ":\n" + labelled.report(e.getValue()));
            }
        }
        if (rounds > 0 && !docs.isEmpty()) {
            List<ConllText> texts = docs.stream().map(ConllText::of).toList();
            Map<String, Supplier<EntityRecognizer>> same = new LinkedHashMap<>();
            loaded.forEach((name, r) -> same.put(name, () -> r));
            Map<String, Double> speed = RecognizerEvaluation.tokensPerSecond(same, texts, 1, rounds);
            double base = speed.values().iterator().next();
            out.printf(Locale.ROOT, "== speed on %d tokens, one thread, tokens per CPU-second, median of %d interleaved rounds%n",
                    texts.stream().mapToInt(ConllText::tokens).sum(), rounds);
            speed.forEach((name, tps) -> out.printf(Locale.ROOT, "  %-10s %,10.0f tokens/s  %6.2fx %s%n", name, tps,
                    tps / base, speed.keySet().iterator().next()));
        }
    }
}
