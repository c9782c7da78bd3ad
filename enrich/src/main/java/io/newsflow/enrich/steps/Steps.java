package io.newsflow.enrich.steps;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.RuleBasedEntityRecognizer;
import io.newsflow.enrich.entities.TrainedEntityRecognizer;
import io.newsflow.enrich.extract.ArticleExtractor;
import io.newsflow.enrich.keywords.KeywordExtractor;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.language.OpenNlpLanguageDetector;
import io.newsflow.enrich.summary.LeadSummarizer;
import io.newsflow.enrich.topics.LexiconTopicClassifier;
import io.newsflow.enrich.topics.TopicClassifier;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in enrichment steps by name, and the resolution of {@code enrich.steps}: each entry is
 * a built-in name or the fully qualified class name of a {@link StepProvider} of your own.
 */
public final class Steps {

    /** The default chain, in order. */
    public static final List<String> DEFAULT_CHAIN = List.of(ExtractStep.NAME, LanguageStep.NAME,
            EntitiesStep.NAME, TopicsStep.NAME, KeywordsStep.NAME, SummaryStep.NAME);

    private Steps() {
    }

    /** Built-in providers by name. Heavy resources (models) load once per JVM, lazily. */
    public static Map<String, Supplier<StepProvider>> builtIn() {
        Map<String, Supplier<StepProvider>> m = new LinkedHashMap<>();
        m.put(ExtractStep.NAME, () -> simple(ExtractStep.NAME, s -> new ExtractStep(Shared.extractor())));
        m.put(LanguageStep.NAME, () -> simple(LanguageStep.NAME, s -> new LanguageStep(Shared.language(),
                TextCap.maxChars(s, LanguageStep.NAME, LanguageStep.DEFAULT_MAX_CHARS))));
        m.put(EntitiesStep.NAME, () -> simple(EntitiesStep.NAME,
                s -> new EntitiesStep(recognizer(s), s.getInt("entities.max", 50),
                        TextCap.maxChars(s, EntitiesStep.NAME, EntitiesStep.DEFAULT_MAX_CHARS))));
        m.put(TopicsStep.NAME, () -> simple(TopicsStep.NAME, s -> new TopicsStep(Shared.topics(),
                s.getInt("topics.max", 3), TextCap.maxChars(s, TopicsStep.NAME, TopicsStep.DEFAULT_MAX_CHARS))));
        m.put(SummaryStep.NAME, () -> simple(SummaryStep.NAME, s -> new SummaryStep(Shared.summarizer(),
                s.getInt("summary.sentences", 3), TextCap.maxChars(s, SummaryStep.NAME, SummaryStep.DEFAULT_MAX_CHARS))));
        m.put(KeywordsStep.NAME, () -> new StepProvider() {
            @Override
            public String name() {
                return KeywordsStep.NAME;
            }

            @Override
            public List<StoreBuilder<? extends StateStore>> stores(StepSettings settings) {
                return List.of(KeywordsStep.store(settings));
            }

            @Override
            public EnrichmentStep create(StepSettings settings, StoreLookup stores) {
                return KeywordsStep.create(Shared.keywords(), settings, stores);
            }
        });
        return m;
    }

    /**
     * The recognizer {@code enrich.entities.recognizer} names: {@code model} (the trained tagger, default) or
     * {@code rules} (the rule-based recognizer, with part-of-speech tagging when {@code
     * enrich.entities.pos-tagging} is true).
     */
    static EntityRecognizer recognizer(StepSettings s) {
        String name = s.values().getOrDefault("entities.recognizer", "model");
        return switch (name) {
            case "model" -> Shared.trainedEntities();
            case "rules" -> Boolean.parseBoolean(s.values().getOrDefault("entities.pos-tagging", "false"))
                    ? Shared.entitiesWithPos() : Shared.entities();
            default -> throw new IllegalArgumentException("enrich.entities.recognizer: unknown recognizer '" + name
                    + "' (model or rules)");
        };
    }

    /** Resolves configured names to providers, failing fast on an unknown name. */
    public static List<StepProvider> resolve(List<String> names) {
        Map<String, Supplier<StepProvider>> known = builtIn();
        List<StepProvider> out = new ArrayList<>();
        for (String name : names) {
            Supplier<StepProvider> builtIn = known.get(name);
            out.add(builtIn != null ? builtIn.get() : load(name, known.keySet()));
        }
        return out;
    }

    private static StepProvider load(String className, java.util.Set<String> known) {
        try {
            Class<?> type = Class.forName(className);
            return (StepProvider) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("unknown enrichment step '" + className + "': not one of "
                    + known + " nor a class on the classpath", e);
        } catch (ClassCastException | ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new IllegalArgumentException("cannot create step provider " + className
                    + " (needs a public no-arg constructor and to implement StepProvider)", cause);
        }
    }

    /** A provider of a stateless step. */
    static StepProvider simple(String name, java.util.function.Function<StepSettings, EnrichmentStep> factory) {
        return new StepProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public EnrichmentStep create(StepSettings settings, StoreLookup stores) {
                return factory.apply(settings);
            }
        };
    }

    /**
     * Thread-safe engines shared by all stream tasks of this JVM; each loads its models on first
     * use, so a chain without a step never pays for its model.
     */
    private static final class Shared {
        private Shared() {
        }

        static ArticleExtractor extractor() {
            return ExtractorHolder.VALUE;
        }

        static LanguageDetector language() {
            return LanguageHolder.VALUE;
        }

        static EntityRecognizer entities() {
            return EntitiesHolder.VALUE;
        }

        static EntityRecognizer trainedEntities() {
            return TrainedEntitiesHolder.VALUE;
        }

        static EntityRecognizer entitiesWithPos() {
            return EntitiesWithPosHolder.VALUE;
        }

        static TopicClassifier topics() {
            return TopicsHolder.VALUE;
        }

        static LeadSummarizer summarizer() {
            return SummaryHolder.VALUE;
        }

        static KeywordExtractor keywords() {
            return KeywordsHolder.VALUE;
        }

        private static final class ExtractorHolder {
            static final ArticleExtractor VALUE = new ArticleExtractor();
        }

        private static final class LanguageHolder {
            static final LanguageDetector VALUE = OpenNlpLanguageDetector.fromClasspath();
        }

        private static final class EntitiesHolder {
            static final EntityRecognizer VALUE = RuleBasedEntityRecognizer.fastFromClasspath();
        }

        private static final class TrainedEntitiesHolder {
            static final EntityRecognizer VALUE = TrainedEntityRecognizer.fromClasspath();
        }

        private static final class EntitiesWithPosHolder {
            static final EntityRecognizer VALUE = RuleBasedEntityRecognizer.fromClasspath();
        }

        private static final class TopicsHolder {
            static final TopicClassifier VALUE = LexiconTopicClassifier.fromClasspath();
        }

        private static final class SummaryHolder {
            static final LeadSummarizer VALUE = new LeadSummarizer();
        }

        private static final class KeywordsHolder {
            static final KeywordExtractor VALUE = new KeywordExtractor();
        }
    }
}
