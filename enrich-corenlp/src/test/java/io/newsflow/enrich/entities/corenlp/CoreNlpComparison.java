package io.newsflow.enrich.entities.corenlp;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.RuleBasedEntityRecognizer;
import io.newsflow.enrich.entities.TrainedEntityRecognizer;
import io.newsflow.enrich.entities.evaluation.EvaluationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The entity evaluation of the enrich module with Stanford CoreNLP's 4-class CRF beside Newsflow's recognizers
 * (a harness: prints figures, asserts nothing): scores on CoNLL-format files and on the labelled articles, then
 * tokens/s in one JVM, rounds interleaved, as multiples of CoreNLP's. Arguments: CoNLL files (default: CoNLL-2003's
 * development part in the shared folder) and {@code heldout} for the held-out articles.
 */
public final class CoreNlpComparison {

    private CoreNlpComparison() {
    }

    /** Runs the comparison. */
    public static void main(String[] args) {
        List<Path> files = new ArrayList<>();
        String set = "entities";
        for (String a : args) {
            for (String arg : a.split("[,\\s]+")) {
                if ("heldout".equals(arg)) {
                    set = "entities-heldout";
                } else if (!arg.isBlank() && Files.isRegularFile(Path.of(arg))) {
                    files.add(Path.of(arg));
                }
            }
        }
        if (files.isEmpty()) {
            files.add(Path.of(System.getProperty("newsflow.shared.dir", "../../shared"),
                    "ner-data/conll2003/eng.testa"));
        }
        Map<String, Supplier<EntityRecognizer>> recognizers = new LinkedHashMap<>();
        recognizers.put("corenlp", CoreNlpEntityRecognizer::fromClasspath);
        recognizers.put("model", TrainedEntityRecognizer::fromClasspath);
        recognizers.put("rules", RuleBasedEntityRecognizer::fastFromClasspath);
        recognizers.put("rules-pos", RuleBasedEntityRecognizer::fromClasspath);
        EvaluationReport.run(recognizers, files, Path.of("../enrich/src/test/resources/eval", set), 5, System.out);
    }
}
