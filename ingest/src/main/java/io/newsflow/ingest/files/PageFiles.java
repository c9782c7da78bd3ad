package io.newsflow.ingest.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Finds page files ({@code .html}, {@code .htm}, {@code .xhtml}, and their {@code .gz} forms) in
 * files and folders, and reads their bytes without decoding them: charset detection is the
 * extractor's job, done on the bytes.
 */
public final class PageFiles {

    private PageFiles() {
    }

    /** The page files under these paths (folders walked recursively), sorted for a stable order. */
    public static List<Path> find(List<Path> roots) {
        List<Path> out = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).filter(PageFiles::isPage).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + root, e);
                }
            } else {
                out.add(root); // named explicitly: the user meant it, read it whatever its extension
            }
        }
        return out;
    }

    /** Reads a file, gunzipping {@code .gz}; never throws: failures come back as {@code error}. */
    public static PageFile read(Path path, long maxBytes) {
        try (InputStream in = open(path)) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                return new PageFile(path, null, "larger than the " + maxBytes + "-byte limit");
            }
            return new PageFile(path, body, null);
        } catch (java.io.EOFException e) {
            return new PageFile(path, null, "truncated gzip data");
        } catch (IOException e) {
            return new PageFile(path, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    static String baseName(Path path) {
        String name = path.getFileName().toString();
        for (String suffix : List.of(".gz", ".html", ".htm", ".xhtml")) {
            if (name.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static InputStream open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            try {
                return new GZIPInputStream(in, 64 * 1024);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        }
        return in;
    }

    /** True for the names {@link #find} picks up in a folder ({@code .html}, {@code .htm.gz}, ...). */
    public static boolean isPage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")
                || n.endsWith(".html.gz") || n.endsWith(".htm.gz");
    }
}
