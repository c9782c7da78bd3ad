package io.newsflow.enrich.entities.corenlp;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import io.newsflow.enrich.entities.Entity;
import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.EntityType;
import io.newsflow.enrich.entities.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opt-in recognizer over Stanford CoreNLP's CoNLL 4-class CRF ({@code english.conll.4class.distsim.crf.ser.gz}).
 * GPL-licensed and about 470 MB of models: keep it out of the default build. Mentions are grouped by exact
 * surface form and type (no short-form resolution); no name crosses a line break; salience is the share of
 * mentions relative to the most mentioned entity.
 */
public final class CoreNlpEntityRecognizer implements EntityRecognizer {

    /** Classpath name of the CRF model in the {@code stanford-corenlp:models} jar. */
    public static final String MODEL = "edu/stanford/nlp/models/ner/english.conll.4class.distsim.crf.ser.gz";

    private final CRFClassifier<CoreLabel> classifier;

    private CoreNlpEntityRecognizer(CRFClassifier<CoreLabel> classifier) {
        this.classifier = classifier;
    }

    /** Loads the CRF model from the classpath (slow: seconds). */
    public static CoreNlpEntityRecognizer fromClasspath() {
        return new CoreNlpEntityRecognizer(CRFClassifier.getClassifierNoExceptions(MODEL));
    }

    @Override
    public List<Entity> recognize(String title, String text, String language) {
        String body = text == null ? "" : text;
        // One entity per surface form and type: "Washington" the man and the city are two entities, and each
        // mention keeps the type the CRF gave it there.
        Map<String, List<Mention>> spans = new LinkedHashMap<>();
        Map<String, EntityType> types = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Triple<String, Integer, Integer> t : classifyByLine(body)) {
            String surface = body.substring(t.second(), t.third());
            EntityType type = type(t.first());
            String key = type + "\u0000" + surface;
            spans.computeIfAbsent(key, k -> new ArrayList<>()).add(new Mention(t.second(), t.third()));
            types.put(key, type);
            names.put(key, surface);
        }
        int max = spans.values().stream().mapToInt(List::size).max().orElse(1);
        List<Entity> out = new ArrayList<>();
        spans.forEach((key, m) -> out.add(new Entity(names.get(key), types.get(key), m.size(), m,
                m.size() / (double) max)));
        out.sort(Comparator.comparingDouble(Entity::salience).reversed());
        return out;
    }

    /**
     * Names with offsets in {@code body}, each line classified on its own: CoreNLP's tokenizer reads a line break
     * as a space, so a name at the end of a line and a capitalised word at the start of the next became one
     * entity (67 did on CoNLL-2003's development text).
     */
    private List<Triple<String, Integer, Integer>> classifyByLine(String body) {
        List<Triple<String, Integer, Integer>> out = new ArrayList<>();
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            if (!body.substring(start, end).isBlank()) {
                List<Triple<String, Integer, Integer>> found;
                synchronized (classifier) { // CRFClassifier is not documented as thread-safe
                    found = classifier.classifyToCharacterOffsets(body.substring(start, end));
                }
                for (Triple<String, Integer, Integer> t : found) {
                    out.add(new Triple<>(t.first(), t.second() + start, t.third() + start));
                }
            }
            start = end + 1;
        }
        return out;
    }

    private static EntityType type(String label) {
        return switch (label) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION" -> EntityType.LOCATION;
            default -> EntityType.MISC;
        };
    }
}
