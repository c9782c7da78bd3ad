package io.newsflow.enrich.entities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.TrickyText;
import io.newsflow.enrich.text.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/**
 * The tokeniser's scanners against the regular expressions they replaced, kept here as the specification: the
 * tokens of a region, where a sentence ends falsely (an initial or a title abbreviation), and paragraph spans.
 */
class TextAnalyzerScanTest {

    private static final Pattern TOKEN = Pattern.compile(
            "(?:\\p{L}\\.){2,}|[\\p{L}\\p{M}\\p{N}]+(?:[-'’&][\\p{L}\\p{M}\\p{N}]+)*+\\.?|\\S");
    private static final Pattern FALSE_END = Pattern.compile(
            "(?:^|[\\s(])(?:\\p{Lu}\\.|(?:\\p{Lu}\\.){2,}|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Hon|Rt|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\\.)$");
    private static final int TAIL = 64;
    private static final Pattern PARAGRAPH = Pattern.compile("\\n\\s*");
    private static final int STRINGS = 20_000;

    @Test
    void tokensOfARegionAreTheExpressionsMatches() {
        Random random = new Random(4);
        for (int k = 0; k < STRINGS; k++) {
            String s = TrickyText.next(random, 30);
            int from = boundary(s, random.nextInt(s.length() + 1));
            int to = boundary(s, from + random.nextInt(s.length() - from + 1));
            List<String> expected = new ArrayList<>();
            Matcher m = TOKEN.matcher(s).region(from, to);
            while (m.find()) {
                expected.add(m.group());
            }
            List<String> scanned = new ArrayList<>();
            for (int i = Words.nextNonSpace(s, from, to); i < to; ) {
                int end = TextAnalyzer.tokenEnd(s, i, to);
                scanned.add(s.substring(i, end));
                i = Words.nextNonSpace(s, end, to);
            }
            assertThat(scanned).as("%s [%d, %d)", TrickyText.escaped(s), from, to).isEqualTo(expected);
        }
    }

    @Test
    void aSentenceEndsFalselyWhereTheExpressionFoundItInItsTail() {
        Random random = new Random(5);
        int falseEnds = 0;
        for (int k = 0; k < STRINGS; k++) {
            String s = TrickyText.next(random, 40) + (random.nextBoolean() ? " Mr." : "")
                    + (random.nextInt(4) == 0 ? "\r\n" : "");
            if (s.isEmpty()) {
                continue;
            }
            int start = random.nextInt(s.length());
            int end = start + 1 + random.nextInt(s.length() - start);
            Span span = new Span(start, end);
            boolean expected = FALSE_END.matcher(tail(s, span)).find();
            falseEnds += expected ? 1 : 0;
            assertThat(TextAnalyzer.endsFalsely(s, span)).as("%s [%d, %d)", TrickyText.escaped(s), start, end)
                    .isEqualTo(expected);
        }
        assertThat(falseEnds).as("cases where the sentence does end falsely").isGreaterThan(STRINGS / 20);
    }

    @Test
    void paragraphsAreTheSpansBetweenBreaks() {
        Random random = new Random(6);
        for (int k = 0; k < STRINGS; k++) {
            String s = TrickyText.next(random, 30);
            List<Span> expected = new ArrayList<>();
            Matcher m = PARAGRAPH.matcher(s);
            int start = 0;
            while (m.find()) {
                if (m.start() > start) {
                    expected.add(new Span(start, m.start()));
                }
                start = m.end();
            }
            if (start < s.length()) {
                expected.add(new Span(start, s.length()));
            }
            assertThat(TextAnalyzer.paragraphs(s)).as("%s", TrickyText.escaped(s)).isEqualTo(expected);
        }
    }

    /** The replaced code's window: the sentence's last characters, cut ones marked so that "^" cannot match. */
    private static String tail(String para, Span s) {
        int from = s.getEnd() - TAIL;
        return from <= s.getStart() ? para.substring(s.getStart(), s.getEnd()) : "x" + para.substring(from, s.getEnd());
    }

    private static int boundary(String s, int i) {
        return TrickyText.isBoundary(s, i) ? i : i - 1;
    }
}
