package io.newsflow.enrich.entities;

import io.newsflow.enrich.entities.internal.Candidate;
import io.newsflow.enrich.entities.internal.Classification;
import io.newsflow.enrich.entities.internal.Lexicon;
import io.newsflow.enrich.entities.internal.Resolver;
import io.newsflow.enrich.entities.internal.TextAnalyzer;
import io.newsflow.enrich.entities.internal.Token;
import io.newsflow.enrich.entities.tagger.Labels;
import io.newsflow.enrich.entities.tagger.TaggerModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The default recognizer: a sequence tagger trained on CoNLL-2003 English newswire (see {@link TaggerModel})
 * finds and types the names, then the in-article rules of the rule-based recognizer group them into entities,
 * name each by its fullest form or gazetteer name ("U.S." → "United States"), attach short forms ("Hoyle" →
 * "Lindsay Hoyle") and score salience.
 *
 * <p>The model knows English only. Articles in other languages go to the rule-based recognizer, which keeps to
 * names its word lists and the structure of names vouch for (see the README for what that finds).
 */
public final class TrainedEntityRecognizer implements EntityRecognizer {

    private final TextAnalyzer analyzer;
    private final TaggerModel model;
    private final Lexicon lexicon;
    private final Resolver resolver = new Resolver(true);
    private final EntityRecognizer otherLanguages;

    TrainedEntityRecognizer(TextAnalyzer analyzer, TaggerModel model, Lexicon lexicon,
            EntityRecognizer otherLanguages) {
        this.analyzer = analyzer;
        this.model = model;
        this.lexicon = lexicon;
        this.otherLanguages = otherLanguages;
    }

    /** The shipped model; load once and share (thread-safe). */
    public static TrainedEntityRecognizer fromClasspath() {
        return withModel(TaggerModel.fromClasspath());
    }

    /** A recognizer with a model of your own (see {@code newsflow entities train}). */
    public static TrainedEntityRecognizer withModel(TaggerModel model) {
        return new TrainedEntityRecognizer(TextAnalyzer.fromClasspath(), model, Lexicon.load(),
                RuleBasedEntityRecognizer.fastFromClasspath());
    }

    @Override
    public List<Entity> recognize(String title, String text, String language) {
        boolean english = language == null || "en".equals(language) || "und".equals(language);
        if (!english) {
            return otherLanguages.recognize(title, text, language);
        }
        String body = text == null ? "" : text;
        String head = title == null ? "" : title;
        List<List<Token>> titleSentences = analyzer.analyze(head, false);
        List<List<Token>> bodySentences = analyzer.analyze(body, false);
        List<String[]> sentences = new ArrayList<>(titleSentences.size() + bodySentences.size());
        titleSentences.forEach(s -> sentences.add(words(s)));
        bodySentences.forEach(s -> sentences.add(words(s)));
        List<List<Labels.Span>> spans = model.tag(sentences, titleSentences.size());
        List<Candidate> candidates = new ArrayList<>();
        List<Candidate> inHeadings = new ArrayList<>();
        Set<String> confirmed = new HashSet<>();
        for (int s = 0; s < sentences.size(); s++) {
            boolean inTitle = s < titleSentences.size();
            List<Token> tokens = inTitle ? titleSentences.get(s) : bodySentences.get(s - titleSentences.size());
            String source = inTitle ? head : body;
            boolean heading = !inTitle && heading(sentences.get(s));
            for (Labels.Span span : spans.get(s)) {
                Candidate c = candidate(tokens, span, source, inTitle);
                if (heading) {
                    inHeadings.add(c);
                } else {
                    candidates.add(c);
                    c.words().forEach(w -> confirmed.add(w.toLowerCase(Locale.ROOT)));
                }
            }
        }
        for (Candidate c : inHeadings) {
            // In a heading every word is capitalised, so capitals prove nothing: the model, which learnt title
            // case from results tables, reads link lists of headlines ("Woman Found Dead In Plano Apartment") as
            // names. Keep a heading's name when the prose names it too or a gazetteer knows it.
            if (c.cls().canonical() != null || c.words().stream().allMatch(w -> confirmed.contains(
                    w.toLowerCase(Locale.ROOT)))) {
                candidates.add(c);
            }
        }
        candidates.sort(Comparator.comparing(Candidate::inTitle).reversed().thenComparingInt(Candidate::start));
        return resolver.resolve(candidates);
    }

    /**
     * A line written like a heading or a link to another story: title case, at least three words, no figures and
     * no list punctuation (results tables and lists of names keep theirs: "Hendrik Dreekmann ( Germany ) beat
     * ...", "Tiger Woods , Steve Jurgenson ,"), and no sentence end.
     */
    private static boolean heading(String[] words) {
        if (words.length < 3 || !TaggerModel.titleCase(words)) {
            return false;
        }
        for (String w : words) {
            if (w.chars().anyMatch(c -> Character.isDigit(c) || ",;:()[]".indexOf(c) >= 0)) {
                return false;
            }
        }
        String last = words[words.length - 1];
        return !(last.equals(".") || last.equals("?") || last.equals("!") || last.equals("\""));
    }

    private Candidate candidate(List<Token> tokens, Labels.Span span, String source, boolean inTitle) {
        Token first = tokens.get(span.start());
        Token last = tokens.get(span.end() - 1);
        String surface = source.substring(first.start(), last.end());
        List<String> words = new ArrayList<>(span.end() - span.start());
        for (int i = span.start(); i < span.end(); i++) {
            words.add(tokens.get(i).text());
        }
        EntityType type = Labels.entityType(span.type());
        String canonical = switch (type) {
            case LOCATION -> lexicon.location(surface);
            case ORGANIZATION -> lexicon.organization(surface);
            default -> null;
        };
        return new Candidate(first.start(), last.end(), surface, words, new Classification(type, 2, canonical),
                inTitle, inTitle ? 0 : first.sentence(), false);
    }

    /**
     * The tokens as the tagger reads them: typographic quotes, apostrophes and dashes in the ASCII forms of its
     * newswire training text, so that "WeWork’s" and “We” read like "WeWork's" and "We" (offsets are unchanged:
     * each replacement is one character for one).
     */
    public static String[] words(List<Token> sentence) {
        String[] out = new String[sentence.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ascii(sentence.get(i).text());
        }
        return out;
    }

    static String ascii(String token) {
        StringBuilder sb = null;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char r = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u2032', '\u00B4' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\u2033' -> '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                default -> c;
            };
            if (r != c && sb == null) {
                sb = new StringBuilder(token);
            }
            if (sb != null) {
                sb.setCharAt(i, r);
            }
        }
        return sb == null ? token : sb.toString();
    }
}
