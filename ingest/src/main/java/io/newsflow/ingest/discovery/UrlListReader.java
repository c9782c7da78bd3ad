package io.newsflow.ingest.discovery;

import io.newsflow.ingest.url.UrlCanonicalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads URL lists (a file, stdin, any reader): one URL per line, blank lines and {@code #}
 * comments ignored, each URL canonicalised and de-duplicated within the list. Streams, so lists
 * of millions of URLs need no memory beyond the de-duplication set.
 */
public final class UrlListReader {

    private final UrlCanonicalizer canonicalizer;

    /** Creates a reader that canonicalises with {@code canonicalizer}. */
    public UrlListReader(UrlCanonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    /** Totals of one read. */
    public record Summary(int accepted, int rejected, int duplicates) {
    }

    /**
     * Reads {@code file} as UTF-8.
     *
     * @throws IOException if the file cannot be read
     */
    public Summary read(Path file, Consumer<String> accepted, Consumer<RejectedLine> rejected) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, accepted, rejected);
        }
    }

    /**
     * Reads UTF-8 lines from {@code in} (e.g. {@code System.in}); does not close it.
     *
     * @throws IOException if reading fails
     */
    public Summary read(InputStream in, Consumer<String> accepted, Consumer<RejectedLine> rejected) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), accepted, rejected);
    }

    /**
     * Reads lines from {@code in}; each canonical URL goes to {@code accepted} once, each unusable
     * line to {@code rejected}.
     *
     * @throws IOException if reading fails
     */
    public Summary read(Reader in, Consumer<String> accepted, Consumer<RejectedLine> rejected) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Set<String> seen = new HashSet<>();
        int ok = 0;
        int bad = 0;
        int dupes = 0;
        int number = 0;
        for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
            number++;
            String line = stripBom(raw, number).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String url;
            try {
                url = canonicalizer.canonicalize(line);
            } catch (IllegalArgumentException e) {
                bad++;
                rejected.accept(new RejectedLine(number, line, e.getMessage()));
                continue;
            }
            if (seen.add(url)) {
                ok++;
                accepted.accept(url);
            } else {
                dupes++;
            }
        }
        return new Summary(ok, bad, dupes);
    }

    private static String stripBom(String line, int number) {
        return number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
