package io.newsflow.enrich.entities.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Splits text into sentences and tokens and tags English with OpenNLP's UD part-of-speech model.
 * Thread-safe: the models are shared and the stateful OpenNLP taggers are kept per thread.
 */
public final class TextAnalyzer {

    /** Classpath names of the OpenNLP 1.3 English models (opennlp-models-sentdetect-en, -pos-en). */
    static final String SENTENCE_MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    static final String POS_MODEL = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    /** Abbreviations with dots (U.S.), words with inner apostrophes or hyphens, numbers, then any other symbol. */
    // Possessive group repetition: a greedy one recurses once per repetition, and a hyphenated run of a few
    // thousand parts ("a-a-a-...") overflows the stack. Nothing after the group ever needs it to give back.
    private static final Pattern TOKEN = Pattern.compile(
            "(?:\\p{L}\\.){2,}|[\\p{L}\\p{M}\\p{N}]+(?:[-'’&][\\p{L}\\p{M}\\p{N}]+)*+\\.?|\\S");
    private static final Pattern POSSESSIVE = Pattern.compile("(?i).+['’]s");
    private static final java.util.Set<String> DOTTED = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Sen",
            "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Jr", "Sr", "Prof", "Rev", "Inc", "Corp", "Ltd", "Co",
            "Mt", "Ft", "vs", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Det", "Adm", "Maj", "Cpl", "No",
            "Hon", "Rt", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
            "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va",
            "Wash", "Wis", "Wyo");
    /** A sentence the model ended after an initial or a title abbreviation continues ("Patrick W. Carlineo"). */
    private static final Pattern FALSE_END = Pattern.compile(
            "(?:^|[\\s(])(?:\\p{Lu}\\.|(?:\\p{Lu}\\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Hon|Rt|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\\.)$");
    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*");
    /**
     * The sentence model looks from each candidate sentence end to the surrounding whitespace, so its work grows
     * with the square of the longest run without whitespace ("x.x.x.x..." or "!!!!..."): it is shown such runs
     * broken by a space every this many characters. URLs and other real words are shorter.
     */
    static final int MAX_RUN_CHARS = 256;
    /**
     * Longer sentences are read in pieces of this many tokens: the name rules look along the sentence from each
     * candidate, and no prose sentence is this long (only link lists and generated text are).
     */
    static final int MAX_SENTENCE_TOKENS = 256;
    private static final int FALSE_END_TAIL = 64;

    private final ThreadLocal<SentenceDetectorME> sentences;
    private final MaxentModel posModel;
    private final ThreadLocal<POSContextGenerator> posContext;

    private TextAnalyzer(SentenceModel sentenceModel, POSModel posModel) {
        sentences = ThreadLocal.withInitial(() -> new SentenceDetectorME(sentenceModel));
        this.posModel = posModel.getArtifact("pos.model");
        posContext = ThreadLocal.withInitial(() -> posModel.getFactory().getPOSContextGenerator());
    }

    /** Loads the English models from the classpath. */
    public static TextAnalyzer fromClasspath() {
        try (InputStream s = open(SENTENCE_MODEL); InputStream p = open(POS_MODEL)) {
            return new TextAnalyzer(new SentenceModel(s), new POSModel(p));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load OpenNLP English models", e);
        }
    }

    /** Tokenises text into sentences; English part-of-speech tags are added when {@code english} is true. */
    public List<List<Token>> analyze(String text, boolean english) {
        List<List<Token>> out = new ArrayList<>();
        int sentence = 0;
        for (Span para : paragraphs(text)) {
            String p = text.substring(para.getStart(), para.getEnd());
            for (Span s : mergeFalseEnds(p, detectSentences(p))) {
                List<Token> tokens = tokenize(text, para.getStart() + s.getStart(), para.getStart() + s.getEnd(),
                        sentence);
                if (tokens.isEmpty()) {
                    continue;
                }
                sentence++;
                // The pieces of an overlong sentence keep its index, so sentence positions (the lead) stay true.
                for (int from = 0; from < tokens.size(); from += MAX_SENTENCE_TOKENS) {
                    List<Token> piece = tokens.subList(from, Math.min(tokens.size(), from + MAX_SENTENCE_TOKENS));
                    out.add(english ? tag(piece) : List.copyOf(piece));
                }
            }
        }
        return out;
    }

    /** Sentence spans of one paragraph; offsets are the paragraph's, as runs are broken in place. */
    private List<Span> detectSentences(String para) {
        return List.of(sentences.get().sentPosDetect(breakLongRuns(para)));
    }

    /** The text with every {@link #MAX_RUN_CHARS}th character of a run without whitespace made a space. */
    static CharSequence breakLongRuns(String text) {
        char[] chars = null;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                run = 0;
            } else if (++run > MAX_RUN_CHARS) {
                chars = chars == null ? text.toCharArray() : chars;
                chars[i] = ' ';
                run = 0;
            }
        }
        return chars == null ? text : new String(chars);
    }

    private static List<Span> mergeFalseEnds(String para, List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span s : spans) {
            if (!out.isEmpty()) {
                Span prev = out.get(out.size() - 1);
                if (FALSE_END.matcher(tail(para, prev)).find()
                        && Character.isUpperCase(para.charAt(s.getStart()))) {
                    out.set(out.size() - 1, new Span(prev.getStart(), s.getEnd()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The end of a sentence, enough for {@link #FALSE_END}: merged sentences grow, and reading each whole again
     * would be quadratic in a run of initials. A cut tail starts with a letter so that "^" cannot match there.
     */
    private static String tail(String para, Span s) {
        int from = s.getEnd() - FALSE_END_TAIL;
        return from <= s.getStart() ? para.substring(s.getStart(), s.getEnd()) : "x" + para.substring(from, s.getEnd());
    }

    private List<Token> tag(List<Token> tokens) {
        String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
        String[] tags = greedyTags(words);
        List<Token> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < words.length; i++) {
            Token t = tokens.get(i);
            out.add(new Token(t.text(), t.start(), t.end(), tags[i], t.sentence(), t.sentenceStart()));
        }
        return out;
    }

    /**
     * Tags left to right keeping only the best tag (beam size 1): the same tags as OpenNLP's default beam of 3 on
     * our development texts, at about half the cost.
     */
    private String[] greedyTags(String[] words) {
        POSContextGenerator cg = posContext.get();
        String[] tags = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            tags[i] = posModel.getBestOutcome(posModel.eval(cg.getContext(i, words, tags, null)));
        }
        return tags;
    }

    private static List<Token> tokenize(String text, int from, int to, int sentence) {
        List<Token> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text).region(from, to);
        boolean wordSeen = false;
        while (m.find()) {
            int before = out.size();
            addToken(out, m.group(), m.start(), sentence, !wordSeen);
            for (int i = before; i < out.size() && !wordSeen; i++) {
                wordSeen = out.get(i).isWord();
            }
        }
        return out;
    }

    /** Adds one token; {@code first} says no word precedes it in the sentence. */
    private static void addToken(List<Token> out, String word, int start, int sentence, boolean first) {
        if (word.length() > 1 && word.endsWith(".") && !word.matches("(?:\\p{L}\\.)+") && !isInitial(word)) {
            // A trailing dot belongs to the sentence unless the word is an abbreviation like "U.S." or "Mr.".
            addToken(out, word.substring(0, word.length() - 1), start, sentence, first);
            out.add(new Token(".", start + word.length() - 1, start + word.length(), "X", sentence, false));
            return;
        }
        if (POSSESSIVE.matcher(word).matches() && word.length() > 2) {
            int cut = word.length() - 2;
            out.add(new Token(word.substring(0, cut), start, start + cut, "X", sentence, first));
            out.add(new Token(word.substring(cut), start + cut, start + word.length(), "X", sentence, false));
            return;
        }
        out.add(new Token(word, start, start + word.length(), "X", sentence, first && Character.isLetter(word.charAt(0))));
    }

    private static boolean isInitial(String word) {
        // "J." in "J. K. Rowling" and title abbreviations ("Dr.", "Sen.") keep their dot.
        return word.length() == 2 && Character.isUpperCase(word.charAt(0))
                || DOTTED.contains(word.substring(0, word.length() - 1));
    }

    private static List<Span> paragraphs(String text) {
        List<Span> out = new ArrayList<>();
        Matcher m = PARAGRAPH.matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.start() > start) {
                out.add(new Span(start, m.start()));
            }
            start = m.end();
        }
        if (start < text.length()) {
            out.add(new Span(start, text.length()));
        }
        return out;
    }

    private static InputStream open(String name) {
        InputStream in = TextAnalyzer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("OpenNLP model not on classpath: " + name);
        }
        return in;
    }
}
