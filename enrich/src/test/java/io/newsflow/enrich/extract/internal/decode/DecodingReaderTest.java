package io.newsflow.enrich.extract.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodingReaderTest {

    private static String readAll(Reader r, int chunk) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[chunk];
        for (int n; (n = r.read(buf, 0, chunk)) >= 0; ) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    private static Reader reader(byte[] bytes, Charset cs, int... skip) {
        return new DecodingReader(bytes, bytes.length, cs, skip);
    }

    @Test
    void decodesAsNewStringDoesEvenOneCharAtATimeThroughSurrogatePairs() throws IOException {
        String text = "a\uD83D\uDE00b é \uFFFD";
        byte[] bytes = (text + "\u00ff").getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 1] = (byte) 0xC3; // a cut sequence at the end
        String expected = new String(bytes, StandardCharsets.UTF_8);
        assertThat(readAll(reader(bytes, StandardCharsets.UTF_8), 1)).isEqualTo(expected);
        assertThat(readAll(reader(bytes, StandardCharsets.UTF_8), 4096)).isEqualTo(expected);
    }

    @Test
    void leavesOutSkippedRangesAndALeadingByteOrderMark() throws IOException {
        byte[] bytes = "\uFEFF<p>one</p><script>two</script><p>three</p>".getBytes(StandardCharsets.UTF_8);
        int start = indexOf(bytes, "two");
        assertThat(readAll(reader(bytes, StandardCharsets.UTF_8, start, start + 3), 3))
                .isEqualTo("<p>one</p><script></script><p>three</p>");
    }

    @Test
    void singleByteCharsetsAndAnEmptyInput() throws IOException {
        byte[] bytes = {'c', 'a', 'f', (byte) 0xe9};
        assertThat(readAll(reader(bytes, Charset.forName("windows-1252")), 2)).isEqualTo("café");
        assertThat(readAll(reader(new byte[0], StandardCharsets.UTF_8), 8)).isEmpty();
    }

    private static int indexOf(byte[] bytes, String s) {
        return new String(bytes, StandardCharsets.ISO_8859_1).indexOf(s);
    }
}
