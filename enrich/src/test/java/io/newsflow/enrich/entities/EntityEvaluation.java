package io.newsflow.enrich.entities;

import io.newsflow.enrich.entities.evaluation.EvaluationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The entity evaluation harness (prints figures, asserts nothing): the trained model, the rule-based recognizer
 * and its part-of-speech variant on CoNLL-2003's development part and on the hand-labelled articles, then their
 * speed side by side. Arguments, any order: recognizer names ({@code model}, {@code rules}, {@code rules-pos};
 * default all three), {@code heldout} to score the held-out articles instead of the development ones, and
 * CoNLL-format files (default {@code ../shared/ner-data/conll2003/eng.testa}). The CoreNLP comparison is the same
 * report run from {@code enrich-corenlp} ({@code -Pcorenlp}).
 */
public final class EntityEvaluation {

    private EntityEvaluation() {
    }

    /** Runs the report. */
    public static void main(String[] args) {
        Map<String, Supplier<EntityRecognizer>> known = recognizers();
        Map<String, Supplier<EntityRecognizer>> chosen = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        String set = "entities";
        for (String a : args) {
            for (String arg : a.split("[,\\s]+")) {
                if (arg.isBlank()) {
                    continue;
                }
                if (known.containsKey(arg)) {
                    chosen.put(arg, known.get(arg));
                } else if ("heldout".equals(arg)) {
                    set = "entities-heldout";
                } else if (Files.isRegularFile(Path.of(arg))) {
                    files.add(Path.of(arg));
                } else {
                    System.out.println("(ignoring '" + arg + "': not a recognizer name nor a CoNLL file)");
                }
            }
        }
        if (chosen.isEmpty()) {
            chosen.putAll(known);
        }
        if (files.isEmpty()) {
            Path dev = Path.of(System.getProperty("newsflow.shared.dir", "../../shared"), "ner-data/conll2003/eng.testa");
            if (Files.exists(dev)) {
                files.add(dev);
            }
        }
        EvaluationReport.run(chosen, files, Path.of("src/test/resources/eval", set), 5, System.out);
    }

    /** The recognizers of this module by name. */
    public static Map<String, Supplier<EntityRecognizer>> recognizers() {
        Map<String, Supplier<EntityRecognizer>> m = new LinkedHashMap<>();
        m.put("model", TrainedEntityRecognizer::fromClasspath);
        m.put("rules", RuleBasedEntityRecognizer::fastFromClasspath);
        m.put("rules-pos", RuleBasedEntityRecognizer::fromClasspath);
        return m;
    }
}
