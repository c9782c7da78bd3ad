package io.newsflow.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.ingest.files.FileIngest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {

    @TempDir
    Path inbox;

    private final RecordingContext context = new RecordingContext();

    private FolderSource watching() {
        return new FolderSource(inbox, new FileIngest(context.sink, 1 << 20), Duration.ofSeconds(2), Clock.systemUTC());
    }

    @Test
    void fileDroppedAfterStartIsSentOnceWhenItLooksTheSameInTwoScans() throws IOException {
        FolderSource folder = watching();
        assertThat(folder.read(context)).isPresent();
        write("a.html", "<p>first</p>");
        folder.read(context); // seen once: maybe still being written
        assertThat(context.raws()).isEmpty();
        folder.read(context); // unchanged: sent
        folder.read(context);
        folder.read(context);
        assertThat(context.raws()).singleElement()
                .satisfies(r -> assertThat(r.getUrl()).endsWith("/a.html"));
        assertThat(context.delivered).isEqualTo(1);
    }

    @Test
    void fileStillGrowingIsNotReadUntilItStopsChanging() throws IOException {
        FolderSource folder = watching();
        Path file = write("growing.html", "<p>half");
        folder.read(context);
        append(file, " of the story");
        folder.read(context);
        append(file, " and the end</p>");
        folder.read(context);
        assertThat(context.raws()).isEmpty();
        folder.read(context);
        assertThat(context.raws()).singleElement().satisfies(r -> assertThat(new String(r.getBody().array(),
                StandardCharsets.UTF_8)).isEqualTo("<p>half of the story and the end</p>"));
    }

    @Test
    void fileRewrittenLaterIsSentAgainAsItsNewVersion() throws IOException {
        FolderSource folder = watching();
        Path file = write("a.html", "<p>v1</p>");
        folder.read(context);
        folder.read(context);
        Files.writeString(file, "<p>version 2</p>", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        folder.read(context);
        folder.read(context);
        assertThat(context.raws()).hasSize(2);
    }

    @Test
    void hiddenAndPartialFilesAreIgnored() throws IOException {
        FolderSource folder = watching();
        write(".a.html", "<p>hidden</p>");
        write("b.html.part", "<p>partial</p>");
        folder.read(context);
        folder.read(context);
        assertThat(context.raws()).isEmpty();
    }

    @Test
    void missingFolderIsWatchedUntilItAppears() throws IOException {
        Path later = inbox.resolve("later");
        FolderSource folder = new FolderSource(later, new FileIngest(context.sink, 1 << 20), Duration.ofSeconds(2),
                Clock.systemUTC());
        assertThat(folder.read(context)).isPresent();
        assertThat(context.lines).singleElement().satisfies(l -> assertThat(l).contains("watching for it"));
        Files.createDirectories(later);
        Files.writeString(later.resolve("x.html"), "<p>x</p>", StandardCharsets.UTF_8);
        folder.read(context);
        folder.read(context);
        assertThat(context.raws()).hasSize(1);
        assertThat(context.failures).isEmpty();
    }

    @Test
    void readOnceSendsEveryPageAtOnceAndIsDone() throws IOException {
        write("a.html", "<p>a</p>");
        write("b.htm", "<p>b</p>");
        FolderSource folder = new FolderSource(inbox, new FileIngest(context.sink, 1 << 20), null, Clock.systemUTC());
        assertThat(folder.read(context)).isEmpty();
        assertThat(context.raws()).hasSize(2);
    }

    @Test
    void folderWhoseEveryFileIsUnreadableFailsAndEachFileIsADeadLetter() throws IOException {
        write("big.html", "x".repeat(100));
        FolderSource folder = new FolderSource(inbox, new FileIngest(context.sink, 10), null, Clock.systemUTC());
        folder.read(context);
        assertThat(context.failures).singleElement().satisfies(f -> assertThat(f).contains("no page"));
        assertThat(context.sink.deadLetters()).isEqualTo(1);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(inbox.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static void append(Path file, String more) throws IOException {
        Files.writeString(file, more, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
