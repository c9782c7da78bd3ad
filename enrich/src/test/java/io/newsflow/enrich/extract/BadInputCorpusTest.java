package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsflow.enrich.HostileText;
import io.newsflow.enrich.steps.StepChain;
import io.newsflow.schemas.avro.EnrichedArticle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken pages, each with the outcome the extractor owes it: a clear empty reason or the text that
 * is there, never an exception, a hang or a control character in what it outputs. Large inputs are generated
 * here, never committed. The timeout only stops a hang; it asserts no speed.
 */
class BadInputCorpusTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();
    private static final Duration HANG = Duration.ofSeconds(30);
    private static final int CAP = ExtractorOptions.DEFAULT_MAX_INPUT_BYTES;
    private static final String PROSE = Fixtures.prose(1) + Fixtures.prose(2);
    private static final String ACCENTED = "<p>In Zürich the café owners met the city council about the rules "
            + "for terraces, and the naïve plan of last year was dropped after a long debate.</p>";

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("empty", () -> new byte[0], reason("empty-input")),
                bad("whitespace only", () -> utf8(" \n\t\r\n  "), reason("empty-input")),
                bad("random binary", () -> random(65_536), reason("binary")),
                bad("PNG signature", () -> withPrefix(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                        html(PROSE)), reason("binary")),
                bad("PDF body", () -> withPrefix(utf8("%PDF-1.7\n"), html(PROSE)), reason("binary")),
                bad("ZIP body", () -> withPrefix(new byte[] {'P', 'K', 3, 4}, random(4096)), reason("binary")),
                bad("truncated gzip", () -> cut(gzip(htmlText(paragraphs(40))), 0.6), a -> assertThat(a.text())
                        .contains("Paragraph 1").doesNotContain("Paragraph 40")),
                bad("gzip bomb", () -> gzip(htmlText("<p>" + "a ".repeat(24 * 1024 * 1024) + "</p>")), a -> {
                    assertThat(a.truncated()).isTrue();
                    assertThat(a.text()).startsWith("a a a").hasSizeLessThanOrEqualTo(CAP);
                }),
                bad("50 MB page", () -> fiftyMegabytes(), a -> {
                    assertThat(a.truncated()).isTrue();
                    assertThat(a.text()).startsWith("Paragraph 1").hasSizeLessThanOrEqualTo(CAP);
                }),
                bad("100k-deep nesting", () -> html("<div>".repeat(100_000) + PROSE + "</div>".repeat(100_000)),
                        text("Paragraph 1", "Paragraph 2")),
                bad("UTF-16LE without BOM", () -> encoded(htmlText(ACCENTED + PROSE), StandardCharsets.UTF_16LE, false),
                        text("In Zürich the café owners")),
                bad("UTF-16BE without BOM", () -> encoded(htmlText(ACCENTED + PROSE), StandardCharsets.UTF_16BE, false),
                        text("In Zürich the café owners")),
                bad("UTF-16LE with BOM", () -> encoded(htmlText(ACCENTED + PROSE), StandardCharsets.UTF_16LE, true),
                        text("In Zürich the café owners")),
                bad("meta says windows-1252, bytes are UTF-8",
                        () -> utf8(page("windows-1252", ACCENTED + PROSE)), text("In Zürich the café owners")),
                bad("meta says UTF-8, bytes are latin-1",
                        () -> page("utf-8", ACCENTED + PROSE).getBytes(StandardCharsets.ISO_8859_1),
                        text("In Zürich the café owners")),
                bad("1M tiny paragraphs", () -> html("<p>a</p>".repeat(1_000_000)), a -> {
                    assertThat(a.truncated()).isTrue();
                    assertThat(a.text()).hasSizeLessThanOrEqualTo(CAP);
                }),
                bad("JSON body", () -> utf8("{\"title\": \"Harbour\", \"body\": [1, 2, 3], \"ok\": true}"),
                        reason("not-html")),
                bad("XML body", () -> utf8("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>"
                        + "<item><title>One</title><link>https://x.test/1</link></item></channel></rss>"),
                        reason("no-article-content")),
                bad("a NUL byte in the first 8 KiB", () -> withNul(htmlText(PROSE)), text("Paragraph 1", "Paragraph 2")),
                bad("mostly control characters as bytes", () -> controlBytes(), reason("binary")),
                bad("mostly control characters after a normal start", () -> controlsAfterStart(),
                        text("Paragraph 1")),
                bad("control characters as character references", () -> html("<p>" + "&#1;&#2;&#127;&#x85;"
                        .repeat(100_000) + "</p>" + PROSE), text("Paragraph 1")),
                bad("control characters in the metadata", () -> controlMetadata(), a -> {
                    assertThat(a.title()).isEqualTo("Harbour bridge reopens");
                    assertThat(a.authors()).containsExactly("Ann Lee");
                    assertThat(a.description()).isEqualTo("Buses cross again.");
                }),
                bad("unterminated comment", () -> html(PROSE + "<!-- " + Fixtures.prose(3)), a -> assertThat(a.text())
                        .contains("Paragraph 2").doesNotContain("Paragraph 3")),
                bad("unterminated script", () -> html(PROSE + "<script>var x = '" + Fixtures.prose(3)),
                        a -> assertThat(a.text()).contains("Paragraph 2").doesNotContain("Paragraph 3")),
                bad("10k attributes on one tag", () -> html("<div " + attributes(10_000) + ">" + PROSE + "</div>"),
                        text("Paragraph 1", "Paragraph 2")),
                bad("a 1 MB single word", () -> html(PROSE + "<p>" + "x".repeat(1 << 20) + "</p>"), a -> assertThat(
                        a.text()).contains("Paragraph 1").hasSizeLessThanOrEqualTo(CAP)),
                bad("deeply nested tables", () -> html("<table><tr><td>".repeat(5_000) + PROSE
                        + "</td></tr></table>".repeat(5_000)), text("Paragraph 1", "Paragraph 2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void givesEachBadInputItsOutcome(String name, Supplier<byte[]> input, Consumer<ExtractedArticle> expected) {
        byte[] bytes = input.get();
        ExtractedArticle a = assertTimeoutPreemptively(HANG, () -> EXTRACTOR.extract(bytes, null, null), name);
        expected.accept(a);
        assertThat(a.text()).hasSizeLessThanOrEqualTo(Math.max(bytes.length, CAP));
        assertNoControlCharacters(a);
    }

    @Test
    void enrichesPageOfHundredThousandCapitalisedWordsThroughTheWholeChain() {
        String html = "<html><body><article><p>The council published the register of residents on Monday, after "
                + "a long campaign by local groups who had asked for it for years.</p><p>"
                + HostileText.capitalisedWords(100_000, 21) + "</p></article></body></html>";
        EnrichedArticle a = assertTimeoutPreemptively(HANG, () -> new StepChain().run(utf8(html), "text/html"))
                .out().build();
        assertThat(a.getWordCount()).isGreaterThan(100_000);
        assertThat(a.getKeyphrases()).isNotEmpty();
        assertThat(a.getProcessing().getWarnings()).anyMatch(w -> w.startsWith("entities: read the first"));
    }

    static void assertNoControlCharacters(ExtractedArticle a) {
        for (String s : new String[] {a.text(), a.title(), a.description(), a.siteName(), a.section(), a.image(),
            a.canonicalUrl(), a.language(), String.join("", a.authors()), String.join("", a.keywords())}) {
            if (s != null) {
                assertThat(s.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' || c >= 0x7f && c <= 0x9f))
                        .as("no control characters in %s", s.length() > 80 ? s.substring(0, 80) + "..." : s).isTrue();
            }
        }
    }

    private static Arguments bad(String name, Supplier<byte[]> input, Consumer<ExtractedArticle> expected) {
        return Arguments.of(name, input, expected);
    }

    private static Consumer<ExtractedArticle> reason(String reason) {
        return a -> {
            assertThat(a.emptyReason()).isEqualTo(reason);
            assertThat(a.text()).isEmpty();
        };
    }

    private static Consumer<ExtractedArticle> text(String... parts) {
        return a -> {
            assertThat(a.emptyReason()).isNull();
            assertThat(a.text()).contains(parts);
        };
    }

    private static byte[] html(String body) {
        return utf8(htmlText(body));
    }

    private static String htmlText(String body) {
        return "<!DOCTYPE html><html><head><title>T</title></head><body><article>" + body + "</article></body></html>";
    }

    private static String page(String charset, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"" + charset + "\"><title>T</title></head><body><article>"
                + body + "</article></body></html>";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static byte[] withPrefix(byte[] prefix, Object rest) {
        byte[] tail = rest instanceof String s ? utf8(s) : (byte[]) rest;
        byte[] out = Arrays.copyOf(prefix, prefix.length + tail.length);
        System.arraycopy(tail, 0, out, prefix.length, tail.length);
        return out;
    }

    private static byte[] encoded(String html, Charset charset, boolean bom) {
        return bom ? withPrefix(new byte[] {(byte) 0xff, (byte) 0xfe}, html.getBytes(charset)) : html.getBytes(charset);
    }

    private static byte[] cut(byte[] b, double share) {
        return Arrays.copyOf(b, (int) (b.length * share));
    }

    private static byte[] gzip(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(utf8(s));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] fiftyMegabytes() {
        StringBuilder sb = new StringBuilder(52_000_000).append("<html><body><article>");
        for (int i = 1; sb.length() < 50_000_000; i++) {
            sb.append(Fixtures.prose(i));
        }
        return utf8(sb.toString());
    }

    private static String paragraphs(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(Fixtures.prose(i));
        }
        return sb.toString();
    }

    private static byte[] withNul(String html) {
        byte[] b = utf8(html);
        b[html.indexOf("Paragraph 1") - 2] = 0;
        return b;
    }

    private static byte[] controlBytes() {
        return html("<p>" + "\u0001\u0002\u0003\u0004".repeat(1_000_000) + "</p>" + PROSE);
    }

    private static byte[] controlsAfterStart() {
        String start = htmlText(PROSE).replace("</article></body></html>", "") + "<!-- " + "x".repeat(9_000) + " -->";
        return utf8(start + "<p>" + "\u0001\u0002\u0003\u0085".repeat(1_000_000) + "</p></article></body></html>");
    }

    private static byte[] controlMetadata() {
        return utf8("<html><head><title>Harbour\u0001 bridge\u0002 reopens</title><meta name=\"author\" content=\""
                + "Ann\u0007 Lee\"><meta name=\"description\" content=\"Buses\u0085 cross again.\u0001\"></head>"
                + "<body><article><h1>Harbour\u0001 bridge\u0002 reopens</h1>" + PROSE + "</article></body></html>");
    }

    private static String attributes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("data-a").append(i).append("=\"v").append(i).append("\" ");
        }
        return sb.toString();
    }
}
