package io.newsflow.enrich.extract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.extract.internal.decode.BoundedRead;
import io.newsflow.enrich.language.LanguageDetector;
import io.newsflow.enrich.language.OpenNlpLanguageDetector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the extractor over {@code .html} / {@code .html.gz} files and folders of them, writing one
 * JSON object that maps each file's id to its article; unreadable files get an {@code error} entry.
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
        ExtractorOptions options = ExtractorOptions.defaults();
        ArticleExtractor extractor = new ArticleExtractor(options);
        LanguageDetector languages = OpenNlpLanguageDetector.fromClasspath();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (Path file : pages(inputs)) {
                // The entry is complete before a byte of it is written, so the JSON stays valid whatever fails.
                Entry entry = entry(file, extractor, options.maxInputBytes()).withLanguage(languages);
                json.writeFieldName(idOf(file));
                entry.write(json);
            }
            json.writeEndObject();
        }
        out.flush();
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

    private static Entry entry(Path file, ArticleExtractor extractor, int maxInputBytes) {
        if (!Files.exists(file)) {
            return Entry.error("NoSuchFileException: " + file);
        }
        if (!Files.isRegularFile(file)) {
            return Entry.error("not a regular file: " + file);
        }
        BoundedRead read;
        try {
            read = read(file, maxInputBytes + 1);
        } catch (IOException e) {
            return Entry.error(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (read.damage() != null) {
            return Entry.error("damaged gzip after " + read.bytes().length + " bytes: " + read.damage());
        }
        return Entry.of(extractor.extract(read.bytes(), null, null));
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

        void write(JsonGenerator json) throws IOException {
            json.writeStartObject();
            writeIfPresent(json, "error", error);
            if (article != null) {
                writeArticle(json, article, language);
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
