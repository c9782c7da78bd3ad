package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON written by {@code newsflow extract}. */
class BatchExtractionTest {

    @TempDir
    Path dir;

    private JsonNode run(Path... inputs) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchExtraction.run(List.of(inputs), out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void headsMarkdownWithTheTitleUnlessTheBodyOpensWithIt() {
        assertThat(BatchExtraction.markdownDocument(article("Bridge *reopens*", "Buses cross it.")))
                .isEqualTo("# Bridge \\*reopens\\*\n\nBuses cross it.");
        assertThat(BatchExtraction.markdownDocument(article("Bridge reopens", "## Bridge reopens\n\nBuses cross it.")))
                .isEqualTo("## Bridge reopens\n\nBuses cross it.");
        assertThat(BatchExtraction.markdownDocument(article(null, "Buses cross it."))).isEqualTo("Buses cross it.");
    }

    private static ExtractedArticle article(String title, String markdown) {
        return new ExtractedArticle("Buses cross it.", title, List.of(), null, null, null, null, null, null, null, null,
                List.of(), "UTF-8", null, false, markdown);
    }

    @Test
    void mapsEachFileIdToItsArticle() throws IOException {
        Files.write(dir.resolve("story-1.html"), Fixtures.bytes("news-article.html"));
        Files.write(dir.resolve("story-2.html.gz"), gzip(Fixtures.bytes("blog-post.html")));
        JsonNode json = run(dir);
        assertThat(json.fieldNames()).toIterable().containsExactly("story-1", "story-2");
        JsonNode first = json.get("story-1");
        assertThat(first.get("articleBody").asText()).startsWith("Riverton's old dockyard");
        assertThat(first.get("headline").asText()).isEqualTo("Council approves new riverside park after five-year campaign");
        assertThat(first.get("authors")).hasSize(2);
        assertThat(first.get("datePublished").asText()).isEqualTo("2023-05-14T08:30+01:00");
        assertThat(first.get("language").asText()).isEqualTo("en");
        assertThat(json.get("story-2").get("articleBody").asText()).startsWith("Viele Leserinnen");
    }

    @Test
    void reportsTheLanguageOfTheTextOverTheDeclaredOne() throws IOException {
        String html = "<html lang='de'><head><title>T</title></head><body><article><p>The city council voted on "
                + "Tuesday evening to turn the old dockyard into a public park, ending a campaign that residents "
                + "began five years ago.</p><p>Work on the playground starts in September, and the orchard will "
                + "be planted next spring, the council said in a statement after the meeting.</p></article></body>"
                + "</html>";
        Files.writeString(dir.resolve("edition.html"), html);
        assertThat(run(dir).get("edition").get("language").asText()).isEqualTo("en");
    }

    @Test
    void omitsAbsentFields() throws IOException {
        Files.write(dir.resolve("home.html"), Fixtures.bytes("home-page.html"));
        JsonNode home = run(dir.resolve("home.html")).get("home");
        assertThat(home.get("articleBody").asText()).isEmpty();
        assertThat(home.has("authors")).isFalse();
        assertThat(home.has("datePublished")).isFalse();
        assertThat(home.has("canonicalUrl")).isFalse();
    }

    @Test
    void writesErrorEntryForTruncatedGzipAndCarriesOn() throws IOException {
        byte[] gz = gzip(Fixtures.bytes("news-article.html"));
        Files.write(dir.resolve("broken.html.gz"), Arrays.copyOf(gz, gz.length / 2));
        Files.write(dir.resolve("fine.html"), Fixtures.bytes("blog-post.html"));
        JsonNode json = run(dir);
        assertThat(json.get("broken").get("error").asText()).isNotBlank();
        assertThat(json.get("fine").get("articleBody").asText()).startsWith("Viele Leserinnen");
    }

    @Test
    void writesErrorEntryForMissingOrBinaryFile() throws IOException {
        byte[] binary = new byte[2048];
        binary[10] = 0;
        Files.write(dir.resolve("image.html"), binary);
        JsonNode json = run(dir.resolve("image.html"), dir.resolve("missing.html"));
        assertThat(json.get("image").get("error").asText()).isEqualTo("binary");
        assertThat(json.get("missing").get("error").asText()).contains("NoSuchFile");
    }

    @Test
    void cutsGzipBombAtTheInputCapFlagsItAndCarriesOn() throws IOException {
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("bomb.html.gz")))) {
            gz.write("<html><body><article><p>".getBytes(StandardCharsets.UTF_8));
            byte[] words = "word ".repeat(1 << 18).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 200; i++) {
                gz.write(words); // 256 MiB inflated: the old reader held all of it, and 4 GiB exhausted the heap
            }
        }
        Files.write(dir.resolve("fine.html"), Fixtures.bytes("blog-post.html"));
        JsonNode json = run(dir);
        assertThat(json.get("bomb").get("truncated").asBoolean()).isTrue();
        assertThat(json.get("bomb").get("articleBody").asText().length())
                .isLessThanOrEqualTo(ExtractorOptions.DEFAULT_MAX_INPUT_BYTES);
        assertThat(json.get("fine").get("articleBody").asText()).startsWith("Viele Leserinnen");
    }

    @Test
    void givesNonRegularFileAnErrorEntryWithoutOpeningIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.html");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo not available here");
        Files.write(dir.resolve("fine.html"), Fixtures.bytes("blog-post.html"));
        JsonNode json = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> run(dir));
        assertThat(json.get("pipe").get("error").asText()).startsWith("not a regular file");
        assertThat(json.get("fine").get("articleBody").asText()).startsWith("Viele Leserinnen");
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }
}
