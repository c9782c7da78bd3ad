package io.newsflow.enrich.entities.internal;

import io.newsflow.enrich.text.Words;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
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

    /** "U.S." and "U.S": letters each followed by a dot. */
    private static final Pattern DOTTED_LETTERS = Pattern.compile("(?:\\p{L}\\.)+");
    private static final java.util.Set<String> DOTTED = java.util.Set.of("Mr", "Mrs", "Ms", "Dr", "St", "Sen",
            "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt", "Jr", "Sr", "Prof", "Rev", "Inc", "Corp", "Ltd", "Co",
            "Mt", "Ft", "vs", "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Det", "Adm", "Maj", "Cpl", "No",
            "Hon", "Rt", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky", "La",
            "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Vt", "Va",
            "Wash", "Wis", "Wyo");
    /** A sentence the model ended after an initial or a title abbreviation continues ("Patrick W. Carlineo"). */
    private static final Pattern FALSE_END = Pattern.compile(
            "(?:\\p{Lu}\\.|(?:\\p{Lu}\\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Hon|Rt|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\\.)");
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
                if (endsFalsely(para, prev) && Character.isUpperCase(para.charAt(s.getStart()))) {
                    out.set(out.size() - 1, new Span(prev.getStart(), s.getEnd()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }

    /**
     * Whether the sentence's last word, after its last whitespace or "(", is an initial or a title abbreviation
     * ({@link #FALSE_END}). Only the last {@link #FALSE_END_TAIL} characters are read: merged sentences grow, and
     * reading each whole again would be quadratic in a run of initials. As with a regular expression's "$", one
     * line terminator at the very end is not part of the word.
     */
    static boolean endsFalsely(String para, Span s) {
        int limit = Math.max(s.getStart(), s.getEnd() - FALSE_END_TAIL);
        int end = s.getEnd();
        if (end > limit && isLineTerminator(para.charAt(end - 1))) {
            end -= end - 1 > limit && para.charAt(end - 1) == '\n' && para.charAt(end - 2) == '\r' ? 2 : 1;
        }
        int from = end;
        while (from > limit && !isSpaceOrParen(para.charAt(from - 1))) {
            from--;
        }
        if (from == limit && limit > s.getStart()) {
            return false; // the word began before the part read
        }
        return FALSE_END.matcher(para).region(from, end).matches();
    }

    /** The regular expression class {@code [\s(]}. */
    private static boolean isSpaceOrParen(char c) {
        return c == '(' || Words.isSpace(c);
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
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
        boolean wordSeen = false;
        for (int i = Words.nextNonSpace(text, from, to); i < to; ) {
            int end = tokenEnd(text, i, to);
            int before = out.size();
            addToken(out, text.substring(i, end), i, sentence, !wordSeen);
            for (int k = before; k < out.size() && !wordSeen; k++) {
                wordSeen = out.get(k).isWord();
            }
            i = Words.nextNonSpace(text, end, to);
        }
        return out;
    }

    /**
     * The end of the token starting at {@code i}, as
     * {@code (?:\p{L}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’&][\p{L}\p{M}\p{N}]+)*+\.?|\S} would match it: an
     * abbreviation with dots (U.S.), a word with inner apostrophes, hyphens or ampersands and perhaps a final dot, a
     * number, or else any one symbol. A scanner, not that expression: matching it was the largest part of
     * tokenising. Words are scanned in a loop, so a hyphenated run of thousands of parts ("a-a-a-...") cannot
     * overflow the stack.
     */
    static int tokenEnd(String text, int i, int to) {
        int dotted = i;
        int pairs = 0;
        while (dotted < to) {
            int cp = Character.codePointAt(text, dotted);
            int next = dotted + Character.charCount(cp);
            if (!Character.isLetter(cp) || next >= to || text.charAt(next) != '.') {
                break;
            }
            dotted = next + 1;
            pairs++;
        }
        if (pairs >= 2) {
            return dotted;
        }
        if (!Words.wordCharAt(text, i, to, true)) {
            return Words.codePointEnd(text, i);
        }
        int end = Words.joinedEnd(text, i, to, true, "-'’&");
        return end < to && text.charAt(end) == '.' ? end + 1 : end;
    }

    /** Adds one token; {@code first} says no word precedes it in the sentence. */
    private static void addToken(List<Token> out, String word, int start, int sentence, boolean first) {
        if (word.length() > 1 && word.endsWith(".") && !DOTTED_LETTERS.matcher(word).matches() && !isInitial(word)) {
            // A trailing dot belongs to the sentence unless the word is an abbreviation like "U.S." or "Mr.".
            addToken(out, word.substring(0, word.length() - 1), start, sentence, first);
            out.add(new Token(".", start + word.length() - 1, start + word.length(), "X", sentence, false));
            return;
        }
        if (isPossessive(word)) {
            int cut = word.length() - 2;
            out.add(new Token(word.substring(0, cut), start, start + cut, "X", sentence, first));
            out.add(new Token(word.substring(cut), start + cut, start + word.length(), "X", sentence, false));
            return;
        }
        out.add(new Token(word, start, start + word.length(), "X", sentence, first && Character.isLetter(word.charAt(0))));
    }

    /** "Omar's", "OMAR'S": a word, an apostrophe and s. */
    private static boolean isPossessive(String word) {
        int n = word.length();
        return n > 2 && (word.charAt(n - 1) == 's' || word.charAt(n - 1) == 'S')
                && (word.charAt(n - 2) == '\'' || word.charAt(n - 2) == '’');
    }

    private static boolean isInitial(String word) {
        // "J." in "J. K. Rowling" and title abbreviations ("Dr.", "Sen.") keep their dot.
        return word.length() == 2 && Character.isUpperCase(word.charAt(0))
                || DOTTED.contains(word.substring(0, word.length() - 1));
    }

    /** Spans between line breaks; a break is a newline and all whitespace after it. */
    static List<Span> paragraphs(String text) {
        List<Span> out = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            if (nl > start) {
                out.add(new Span(start, nl));
            }
            start = nl + 1;
            while (start < text.length() && Words.isSpace(text.charAt(start))) {
                start++;
            }
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
