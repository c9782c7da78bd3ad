package io.newsflow.enrich.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.TrickyText;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MinHashTest {

    static final String STORY = "A case of the bubonic plague was reported in China over the weekend, after two people"
            + " there were diagnosed with the pneumonic plague last week. The new patient from Xilingol in Inner"
            + " Mongolia hunted and ate a wild rabbit on Nov. 5, according to the state-run news agency. The person,"
            + " who was not identified, was hospitalized in the county of Huade, the agency said, citing the regional"
            + " health commission. A total of 28 people who were in close contact with the patient were put under"
            + " medical quarantine. No one has shown symptoms such as fever, so far, the commission said. The"
            + " incident comes after two other patients were quarantined at a hospital in Beijing.";
    static final String OTHER = "The Eagles led 14-7 at halftime before scoring 24 points in the third quarter for a"
            + " 38-10 bulge. The quarterback was intercepted three times and lost a fumble, while the running back"
            + " rushed for 112 yards on 30 carries. The three previous games between these programs went to overtime.";

    @Test
    void scoresIdenticalTextsOneWhateverThePunctuationAndCase() {
        Signature a = MinHash.signature(STORY);
        Signature b = MinHash.signature(STORY.toUpperCase(java.util.Locale.ROOT).replace(",", ""));
        assertThat(a.similarity(b)).isEqualTo(1.0);
        assertThat(MinHash.contentHash(STORY)).isEqualTo(MinHash.contentHash(STORY.replace(",", " ,")));
    }

    /**
     * The stored hashes (exact-duplicate buckets, revisions) were made with a regular expression: the scanner
     * that replaced it must give the same normal form, so that copies from before an upgrade are still found.
     */
    @Test
    void normalisesAsTheRegularExpressionTheStoredHashesWereMadeWith() {
        Pattern separators = Pattern.compile("[^\\p{L}\\p{N}]+");
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            String s = TrickyText.next(random, 12);
            String expected = separators.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
            assertThat(MinHash.normalised(s)).as(TrickyText.escaped(s)).isEqualTo(expected);
        }
        assertThat(MinHash.normalised(" İstanbul, U.S. — ½ 𝐀! ")).isEqualTo("i stanbul u s ½ 𝐀");
    }

    @Test
    void scoresATrimmedCopyAsContainedInTheOriginal() {
        String trimmed = STORY.substring(0, STORY.indexOf("A total of"));
        assertThat(MinHash.signature(STORY).similarity(MinHash.signature(trimmed))).isGreaterThan(0.7);
    }

    @Test
    void scoresUnrelatedTextsNearZero() {
        assertThat(MinHash.signature(STORY).similarity(MinHash.signature(OTHER))).isLessThan(0.15);
    }

    @Test
    void roundTripsThroughBytes() {
        Signature s = MinHash.signature(STORY);
        assertThat(Signature.fromBytes(s.toBytes())).isEqualTo(s);
        assertThat(s.bandKeys()).hasSize(MinHash.BANDS).doesNotHaveDuplicates();
    }
}
