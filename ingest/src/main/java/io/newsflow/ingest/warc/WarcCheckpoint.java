package io.newsflow.ingest.warc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Durable "last emitted record offset" of one WARC file, written atomically (temp file + rename)
 * so a crash never leaves a half-written checkpoint. Save only after the page is safely produced.
 *
 * <p>A checkpoint can also remember where the target topic's partitions ended when it was saved
 * (a second line, {@code partition:offset,...}): pages sent after it are then found on the topic
 * from there, so a run killed between two checkpoints does not send them again.
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
        Optional<Position> position = position();
        return position.isPresent() ? OptionalLong.of(position.get().offset()) : OptionalLong.empty();
    }

    /**
     * The saved position with the topic ends saved along (empty for a checkpoint written without
     * them), or empty if there is no checkpoint.
     *
     * @throws IOException if the file exists but cannot be read or is corrupt
     */
    public Optional<Position> position() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        String[] lines = text.split("\n", 2);
        try {
            Map<Integer, Long> ends = new TreeMap<>();
            if (lines.length > 1 && !lines[1].isBlank()) {
                for (String pair : lines[1].strip().split(",")) {
                    String[] kv = pair.split(":", 2);
                    ends.put(Integer.parseInt(kv[0].strip()), Long.parseLong(kv[1].strip()));
                }
            }
            return Optional.of(new Position(Long.parseLong(lines[0].strip()), Map.copyOf(ends)));
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IOException("corrupt WARC checkpoint " + file + ": '" + text + "'", e);
        }
    }

    /** Records {@code offset} as the last emitted record. */
    public void save(long offset) throws IOException {
        save(offset, Map.of());
    }

    /**
     * Records {@code offset} as the last emitted record, and the end offset of each partition of
     * the topic the pages go to, read after every page up to {@code offset} was acknowledged.
     */
    public void save(long offset, Map<Integer, Long> topicEnds) throws IOException {
        StringBuilder text = new StringBuilder(Long.toString(offset));
        if (!topicEnds.isEmpty()) {
            text.append('\n');
            new TreeMap<>(topicEnds).forEach((p, o) -> text.append(p).append(':').append(o).append(','));
            text.setLength(text.length() - 1);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * A saved position.
     *
     * @param offset the WARC offset of the last record emitted (-1: none yet)
     * @param topicEnds end offset by partition of the target topic when it was saved (may be empty)
     */
    public record Position(long offset, Map<Integer, Long> topicEnds) {
    }
}
