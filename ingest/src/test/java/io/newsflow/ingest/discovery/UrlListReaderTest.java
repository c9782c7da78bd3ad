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
}
