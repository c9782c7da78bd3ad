package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Hostile or useless input gives a clear empty result, never an exception or a hang. */
class BadInputTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void reportsEmptyInput() {
        assertThat(extractor.extract(new byte[0], null, null).emptyReason()).isEqualTo("empty-input");
        assertThat(extractor.extract(null, null, null).emptyReason()).isEqualTo("empty-input");
        assertThat(extractor.extract("  \n\t ".getBytes(StandardCharsets.UTF_8), null, null).emptyReason())
                .isEqualTo("empty-input");
    }

    @Test
    void reportsBinaryInput() {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        ExtractedArticle a = extractor.extract(noise, "https://x.example/a.png", null);
        assertThat(a.emptyReason()).isEqualTo("binary");
        assertThat(a.text()).isEmpty();
    }

    @Test
    void readsPageWithOneNulByteNearTheStart() {
        byte[] page = Fixtures.page(Fixtures.prose(1) + Fixtures.prose(2));
        page[40] = 0;
        ExtractedArticle a = extractor.extract(page, null, null);
        assertThat(a.emptyReason()).isNull();
        assertThat(a.text()).contains("Paragraph 1", "Paragraph 2");
    }

    @Test
    void refusesFilesWithKnownBinarySignaturesEvenWhenTheRestLooksLikeText() {
        byte[] html = Fixtures.page(Fixtures.prose(1) + Fixtures.prose(2));
        for (String magic : new String[] {"\u0089PNG\r\n\u001a\n", "\u00ff\u00d8\u00ff", "GIF89a", "%PDF-", "PK\u0003\u0004"}) {
            byte[] prefix = magic.getBytes(StandardCharsets.ISO_8859_1);
            byte[] input = Arrays.copyOf(prefix, prefix.length + html.length);
            System.arraycopy(html, 0, input, prefix.length, html.length);
            assertThat(extractor.extract(input, null, null).emptyReason()).as(magic).isEqualTo("binary");
        }
    }

    @Test
    void reportsNonHtmlContentType() {
        ExtractedArticle a = extractor.extract("%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), null,
                "application/pdf");
        assertThat(a.emptyReason()).isEqualTo("not-html");
    }

    @Test
    void reportsPlainTextWithoutMarkupAsNotHtml() {
        ExtractedArticle a = extractor.extract("just some words".getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(a.emptyReason()).isEqualTo("not-html");
    }

    @Test
    void reportsHomePageAsHavingNoArticle() {
        ExtractedArticle a = extractor.extract(Fixtures.bytes("home-page.html"), null, null);
        assertThat(a.text()).isEmpty();
        assertThat(a.emptyReason()).isEqualTo("no-article-content");
        assertThat(a.siteName()).isEqualTo("Daily Planet");
    }

    @Test
    void readsGzipCompressedBody() throws IOException {
        ExtractedArticle a = extractor.extract(gzip(Fixtures.bytes("news-article.html")), null, null);
        assertThat(a.text()).contains("Riverton's old dockyard");
    }

    @Test
    void keepsWhatDecompressesFromTruncatedGzip() throws IOException {
        byte[] gz = gzip(Fixtures.bytes("news-article.html"));
        ExtractedArticle a = extractor.extract(Arrays.copyOf(gz, gz.length * 2 / 3), null, null);
        assertThat(a.emptyReason()).isIn(null, "no-article-content");
        assertThat(a.title()).isEqualTo("Council approves new riverside park after five-year campaign");
    }

    @Test
    void survivesTenThousandLevelsOfNesting() {
        String html = "<html><body>" + "<div>".repeat(10_000) + Fixtures.prose(1) + Fixtures.prose(2)
                + "</div>".repeat(10_000) + "</body></html>";
        // The timeout only stops a hang; it asserts no speed.
        ExtractedArticle a = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> extractor.extract(html.getBytes(StandardCharsets.UTF_8), null, null));
        assertThat(a.text()).contains("Paragraph 1", "Paragraph 2");
    }

    @Test
    void truncatesHugePageAndFlagsIt() {
        String para = Fixtures.prose(7) + "\n";
        StringBuilder sb = new StringBuilder("<html><body><article>");
        while (sb.length() < 20_000_000) {
            sb.append(para);
        }
        ExtractedArticle a = extractor.extract(sb.toString().getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(a.truncated()).isTrue();
        assertThat(a.text()).startsWith("Paragraph 7").hasSizeLessThan(ExtractorOptions.DEFAULT_MAX_INPUT_BYTES);
    }

    @Test
    void givesSameResultWhenSharedAcrossThreads() throws Exception {
        byte[] page = Fixtures.bytes("news-article.html");
        String expected = extractor.extract(page, null, null).text();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> extractor.extract(page, null, null).text()));
            }
            for (java.util.concurrent.Future<String> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsNonsensicalOptions() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExtractorOptions(10, 512, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxInputBytes");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
