package io.newsflow.ingest.sources;

import io.newsflow.ingest.files.FileIngest;
import io.newsflow.ingest.files.PageFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A page file, or a folder of pages ({@code .html}, {@code .htm}, {@code .xhtml}, their {@code .gz}
 * forms), read once or watched.
 *
 * <p>Watched, the folder is scanned every interval rather than through a {@code WatchService}:
 * inotify does not see files written on the host side of a Docker bind mount (Docker Desktop) or on
 * network file systems, and a scan also finds what arrived while the service was down. A file is
 * sent once per version (size and modification time), and only when it looks the same in two scans
 * in a row, so a file still being written is not read half-way. Hidden files ({@code .name}) and
 * other extensions ({@code page.html.part}) are ignored: writing under such a name and renaming is
 * the safe way to drop a page.
 */
public final class FolderSource implements Source {

    private final Path root;
    private final FileIngest files;
    private final Duration interval;
    private final Clock clock;
    /** Files seen in the last scan and not sent yet, with how they looked. */
    private final Map<Path, Version> pending = new HashMap<>();
    /** Files sent, with the version sent; forgotten when the file goes away, so memory follows the folder. */
    private final Map<Path, Version> sent = new HashMap<>();
    private boolean reportedMissing;

    /** A file or folder read once ({@code interval} null) or scanned every {@code interval}. */
    public FolderSource(Path root, FileIngest files, Duration interval, Clock clock) {
        this.root = root;
        this.files = files;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String name() {
        return (Files.isDirectory(root) ? "folder " : "file ") + root;
    }

    @Override
    public boolean web() {
        return false;
    }

    @Override
    public Optional<Instant> read(SourceContext context) {
        if (interval == null) {
            readOnce(context);
            return Optional.empty();
        }
        if (!Files.exists(root)) {
            if (!reportedMissing) {
                context.say(root + " does not exist (yet): watching for it");
                reportedMissing = true;
            }
        } else {
            scan(context);
        }
        return Optional.of(clock.instant().plus(interval));
    }

    /** Sends every page found now, as a run without --follow does. */
    private void readOnce(SourceContext context) {
        List<Path> found;
        try {
            found = PageFiles.find(List.of(root));
        } catch (java.io.UncheckedIOException e) {
            context.failed(this, "cannot list " + root + ": " + e.getCause().getMessage());
            return;
        }
        long ok = 0;
        for (Path file : found) {
            if (context.stopping()) {
                break;
            }
            ok += files.ingestFile(file) ? 1 : 0;
        }
        context.delivered(ok);
        if (ok == 0 && !found.isEmpty()) {
            context.failed(this, "no page of " + root + " could be read (see the dead letters)");
        } else if (ok < found.size()) {
            context.say((found.size() - ok) + " of " + found.size() + " files under " + root + " could not be read "
                    + "(dead letters)");
        }
    }

    /** One scan: sends the files that look as they did in the previous scan and were not sent in that version. */
    private void scan(SourceContext context) {
        Map<Path, Version> now = new HashMap<>();
        try (Stream<Path> walk = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
            walk.filter(p -> p.equals(root) || !p.getFileName().toString().startsWith("."))
                    .filter(p -> p.equals(root) || PageFiles.isPage(p))
                    .forEach(p -> version(p).ifPresent(v -> now.put(p, v)));
        } catch (IOException | java.io.UncheckedIOException e) {
            context.failed(this, "cannot list " + root + ": " + e.getMessage());
            return;
        }
        sent.keySet().retainAll(now.keySet());
        pending.keySet().retainAll(now.keySet());
        long ok = 0;
        for (Map.Entry<Path, Version> e : now.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Path file = e.getKey();
            Version v = e.getValue();
            if (v.equals(sent.get(file)) || context.stopping()) {
                continue;
            }
            if (v.equals(pending.get(file))) {
                pending.remove(file);
                sent.put(file, v); // also when unreadable: its dead letter is written once, not every scan
                ok += files.ingestFile(file) ? 1 : 0;
            } else {
                pending.put(file, v); // new or still changing: wait for the next scan
            }
        }
        context.delivered(ok);
    }

    private static Optional<Version> version(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? Optional.of(new Version(a.size(), a.lastModifiedTime().toMillis()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // gone between listing and reading: the next scan decides
        }
    }

    /** How a file looked in one scan. */
    private record Version(long size, long modifiedMillis) {
    }
}
