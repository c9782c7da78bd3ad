package io.newsflow.ingest.discovery;

import io.newsflow.ingest.security.Excerpts;
import io.newsflow.ingest.url.UrlCanonicalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads URL lists (a file, stdin, any reader): one URL per line, blank lines and {@code #}
 * comments ignored, each URL canonicalised and de-duplicated within the list. Streams, so lists
 * of millions of URLs need no memory beyond the de-duplication set. A bad line (invalid UTF-8,
 * over {@value #MAX_LINE_BYTES} bytes, not a URL) is rejected with its reason and reading goes on.
 */
public final class UrlListReader {

    /** Longest line kept; longer ones are rejected (no URL worth fetching is that long). */
    public static final int MAX_LINE_BYTES = 64 * 1024;

    private final UrlCanonicalizer canonicalizer;

    /** Creates a reader that canonicalises with {@code canonicalizer}. */
    public UrlListReader(UrlCanonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    /** Totals of one read. */
    public record Summary(int accepted, int rejected, int duplicates) {
    }

    /**
     * Reads {@code file} as UTF-8, line by line; see {@link #read(InputStream, Consumer, Consumer)}.
     *
     * @throws IOException if the file cannot be read
     */
    public Summary read(Path file, Consumer<String> accepted, Consumer<RejectedLine> rejected) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, accepted, rejected);
        }
    }

    /**
     * Reads UTF-8 lines from {@code in} (e.g. {@code System.in}); does not close it. Each line is
     * decoded on its own, so one invalid line is rejected without losing the others.
     *
     * @throws IOException if reading fails
     */
    public Summary read(InputStream in, Consumer<String> accepted, Consumer<RejectedLine> rejected) throws IOException {
        Tally tally = new Tally(accepted, rejected);
        ByteLines lines = new ByteLines(in, MAX_LINE_BYTES);
        for (ByteLines.Line line = lines.next(); line != null; line = lines.next()) {
            if (line.overlong()) {
                tally.reject(line.number(), excerpt(line), "line longer than " + MAX_LINE_BYTES + " bytes");
                continue;
            }
            String text = line.strict();
            if (text == null) {
                tally.reject(line.number(), excerpt(line), "invalid UTF-8");
                continue;
            }
            tally.line(line.number(), text);
        }
        return tally.summary();
    }

    /**
     * Reads already decoded lines from {@code in}; each canonical URL goes to {@code accepted}
     * once, each unusable line to {@code rejected}. Prefer the byte overloads for untrusted files:
     * a strict decoding reader fails here as a whole on its first invalid byte.
     *
     * @throws IOException if reading fails
     */
    public Summary read(Reader in, Consumer<String> accepted, Consumer<RejectedLine> rejected) throws IOException {
        BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
        Tally tally = new Tally(accepted, rejected);
        int number = 0;
        for (String raw = lines.readLine(); raw != null; raw = lines.readLine()) {
            tally.line(++number, raw);
        }
        return tally.summary();
    }

    /** Counts, de-duplicates and routes the lines of one read. */
    private final class Tally {
        private final Consumer<String> accepted;
        private final Consumer<RejectedLine> rejected;
        private final Set<String> seen = new HashSet<>();
        private int ok;
        private int bad;
        private int dupes;

        Tally(Consumer<String> accepted, Consumer<RejectedLine> rejected) {
            this.accepted = accepted;
            this.rejected = rejected;
        }

        void line(int number, String raw) {
            String line = stripBom(raw, number).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                return;
            }
            String url;
            try {
                url = canonicalizer.canonicalize(line);
            } catch (IllegalArgumentException e) {
                reject(number, Excerpts.of(line), e.getMessage());
                return;
            }
            if (seen.add(url)) {
                ok++;
                accepted.accept(url);
            } else {
                dupes++;
            }
        }

        /** Reports a line, given already cut for display, with its reason. */
        void reject(int number, String line, String reason) {
            bad++;
            rejected.accept(new RejectedLine(number, line, Excerpts.of(reason, 2 * Excerpts.DEFAULT_CHARS)));
        }

        Summary summary() {
            return new Summary(ok, bad, dupes);
        }
    }

    /** The start of a line that could not be decoded whole, with its length in bytes. */
    private static String excerpt(ByteLines.Line line) {
        String start = line.lenient();
        String cut = Excerpts.of(start.substring(0, Math.min(start.length(), Excerpts.DEFAULT_CHARS)));
        return cut + (line.length() > Excerpts.DEFAULT_CHARS ? "... (" + line.length() + " bytes)" : "");
    }

    private static String stripBom(String line, int number) {
        return number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
