package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Charset resolution from BOM, HTTP header, meta tags and the bytes themselves. */
class CharsetDecodingTest {

    private static final String TEXT = "Über die Straße gehen Müller und Björn, während Zoë und Françoise "
            + "am Café warten; die Größe des Platzes überrascht alle Besucherinnen und Besucher.";

    private final ArticleExtractor extractor = new ArticleExtractor();

    private static byte[] page(String metaCharset, Charset encoding) {
        String meta = metaCharset == null ? "" : "<meta charset=\"" + metaCharset + "\">";
        String html = "<html><head>" + meta + "<title>T</title></head><body><article><p>" + TEXT + "</p><p>" + TEXT
                + "</p></article></body></html>";
        return html.getBytes(encoding);
    }

    @Test
    void honoursUtf8ByteOrderMark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
        out.writeBytes(page("windows-1252", StandardCharsets.UTF_8));
        ExtractedArticle a = extractor.extract(out.toByteArray(), null, null);
        assertThat(a.charset()).isEqualTo("UTF-8");
        assertThat(a.text()).contains("Straße");
    }

    @Test
    void decodesUtf16WithByteOrderMark() {
        byte[] bytes = page(null, StandardCharsets.UTF_16);
        ExtractedArticle a = extractor.extract(bytes, null, null);
        assertThat(a.text()).contains("Françoise");
    }

    @Test
    void usesHttpHeaderCharset() {
        ExtractedArticle a = extractor.extract(page(null, StandardCharsets.ISO_8859_1), null,
                "text/html; charset=ISO-8859-1");
        assertThat(a.charset()).isEqualTo("ISO-8859-1");
        assertThat(a.text()).contains("Größe");
    }

    @Test
    void usesMetaCharsetWhenHeaderHasNone() {
        ExtractedArticle a = extractor.extract(page("windows-1252", Charset.forName("windows-1252")), null,
                "text/html");
        assertThat(a.charset()).isEqualTo("windows-1252");
        assertThat(a.text()).contains("Björn");
    }

    @Test
    void readsTheFirstMetaDeclarationInAnyCaseAndIgnoresOtherCharsetMentions() {
        String html = "<html><head><LINK rel=x charset=\"koi8-r\"><meta name=viewport content=\"width=1\">"
                + "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; Charset=Windows-1252\">"
                + "<meta charset=\"iso-8859-2\"><title>T</title></head><body><article><p>" + TEXT + "</p><p>" + TEXT
                + "</p></article></body></html>";
        ExtractedArticle a = extractor.extract(html.getBytes(Charset.forName("windows-1252")), null, null);
        assertThat(a.charset()).isEqualTo("windows-1252");
        assertThat(a.text()).contains("Björn");
    }

    @Test
    void detectsCharsetWhenDeclaredUtf8IsInvalid() {
        ExtractedArticle a = extractor.extract(page("utf-8", StandardCharsets.ISO_8859_1), null, null);
        assertThat(a.charset()).isNotEqualTo("UTF-8");
        assertThat(a.text()).contains("Müller", "Zoë");
    }

    @Test
    void trustsValidUtf8BytesOverLatin1Declaration() {
        ExtractedArticle a = extractor.extract(page("iso-8859-1", StandardCharsets.UTF_8), null, null);
        assertThat(a.charset()).isEqualTo("UTF-8");
        assertThat(a.text()).contains("Café");
    }

    @Test
    void defaultsToUtf8WhenNothingIsDeclared() {
        ExtractedArticle a = extractor.extract(page(null, StandardCharsets.UTF_8), null, null);
        assertThat(a.charset()).isEqualTo("UTF-8");
        assertThat(a.text()).contains("überrascht");
    }
}
