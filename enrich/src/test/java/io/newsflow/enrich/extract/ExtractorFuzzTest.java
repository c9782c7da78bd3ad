package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the extractor with arbitrary bytes. The normal suite replays the inputs under
 * {@code src/test/resources/io/newsflow/enrich/extract/ExtractorFuzzTestInputs/<method>/}; {@code -Pfuzz}
 * fuzzes (see the enrich POM). Documented behaviour: no exception, ever, and no control character out.
 */
class ExtractorFuzzTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    @FuzzTest(maxDuration = "5m")
    void extractsAnyBytesWithinItsInvariants(byte[] page) {
        ExtractedArticle a = EXTRACTOR.extract(page, null, null);
        // The last-resort guard turns a parser or extractor bug into this reason: for the fuzzer it is a crash.
        assertThat(String.valueOf(a.emptyReason())).doesNotStartWith("extraction-error");
        boolean gzip = page.length > 2 && (page[0] & 0xff) == 0x1f && (page[1] & 0xff) == 0x8b;
        assertThat(a.text().length()).isLessThanOrEqualTo(gzip ? ExtractorOptions.DEFAULT_MAX_INPUT_BYTES : page.length);
        assertThat(a.text().isEmpty()).isEqualTo(a.emptyReason() != null);
        BadInputCorpusTest.assertNoControlCharacters(a);
    }
}
