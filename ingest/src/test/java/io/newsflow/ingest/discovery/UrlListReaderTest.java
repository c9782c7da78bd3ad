package io.newsflow.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.url.UrlCanonicalizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UrlListReaderTest {

    private final UrlListReader reader = new UrlListReader(new UrlCanonicalizer());
    private final List<String> accepted = new ArrayList<>();
    private final List<RejectedLine> rejected = new ArrayList<>();

    @TempDir
    Path dir;

    @Test
    void canonicalisesSkipsCommentsAndDeduplicates() throws IOException {
        String list = "\uFEFF# seed list\nhttps://Example.com/a?utm_source=x\n\n  https://example.com/a  \nhttps://example.com/b\n";
        UrlListReader.Summary s = reader.read(new StringReader(list), accepted::add, rejected::add);
        assertThat(accepted).containsExactly("https://example.com/a", "https://example.com/b");
        assertThat(s).isEqualTo(new UrlListReader.Summary(2, 0, 1));
    }

    @Test
    void reportsUnusableLinesWithTheirNumbers() throws IOException {
        String list = "https://ok.example/\nftp://files.example/x\nnot a url\n";
        UrlListReader.Summary s = reader.read(new StringReader(list), accepted::add, rejected::add);
        assertThat(s.rejected()).isEqualTo(2);
        assertThat(rejected).extracting(RejectedLine::lineNumber).containsExactly(2, 3);
        assertThat(rejected.get(0).reason()).contains("scheme");
    }

    @Test
    void readsFilesAndStreamsAsUtf8() throws IOException {
        Path file = dir.resolve("urls.txt");
        Files.writeString(file, "https://bücher.example/ä\n", StandardCharsets.UTF_8);
        reader.read(file, accepted::add, rejected::add);
        reader.read(new ByteArrayInputStream("https://x.example/é\n".getBytes(StandardCharsets.UTF_8)), accepted::add, rejected::add);
        assertThat(accepted).containsExactly("https://xn--bcher-kva.example/%C3%A4", "https://x.example/%C3%A9");
    }

    @Test
    void rejectsAnInvalidUtf8LineAndKeepsReadingTheOthers() throws IOException {
        Path file = dir.resolve("urls.txt");
        byte[] bad = {'h', 't', 't', 'p', ':', '/', '/', 'x', '/', (byte) 0xC3, (byte) 0x28, '\n'};
        try (var out = Files.newOutputStream(file)) {
            out.write("https://a.example/1\n".getBytes(StandardCharsets.UTF_8));
            out.write(bad);
            out.write("https://a.example/2\n".getBytes(StandardCharsets.UTF_8));
        }
        UrlListReader.Summary s = reader.read(file, accepted::add, rejected::add);
        assertThat(accepted).containsExactly("https://a.example/1", "https://a.example/2");
        assertThat(s).isEqualTo(new UrlListReader.Summary(2, 1, 0));
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.lineNumber()).isEqualTo(2);
            assertThat(r.reason()).contains("invalid UTF-8");
        });
    }

    @Test
    void cutsAHugeJunkLineInTheRejectionButSaysHowLongItWas() throws IOException {
        String junk = "x".repeat(1_000_000);
        String list = "https://a.example/1\n" + junk + "\nhttps://a.example/2\n";
        reader.read(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), accepted::add, rejected::add);
        assertThat(accepted).containsExactly("https://a.example/1", "https://a.example/2");
        RejectedLine r = rejected.get(0);
        assertThat(r.line().length()).isLessThan(300);
        assertThat(r.line()).contains("1000000");
        assertThat(r.reason().length()).isLessThan(400);
    }

    @Test
    void rejectsALineLongerThanTheLimitWithoutHoldingItAll() throws IOException {
        byte[] huge = new byte[5 << 20];
        java.util.Arrays.fill(huge, (byte) 'y');
        var in = new java.io.SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream("https://a.example/1\n".getBytes(StandardCharsets.UTF_8)),
                new ByteArrayInputStream(huge),
                new ByteArrayInputStream("\nhttps://a.example/2".getBytes(StandardCharsets.UTF_8)))));
        reader.read(in, accepted::add, rejected::add);
        assertThat(accepted).containsExactly("https://a.example/1", "https://a.example/2");
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).contains("longer than");
            assertThat(r.line()).contains(Integer.toString(5 << 20));
        });
    }
}
