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

    private final LanguageDetectorModel model;

    private OpenNlpLanguageDetector(LanguageDetectorModel model) {
        this.model = model;
    }

    /** Loads the model from the classpath; call once and share the instance. */
    public static OpenNlpLanguageDetector fromClasspath() {
        ClassLoader loader = OpenNlpLanguageDetector.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Language model not on classpath: " + MODEL_RESOURCE
                        + " (add org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new OpenNlpLanguageDetector(new LanguageDetectorModel(in));
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
        Language[] ranked = new LanguageDetectorME(model).predictLanguages(sample);
        return choose(ranked, declared);
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
        if (text == null) {
            return "";
        }
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
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
