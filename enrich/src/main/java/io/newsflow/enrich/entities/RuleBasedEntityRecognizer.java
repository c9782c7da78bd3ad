package io.newsflow.enrich.entities;

import io.newsflow.enrich.entities.internal.Candidate;
import io.newsflow.enrich.entities.internal.Chunk;
import io.newsflow.enrich.entities.internal.Chunker;
import io.newsflow.enrich.entities.internal.Classification;
import io.newsflow.enrich.entities.internal.Classifier;
import io.newsflow.enrich.entities.internal.DocContext;
import io.newsflow.enrich.entities.internal.Lexicon;
import io.newsflow.enrich.entities.internal.Resolver;
import io.newsflow.enrich.entities.internal.TextAnalyzer;
import io.newsflow.enrich.entities.internal.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default, Apache-licensed recognizer: OpenNLP's English sentence and part-of-speech models plus
 * capitalisation rules, context cues and general-knowledge gazetteers, then in-article resolution of short
 * forms. Light (about 1.5 MB of models) and thread-safe; load once with {@link #fromClasspath()}. Tuned for
 * English; for other languages only gazetteer and name-structure matches are returned.
 */
public final class RuleBasedEntityRecognizer implements EntityRecognizer {

    /** A headline with this share of capitalised words is in title case and says little by capitals. */
    private static final double TITLE_CASE_SHARE = 0.6;

    private final TextAnalyzer analyzer;
    private final Chunker chunker;
    private final Classifier classifier;
    private final Resolver resolver = new Resolver();
    private final boolean posTagging;

    private RuleBasedEntityRecognizer(TextAnalyzer analyzer, Lexicon lexicon, boolean posTagging) {
        this.analyzer = analyzer;
        this.chunker = new Chunker(lexicon);
        this.classifier = new Classifier(lexicon);
        this.posTagging = posTagging;
    }

    /** Loads the models and word lists from the classpath; share the instance. */
    public static RuleBasedEntityRecognizer fromClasspath() {
        return new RuleBasedEntityRecognizer(TextAnalyzer.fromClasspath(), Lexicon.load(), true);
    }

    /**
     * A variant without part-of-speech tagging, about three times faster and about 1.5 F1 points less accurate
     * on the development set (see the evaluation in the test sources); for backfills where speed matters most.
     */
    public static RuleBasedEntityRecognizer fastFromClasspath() {
        return new RuleBasedEntityRecognizer(TextAnalyzer.fromClasspath(), Lexicon.load(), false);
    }

    @Override
    public List<Entity> recognize(String title, String text, String language) {
        String body = text == null ? "" : text;
        boolean english = language == null || "en".equals(language) || "und".equals(language);
        List<List<Token>> sentences = analyzer.analyze(body, english && posTagging);
        DocContext doc = DocContext.of(sentences);
        List<Candidate> bodyNames = new ArrayList<>();
        List<List<Token>> headings = new ArrayList<>();
        for (List<Token> sentence : sentences) {
            if (isTitleCase(List.of(sentence)) && !endsLikeProse(sentence)) {
                headings.add(sentence); // link lists and sub-headings: read after the prose, see below
            } else {
                bodyNames.addAll(candidates(sentence, doc, body, false));
            }
        }
        bodyNames.addAll(headingCandidates(headings, doc, body, bodyNames));
        bodyNames.sort(java.util.Comparator.comparingInt(Candidate::start));
        List<Candidate> candidates = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            candidates.addAll(titleCandidates(title, english, doc, bodyNames));
        }
        candidates.addAll(bodyNames);
        if (!english) {
            // Capitalisation and the English cues say little in other languages (German capitalises every
            // noun): keep only what the word lists and name structure vouch for.
            candidates.removeIf(c -> c.cls().strength() < 3);
        }
        return resolver.resolve(upgradeSurnames(candidates));
    }

    /** An unknown two- or three-word name whose last word recurs on its own is a person ("Michael Webb" ... "Webb"). */
    private static List<Candidate> upgradeSurnames(List<Candidate> candidates) {
        Set<String> singles = new HashSet<>();
        Set<String> modifiers = new HashSet<>();
        for (Candidate c : candidates) {
            if (c.words().size() == 1 && c.cls().strength() < 3) {
                singles.add(c.words().get(0));
            }
            if (c.modifier()) {
                modifiers.add(String.join(" ", c.words()));
            }
        }
        List<Candidate> out = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            int n = c.words().size();
            boolean guess = c.cls().strength() == 1 && c.cls().type() != EntityType.ORGANIZATION && n > 1 && n <= 3;
            String last = c.words().get(n - 1);
            boolean usedAsModifier = modifiers.contains(String.join(" ", c.words())) || modifiers.contains(last);
            if (guess && singles.contains(last) && !usedAsModifier
                    && c.words().stream().allMatch(RuleBasedEntityRecognizer::nameLike)) {
                out.add(c.withClassification(new Classification(EntityType.PERSON, 2, null)));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean nameLike(String w) {
        return Character.isUpperCase(w.charAt(0)) && w.chars().noneMatch(Character::isDigit);
    }

    private List<Candidate> candidates(List<Token> sentence, DocContext doc, String source, boolean inTitle) {
        List<Candidate> out = new ArrayList<>();
        for (Chunk chunk : chunker.chunks(sentence, doc.knownCaps())) {
            String surface = source.substring(chunk.start(), chunk.end());
            Classification cls = classifier.classify(chunk, surface, doc);
            if (cls.type() != null) {
                List<String> words = chunk.tokens().stream().map(Token::text).toList();
                Token next = chunk.after(1);
                boolean modifier = next != null && "NOUN".equals(next.pos());
                out.add(new Candidate(chunk.start(), chunk.end(), surface, words, cls, inTitle,
                        inTitle ? 0 : chunk.first().sentence(), modifier));
            }
        }
        return out;
    }

    /**
     * In title-case lines every word is capitalised, so capitals prove nothing: keep only names the prose also
     * uses and names the gazetteers know.
     */
    private List<Candidate> headingCandidates(List<List<Token>> headings, DocContext doc, String body,
            List<Candidate> prose) {
        Set<String> known = new HashSet<>();
        prose.forEach(c -> known.add(c.surface()));
        List<Candidate> out = new ArrayList<>();
        for (List<Token> h : headings) {
            for (Candidate c : candidates(h, doc, body, false)) {
                if (known.contains(c.surface()) || c.cls().canonical() != null) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private static boolean endsLikeProse(List<Token> sentence) {
        String last = sentence.get(sentence.size() - 1).text();
        return last.endsWith(".") || "?".equals(last) || "!".equals(last) || "”".equals(last) || "\"".equals(last);
    }

    /** Title-case headlines only confirm names found in the body; others are read like a sentence. */
    private List<Candidate> titleCandidates(String title, boolean english, DocContext doc, List<Candidate> bodyNames) {
        List<List<Token>> parts = analyzer.analyze(title, english && posTagging);
        if (!isTitleCase(parts)) {
            List<Candidate> out = new ArrayList<>();
            parts.forEach(p -> out.addAll(candidates(p, doc, title, true)));
            return out;
        }
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Candidate c : bodyNames) {
            if (!seen.add(c.surface()) || !title.contains(c.surface())) {
                continue; // a name not in the headline at all needs no pattern compiled (pages have thousands)
            }
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(c.surface()) + "(?![\\p{L}\\p{N}])")
                    .matcher(title);
            while (m.find()) {
                out.add(new Candidate(m.start(), m.end(), c.surface(), c.words(), c.cls(), true, 0, c.modifier()));
            }
        }
        return out;
    }

    private static boolean isTitleCase(List<List<Token>> parts) {
        int words = 0;
        int caps = 0;
        for (List<Token> p : parts) {
            for (Token t : p) {
                if (t.isWord() && t.text().length() > 3 && !t.isAllCaps()) {
                    words++;
                    caps += Character.isUpperCase(t.text().charAt(0)) ? 1 : 0;
                }
            }
        }
        return words > 2 && caps >= TITLE_CASE_SHARE * words;
    }
}
