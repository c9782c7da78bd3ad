package io.newsflow.enrich.steps;

import io.newsflow.enrich.extract.ArticleExtractor;
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
    public static final List<String> DEFAULT_CHAIN = List.of(ExtractStep.NAME);

    private Steps() {
    }

    /** Built-in providers by name. Heavy resources (models) load once per JVM, lazily. */
    public static Map<String, Supplier<StepProvider>> builtIn() {
        Map<String, Supplier<StepProvider>> m = new LinkedHashMap<>();
        m.put(ExtractStep.NAME, () -> simple(ExtractStep.NAME, s -> new ExtractStep(Shared.EXTRACTOR)));
        return m;
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

    /** Thread-safe engines shared by all stream tasks of this JVM. */
    private static final class Shared {
        static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    }
}
