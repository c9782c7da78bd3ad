package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsflow extract}, run in-process through picocli as the launcher runs it. */
class ExtractCommandTest {

    private static final String PAGE = "<html><head><title>Harbour bridge reopens</title></head><body><article>"
            + "<p>The harbour bridge reopened on Monday after two years of repairs, the council said, and the first "
            + "buses crossed it at dawn while residents watched from the quay.</p></article></body></html>";

    @TempDir
    Path dir;

    private JsonNode extract(Path... inputs) throws IOException {
        Path out = dir.resolve("pred.json");
        String[] args = new String[inputs.length + 2];
        args[0] = "--out";
        args[1] = out.toString();
        for (int i = 0; i < inputs.length; i++) {
            args[i + 2] = inputs[i].toString();
        }
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> new CommandLine(new ExtractCommand()).execute(args));
        assertThat(code).isZero();
        return new ObjectMapper().readTree(out.toFile());
    }

    @Test
    void cutsGzipBombAtTheInputCapAndKeepsThePageAfterIt() throws IOException {
        Path bomb = dir.resolve("a-bomb.html.gz");
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(bomb)) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write("<html><body><article><p>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = " ".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 512; i++) {
                gz.write(spaces);
            }
        }
        Files.writeString(dir.resolve("b-good.html"), PAGE, StandardCharsets.UTF_8);
        JsonNode json = extract(dir);
        assertThat(json.get("a-bomb").get("truncated").asBoolean()).isTrue();
        assertThat(json.get("b-good").get("headline").asText()).isEqualTo("Harbour bridge reopens");
    }

    @Test
    void givesFifoAnErrorEntryInsteadOfWaitingOnIt() throws IOException, InterruptedException {
        Path fifo = dir.resolve("pipe.html");
        assumeTrue(mkfifo(fifo), "mkfifo not available here");
        Files.writeString(dir.resolve("story.html"), PAGE, StandardCharsets.UTF_8);
        JsonNode json = extract(fifo, dir.resolve("story.html"));
        assertThat(json.get("pipe").get("error").asText()).contains("not a regular file");
        assertThat(json.get("story").get("articleBody").asText()).startsWith("The harbour bridge reopened");
    }

    @Test
    void leavesNoHalfWrittenFileWhenItCannotWrite() {
        Path out = dir.resolve("missing-folder").resolve("pred.json");
        int code = new CommandLine(new ExtractCommand()).execute("--out", out.toString(), dir.toString());
        assertThat(code).isNotZero();
        assertThat(out).doesNotExist();
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", path.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
