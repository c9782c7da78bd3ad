package io.newsflow.ingest.warc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;

/**
 * Durable "last emitted record offset" of one WARC file, written atomically (temp file + rename)
 * so a crash never leaves a half-written checkpoint. Save only after the page is safely produced.
 */
public final class WarcCheckpoint {

    private final Path file;

    /** A checkpoint stored in {@code file} (created on first save). */
    public WarcCheckpoint(Path file) {
        this.file = file;
    }

    /** A checkpoint next to the WARC file: {@code name.warc.gz.checkpoint}. */
    public static WarcCheckpoint beside(Path warc) {
        return new WarcCheckpoint(warc.resolveSibling(warc.getFileName() + ".checkpoint"));
    }

    /**
     * The saved offset, or empty if nothing was emitted yet.
     *
     * @throws IOException if the file exists but cannot be read or is corrupt
     */
    public OptionalLong load() throws IOException {
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IOException("corrupt WARC checkpoint " + file + ": '" + text + "'", e);
        }
    }

    /** Records {@code offset} as the last emitted record. */
    public void save(long offset) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, Long.toString(offset), StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
