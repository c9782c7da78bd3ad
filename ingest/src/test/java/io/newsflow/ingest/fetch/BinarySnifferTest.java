package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinarySnifferTest {

    private static final String PAGE = "<!doctype html><html><head><title>Harbour bridge</title></head><body>"
            + "<p>The harbour bridge reopened on Monday after three weeks of repairs.</p>".repeat(40)
            + "</body></html>";

    @Test
    void keepsATextPageWithAStrayNulByte() {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        page[100] = 0;
        assertThat(BinarySniffer.classify(page)).isNull();
    }

    @Test
    void keepsATextPageWithAFewControlCharacters() {
        byte[] page = PAGE.getBytes(StandardCharsets.UTF_8);
        for (int i = 50; i < page.length; i += 200) {
            page[i] = (byte) (i % 2 == 0 ? 0x01 : 0x00);
        }
        assertThat(BinarySniffer.classify(page)).isNull();
    }

    @Test
    void keepsUtf16TextWithoutByteOrderMark() {
        assertThat(BinarySniffer.classify(PAGE.getBytes(StandardCharsets.UTF_16LE))).isNull();
        assertThat(BinarySniffer.classify(PAGE.getBytes(StandardCharsets.UTF_16BE))).isNull();
    }

    @Test
    void keepsEmptyAndPlainUtf8Bodies() {
        assertThat(BinarySniffer.classify(new byte[0])).isNull();
        assertThat(BinarySniffer.classify("Grüße aus Zürich — 東京".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"89504e470d0a1a0a", "474946383961", "ffd8ffe0", "255044462d312e37", "504b0304",
            "7f454c46", "526172211a07", "377abcaf271c", "fd377a585a00", "4f67675300", "774f4632"})
    void refusesKnownBinaryFormatsByTheirMagicNumber(String hexMagic) {
        byte[] magic = java.util.HexFormat.of().parseHex(hexMagic);
        byte[] body = PAGE.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, body, 0, magic.length);
        assertThat(BinarySniffer.classify(body)).isNotNull();
    }

    @Test
    void namesTheFormatInTheReason() throws IOException {
        assertThat(BinarySniffer.classify(pdf())).contains("PDF");
        assertThat(BinarySniffer.classify(zip())).contains("zip");
    }

    @Test
    void refusesRandomBytesByTheirShareOfControlBytes() {
        byte[] noise = new byte[20_000];
        new Random(42).nextBytes(noise);
        noise[0] = '<';
        assertThat(BinarySniffer.classify(noise)).contains("control bytes");
    }

    private static byte[] pdf() {
        return "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("index.html"));
            z.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
