package io.newsflow.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageFilesTest {

    @TempDir
    Path dir;

    @Test
    void findsHtmlAndGzippedPagesInFoldersSortedAndSkipsOtherFiles() throws IOException {
        Files.writeString(dir.resolve("b.html"), "<p>b</p>");
        Files.write(dir.resolve("a.html.gz"), gzip("<p>a</p>".getBytes(StandardCharsets.UTF_8)));
        Files.writeString(dir.resolve("notes.txt"), "x");
        assertThat(PageFiles.find(List.of(dir))).extracting(p -> p.getFileName().toString())
                .containsExactly("a.html.gz", "b.html");
    }

    @Test
    void keepsBytesUndecodedSoLatin1PagesSurviveIntact() throws IOException {
        byte[] latin1 = "<p>d\u00e9j\u00e0 vu</p>".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("fr.html"), latin1);
        assertThat(PageFiles.read(dir.resolve("fr.html"), 1_000).body()).isEqualTo(latin1);
    }

    @Test
    void gunzipsGzFiles() throws IOException {
        Files.write(dir.resolve("a.html.gz"), gzip("<p>hello</p>".getBytes(StandardCharsets.UTF_8)));
        PageFile page = PageFiles.read(dir.resolve("a.html.gz"), 1_000);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>hello</p>");
        assertThat(page.baseName()).isEqualTo("a");
    }

    @Test
    void reportsTruncatedGzipAsErrorInsteadOfThrowing() throws IOException {
        byte[] full = gzip("<p>some longer page text to compress</p>".repeat(50).getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("cut.html.gz"), Arrays.copyOf(full, full.length / 2));
        PageFile page = PageFiles.read(dir.resolve("cut.html.gz"), 1_000_000);
        assertThat(page.ok()).isFalse();
        assertThat(page.error()).contains("truncated");
    }

    @Test
    void refusesFilesOverTheSizeLimit() throws IOException {
        Files.write(dir.resolve("big.html"), new byte[2_000]);
        assertThat(PageFiles.read(dir.resolve("big.html"), 1_000).error()).contains("limit");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
