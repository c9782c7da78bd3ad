package io.newsflow.enrich.extract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.extract.internal.body.ContentExtractor;
import io.newsflow.enrich.extract.internal.decode.BoundedRead;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.language.OpenNlpLanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the extractor over {@code .html} / {@code .html.gz} files and folders of them (or pages read elsewhere,
 * such as HTTP responses and standard input), writing one JSON object that maps each page's id to its article,
 * one object per line, plain text or Markdown ({@link Format}); unreadable pages get an {@code error} entry.
 * Every file is read only up to the extractor's input cap (a {@code .gz} bomb costs that much memory
 * and no more; the article is then flagged {@code truncated}), anything but a regular file is refused
 * without being opened (a FIFO would block forever), and no failure of one file stops the others. The
 * {@code language} written is the text's, with the declared one as a hint, as the pipeline publishes it: a
 * page's declared language or domain is often that of the site, not of the article.
 */
public final class BatchExtraction {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BatchExtraction() {
    }

    /** Extracts every page under {@code inputs} and writes the JSON object to {@code out} (left open). */
    public static void run(List<Path> inputs, OutputStream out) throws IOException {
        write(files(inputs), out, Format.JSON);
    }

    /** How {@link #write} lays out the pages. */
    public enum Format {
        /** One JSON object mapping each page id to its article (the benchmarks' prediction format). */
        JSON,
        /** One JSON object per line, its id in an {@code "id"} field: pages stream out as they are done. */
        JSONL,
        /** The body text of each page; with several pages each opens with a {@code ==> id <==} line. */
        TEXT,
        /**
         * The article of each page as Markdown, its title a {@code #} heading first; with several pages each
         * opens with an {@code <!-- id -->} comment, and a {@code ---} rule separates them.
         */
        MARKDOWN
    }

    /**
     * One page to extract: its bytes with the URL and Content-Type they came with (both may be null), or
     * the reason they could not be read.
     */
    public record Input(String id, byte[] bytes, String url, String contentType, String error) {

        /** A page read from somewhere else (an HTTP response, a stream). */
        public static Input of(String id, byte[] bytes, String url, String contentType) {
            return new Input(id, bytes, url, contentType, null);
        }

        /** A page that could not be read, reported as an {@code error} entry. */
        public static Input failed(String id, String error) {
            return new Input(id, null, null, null, error);
        }

        /** The page in {@code in} (standard input), read up to one byte past the extractor's input cap. */
        public static Input read(String id, InputStream in) {
            BoundedRead read = BoundedRead.of(in, ExtractorOptions.defaults().maxInputBytes() + 1);
            if (read.damage() != null && read.bytes().length == 0) {
                return failed(id, read.damage().getClass().getSimpleName() + ": " + read.damage().getMessage());
            }
            return of(id, read.bytes(), null, null);
        }
    }

    /**
     * The pages under {@code inputs}, folders expanded as {@link #pages} does; each file is read only when
     * its turn comes, so that a batch of any size holds one page in memory at a time.
     */
    public static Iterable<Input> files(List<Path> inputs) throws IOException {
        List<Path> files = pages(inputs);
        int cap = ExtractorOptions.defaults().maxInputBytes();
        return () -> files.stream().map(f -> input(f, cap)).iterator();
    }

    /** Extracts each of {@code inputs} and writes it to {@code out} (left open) as {@code format} says. */
    public static void write(Iterable<Input> inputs, OutputStream out, Format format) throws IOException {
        write(inputs, out, format, format == Format.MARKDOWN);
    }

