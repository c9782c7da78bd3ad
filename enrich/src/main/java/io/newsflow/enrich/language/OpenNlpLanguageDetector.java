package io.newsflow.enrich.language;

import io.newsflow.enrich.language.internal.IsoCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Detects language with Apache OpenNLP's 103-language model ({@code opennlp-models-langdetect}),
 * using the page's declared language to break ties on short or ambiguous texts. Thread-safe.
 *
 * <p>The model's cost grows with the text it reads. When the page declares a language, the start of
 * the text is read first: if the model's best guess there is the declared language, two independent
 * pieces of evidence agree and that is the answer; otherwise (they disagree, or nothing is declared)
 * the full sample is read and weighed as before. On the pages of both extraction benchmarks this
 * reads about half as much text and gives the same languages (see {@code LanguageEvaluation}).
 */
public final class OpenNlpLanguageDetector implements LanguageDetector {

    /** Classpath name of the model inside the {@code opennlp-models-langdetect} jar. */
    public static final String MODEL_RESOURCE = "langdetect-183.bin";

    /** Only the start of long texts is read: the language is settled long before and speed matters. */
    private static final int MAX_CHARS = 700;
    /** Below this many letters the model is unreliable, so a declared language wins. */
    private static final int SHORT_TEXT_LETTERS = 60;
    /** A declared language in the model's top candidates within this ratio of the best wins. */
    private static final double HINT_RATIO = 0.5;
    private static final double MIN_CONFIDENCE = 0.03;
    /** How much of the text is read first to confirm a declared language. */
    static final int CONFIRM_CHARS = 300;

    private final LanguageDetectorModel model;
    private final int confirmChars;

    private OpenNlpLanguageDetector(LanguageDetectorModel model, int confirmChars) {
        this.model = model;
        this.confirmChars = confirmChars;
    }

    /**
     * The same model reading the first {@code confirmChars} characters to confirm a declared language,
     * or always the whole sample when {@code confirmChars} is 0 (how it worked before: the evaluation compares both).
     */
    OpenNlpLanguageDetector withConfirmChars(int confirmChars) {
        return new OpenNlpLanguageDetector(model, confirmChars);
    }

    /** Loads the model from the classpath; call once and share the instance. */
    public static OpenNlpLanguageDetector fromClasspath() {
        ClassLoader loader = OpenNlpLanguageDetector.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Language model not on classpath: " + MODEL_RESOURCE
                        + " (add org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new OpenNlpLanguageDetector(new LanguageDetectorModel(in), CONFIRM_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read language model " + MODEL_RESOURCE, e);
        }
    }

    @Override
    public String detect(String text, String hint) {
        String declared = IsoCodes.normaliseHint(hint);
        String sample = sample(text);
        if (countLetters(sample) < SHORT_TEXT_LETTERS && declared != null) {
            return declared;
        }
        if (sample.isBlank()) {
            return LanguageDetector.UNDETERMINED;
        }
        // LanguageDetectorME keeps no per-call state in 2.x but is cheap; a new one per call avoids relying on that.
        LanguageDetectorME detector = new LanguageDetectorME(model);
        if (declared != null && confirmChars > 0 && sample.length() > confirmChars) {
            Language start = detector.predictLanguage(prefix(sample, confirmChars));
            if (start != null && declared.equals(IsoCodes.toIso1(start.getLang()))) {
                return declared;
            }
        }
        return choose(detector.predictLanguages(sample), declared);
    }

    private static String choose(Language[] ranked, String declared) {
        if (ranked.length == 0) {
            return declared == null ? LanguageDetector.UNDETERMINED : declared;
        }
        double best = ranked[0].getConfidence();
        if (declared != null) {
            for (int i = 0; i < Math.min(3, ranked.length); i++) {
                if (declared.equals(IsoCodes.toIso1(ranked[i].getLang()))
                        && ranked[i].getConfidence() >= best * HINT_RATIO) {
                    return declared;
                }
            }
        }
        String top = IsoCodes.toIso1(ranked[0].getLang());
        if (top == null || best < MIN_CONFIDENCE) {
            return declared == null ? LanguageDetector.UNDETERMINED : declared;
        }
        return top;
    }

    private static String sample(String text) {
        return text == null ? "" : prefix(text, MAX_CHARS);
    }

    /** The first {@code n} characters, one fewer rather than half of a surrogate pair. */
    private static String prefix(String text, int n) {
        if (text.length() <= n) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(n - 1)) ? n - 1 : n);
    }

    private static int countLetters(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
