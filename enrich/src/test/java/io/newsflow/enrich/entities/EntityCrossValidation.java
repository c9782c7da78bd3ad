package io.newsflow.enrich.entities;

import io.newsflow.enrich.entities.evaluation.LabelledArticles;
import io.newsflow.enrich.entities.tagger.ConllCorpus;
import io.newsflow.enrich.entities.tagger.TaggerTrainer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the tagger does on modern articles it was not trained on, when the labelled articles join its training
 * data (a harness: prints figures, asserts nothing). The articles are split in k parts; each part is scored by a
 * model trained on CoNLL-2003's training part plus the other parts, and the counts are summed. Arguments: k
 * (default 5) and how many times the articles are repeated in training (default 3).
 */
public final class EntityCrossValidation {

    private EntityCrossValidation() {
    }

    /** Runs the cross-validation. */
    public static void main(String[] args) {
        String[] a = args.length == 1 ? args[0].trim().split("[,\\s]+") : args;
        int k = a.length > 0 && !a[0].isBlank() ? Integer.parseInt(a[0]) : 5;
        int weight = a.length > 1 ? Integer.parseInt(a[1]) : 3;
        Path shared = Path.of(System.getProperty("newsflow.shared.dir", "../../shared"));
        List<ConllCorpus.Document> conll = ConllCorpus.read(shared.resolve("ner-data/conll2003/eng.train"));
        LabelledArticles articles = LabelledArticles.read(Path.of("src/test/resources/eval/entities"));
        LabelledArticles.Scores total = new LabelledArticles.Scores();
        LabelledArticles.Scores baseline = new LabelledArticles.Scores();
        TaggerTrainer.Options options = TaggerTrainer.Options.defaults();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        EntityRecognizer conllOnly = TrainedEntityRecognizer.fromClasspath();
        for (int part = 0; part < k; part++) {
            LabelledArticles[] split = articles.split(k, part);
            List<ConllCorpus.Document> train = new ArrayList<>(conll);
            for (int w = 0; w < weight; w++) {
                train.addAll(split[1].documents());
            }
            TaggerTrainer.Result r = TaggerTrainer.train(train, List.of(), options, quiet);
            LabelledArticles.Scores s = split[0].score(TrainedEntityRecognizer.withModel(r.model()));
            total.add(s);
            baseline.add(split[0].score(conllOnly));
            System.out.printf("part %d of %d: %d articles%n%s", part + 1, k, split[0].size(), s);
        }
        System.out.println("== shipped model (CoNLL only), same articles:\n" + baseline);
        System.out.println("== CoNLL + other articles x" + weight + ", summed over " + k + " parts:\n" + total);
    }
}
