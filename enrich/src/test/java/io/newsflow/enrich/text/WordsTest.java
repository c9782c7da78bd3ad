package io.newsflow.enrich.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.IntBinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each scanner against the regular expression it stands for, on random strings of awkward pieces. */
class WordsTest {

    private static final int STRINGS = 20_000;

    @Test
    void countIsTheNumberOfLetterAndNumberRuns() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}]+");
        forRandomStrings(1, s -> assertThat(Words.count(s)).isEqualTo(matches(word, s).size()));
    }

    @Test
    void wordOrSymbolScansAsItsExpression() {
        Pattern token = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*+|[^\\s\\p{L}\\p{N}]");
        forRandomStrings(2, s -> assertThat(scan(s, Words::nextNonSpace,
                (i, to) -> Words.wordOrSymbolEnd(s, i, to, "-'’"))).isEqualTo(matches(token, s)));
    }

    @Test
    void wordsWithAmpersandsScanAsTheirExpression() {
        Pattern word = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}&]*");
        forRandomStrings(3, s -> assertThat(scan(s, Words::nextLetterOrNumber,
                (i, to) -> Words.runEnd(s, i, to, false, "&"))).isEqualTo(matches(word, s)));
    }

    /** Runs the check on many random strings, naming the string (escaped) when it fails. */
    private static void forRandomStrings(long seed, Consumer<String> check) {
        Random random = new Random(seed);
        for (int k = 0; k < STRINGS; k++) {
            String s = TrickyText.next(random, 30);
            assertThatCode(() -> check.accept(s)).as("%s", TrickyText.escaped(s)).doesNotThrowAnyException();
        }
    }

    @Test
    void aHyphenatedRunOfManyPartsIsOneWord() {
        String s = "a-".repeat(200_000) + "a";
        assertThat(Words.wordOrSymbolEnd(s, 0, s.length(), "-")).isEqualTo(s.length());
    }

    /** Next start, then the scanner's end, as a regular expression's find loop would. */
    interface Start {
        int next(CharSequence s, int from, int to);
    }

    static List<String> scan(String s, Start start, IntBinaryOperator end) {
        List<String> out = new ArrayList<>();
        int to = s.length();
        for (int i = start.next(s, 0, to); i < to; ) {
            int e = end.applyAsInt(i, to);
            out.add(s.substring(i, e));
            i = start.next(s, e, to);
        }
        return out;
    }

    static List<String> matches(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