    /**
     * As {@link #write(Iterable, OutputStream, Format)}; with {@code markdown}, JSON entries also carry the
     * article as Markdown (as {@link Format#MARKDOWN} writes it) in a {@code "markdown"} field. Without it the
     * extractor does no Markdown work at all.
     */
    public static void write(Iterable<Input> inputs, OutputStream out, Format format, boolean markdown)
            throws IOException {
        ArticleExtractor extractor = new ArticleExtractor(
                ExtractorOptions.defaults().withMarkdown(markdown || format == Format.MARKDOWN));
        LanguageDetector languages = OpenNlpLanguageDetector.fromClasspath();
        if (format == Format.TEXT || format == Format.MARKDOWN) {
            writeDocuments(inputs, out, extractor, format);
            return;
        }
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (format == Format.JSON) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
            }
            for (Input input : inputs) {
                // The entry is complete before a byte of it is written, so the JSON stays valid whatever fails.
                Entry entry = entry(input, extractor).withLanguage(languages);
                if (format == Format.JSON) {
                    json.writeFieldName(input.id());
                    entry.write(json, null, markdown);
                } else {
                    entry.write(json, input.id(), markdown);
                    json.flush();
                    out.write('\n');
                }
            }
            if (format == Format.JSON) {
                json.writeEndObject();
            }
        }
        out.flush();
    }

    /** Each page's text or Markdown, after a line naming the page when there are several. */
    private static void writeDocuments(Iterable<Input> inputs, OutputStream out, ArticleExtractor extractor,
            Format format) throws IOException {
        Writer text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Iterator<Input> it = inputs.iterator();
        boolean several = false;
        boolean first = true;
        while (it.hasNext()) {
            Input input = it.next();
            several |= it.hasNext();
            Entry entry = entry(input, extractor);
            String error = entry.error() == null ? "" : " error: " + entry.error();
            if (several && format == Format.TEXT) {
                text.write((first ? "" : "\n") + "==> " + input.id() + " <==" + error + "\n");
            } else if (several) {
                // A comment names the page without showing in the rendered document; the id cannot end it early.
                String id = (input.id() + error).replace("-->", "- ->").replace("--!>", "- -!>");
                text.write((first ? "" : "\n---\n\n") + "<!-- " + id + " -->\n\n");
            }
            String body = entry.article() == null ? ""
                    : format == Format.TEXT ? entry.article().text() : markdownDocument(entry.article());
            if (!body.isEmpty()) {
                text.write(body);
                text.write('\n');
            }
            first = false;
            text.flush();
        }
        text.flush();
    }

    /** The article's Markdown under its title as a level-one heading, unless the body opens with that heading. */
    static String markdownDocument(ExtractedArticle a) {
        String body = a.markdown() == null ? "" : a.markdown();
        if (a.title() == null || a.title().isBlank()) {
            return body;
        }
        String heading = ContentExtractor.markdownTitle(a.title());
        String firstLine = body.lines().findFirst().orElse("");
        if (firstLine.startsWith("#") && firstLine.replaceFirst("^#+ ", "").equals(heading.substring(2))) {
            return body;
        }
        return body.isEmpty() ? heading : heading + "\n\n" + body;
    }

    /**
     * The files to read, folders expanded (sorted, at any depth), in argument order. A page-named entry of a
     * folder that is not a regular file is listed too, so that it gets an error entry rather than vanishing.
     */
    static List<Path> pages(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(p -> !Files.isDirectory(p)).filter(BatchExtraction::isPage).sorted().forEach(files::add);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static boolean isPage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".html.gz") || name.endsWith(".htm");
    }

    /** File name without its {@code .html}, {@code .htm} or {@code .html.gz} extension. */
    static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.replaceFirst("(?i)\\.html?(\\.gz)?$", "");
    }

    private static Input input(Path file, int maxInputBytes) {
        String id = idOf(file);
        if (!Files.exists(file)) {
            return Input.failed(id, "NoSuchFileException: " + file);
        }
        if (!Files.isRegularFile(file)) {
            return Input.failed(id, "not a regular file: " + file);
        }
        BoundedRead read;
        try {
            read = read(file, maxInputBytes + 1);
        } catch (IOException e) {
            return Input.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (read.damage() != null) {
            return Input.failed(id, "damaged gzip after " + read.bytes().length + " bytes: " + read.damage());
        }
        return Input.of(id, read.bytes(), null, null);
    }

    private static Entry entry(Input input, ArticleExtractor extractor) {
        if (input.error() != null) {
            return Entry.error(input.error());
        }
        return Entry.of(extractor.extract(input.bytes(), input.url(), input.contentType()));
    }

    /**
     * Reads a page up to {@code limit} bytes, gunzipping {@code .gz} files; one byte past the extractor's cap
     * lets it see and flag the cut.
     */
    private static BoundedRead read(Path file, int limit) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                return BoundedRead.of(in, limit);
            }
            return BoundedRead.gunzip(in, limit, Files.size(file));
        }
    }

    /** One file's entry: an error, or the article's fields. */
    private record Entry(String error, ExtractedArticle article, String language) {

        static Entry error(String message) {
            return new Entry(message, null, null);
        }

        /** This entry with the language of its text, the declared one breaking ties on short texts. */
        Entry withLanguage(LanguageDetector languages) {
            if (article == null || article.text().isEmpty()) {
                return article == null ? this : new Entry(error, article, article.language());
            }
            String detected = languages.detect(article.text(), article.language());
            return new Entry(error, article, LanguageDetector.UNDETERMINED.equals(detected) ? article.language()
                    : detected);
        }

        static Entry of(ExtractedArticle a) {
            boolean unreadable = a.emptyReason() != null && a.title() == null
                    && !a.emptyReason().equals("no-article-content");
            return new Entry(unreadable ? a.emptyReason() : null, a, a.language());
        }

        /**
         * Writes the entry as an object, with an {@code "id"} field first when {@code id} is not null and a
         * {@code "markdown"} field when {@code markdown} is asked for.
         */
        void write(JsonGenerator json, String id, boolean markdown) throws IOException {
            json.writeStartObject();
            writeIfPresent(json, "id", id);
            writeIfPresent(json, "error", error);
            if (article != null) {
                writeArticle(json, article, language);
                if (markdown) {
                    json.writeStringField("markdown", markdownDocument(article));
                }
            }
            json.writeEndObject();
        }

        private static void writeArticle(JsonGenerator json, ExtractedArticle a, String language)
                throws IOException {
            json.writeStringField("articleBody", a.text());
            writeIfPresent(json, "headline", a.title());
            if (!a.authors().isEmpty()) {
                json.writeArrayFieldStart("authors");
                for (String author : a.authors()) {
                    json.writeString(author);
                }
                json.writeEndArray();
            }
            writeIfPresent(json, "datePublished", a.published() == null ? null : a.published().value().toString());
            writeIfPresent(json, "dateModified", a.modified() == null ? null : a.modified().value().toString());
            writeIfPresent(json, "language", language);
            writeIfPresent(json, "canonicalUrl", a.canonicalUrl());
            writeIfPresent(json, "image", a.image());
            if (a.truncated()) {
                json.writeBooleanField("truncated", true);
            }
        }

        private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
            if (value != null) {
                json.writeStringField(field, value);
            }
        }
    }
}
