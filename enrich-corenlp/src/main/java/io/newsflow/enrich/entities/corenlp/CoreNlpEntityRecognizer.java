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
 * surface form only (no short-form resolution); salience uses the same title/lead weighting idea, simplified.
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
        Map<String, List<Mention>> spans = new LinkedHashMap<>();
        Map<String, EntityType> types = new LinkedHashMap<>();
        List<Triple<String, Integer, Integer>> found;
        synchronized (classifier) { // CRFClassifier is not documented as thread-safe
            found = classifier.classifyToCharacterOffsets(body);
        }
        for (Triple<String, Integer, Integer> t : found) {
            String surface = body.substring(t.second(), t.third());
            spans.computeIfAbsent(surface, k -> new ArrayList<>()).add(new Mention(t.second(), t.third()));
            types.putIfAbsent(surface, type(t.first()));
        }
        int max = spans.values().stream().mapToInt(List::size).max().orElse(1);
        List<Entity> out = new ArrayList<>();
        spans.forEach((name, m) -> out.add(new Entity(name, types.get(name), m.size(), m, m.size() / (double) max)));
        out.sort(Comparator.comparingDouble(Entity::salience).reversed());
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
