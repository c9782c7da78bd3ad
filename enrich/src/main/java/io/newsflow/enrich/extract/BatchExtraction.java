package io.newsflow.enrich.extract;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Runs the extractor over {@code .html} / {@code .html.gz} files and folders of them, writing one
 * JSON object that maps each file's id to its article; unreadable files get an {@code error} entry.
 */
public final class BatchExtraction {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BatchExtraction() {
    }

    /** Extracts every page under {@code inputs} and writes the JSON object to {@code out} (left open). */
    public static void run(List<Path> inputs, OutputStream out) throws IOException {
        ArticleExtractor extractor = new ArticleExtractor();
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            for (Path file : pages(inputs)) {
                json.writeFieldName(idOf(file));
                writeEntry(json, file, extractor);
            }
            json.writeEndObject();
        }
        out.flush();
    }

    /** The files to read, folders expanded (sorted, one level of nesting and more), in argument order. */
    static List<Path> pages(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(BatchExtraction::isPage).sorted().forEach(files::add);
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

    private static void writeEntry(JsonGenerator json, Path file, ArticleExtractor extractor) throws IOException {
        byte[] bytes;
        try {
            bytes = read(file);
        } catch (IOException e) {
            json.writeStartObject();
            json.writeStringField("error", e.getClass().getSimpleName() + ": " + e.getMessage());
            json.writeEndObject();
            return;
        }
        ExtractedArticle a = extractor.extract(bytes, null, null);
        json.writeStartObject();
        if (a.emptyReason() != null && a.title() == null && !a.emptyReason().equals("no-article-content")) {
            json.writeStringField("error", a.emptyReason());
        }
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
        writeIfPresent(json, "language", a.language());
        writeIfPresent(json, "canonicalUrl", a.canonicalUrl());
        writeIfPresent(json, "image", a.image());
        json.writeEndObject();
    }

    private static void writeIfPresent(JsonGenerator json, String field, String value) throws IOException {
        if (value != null) {
            json.writeStringField(field, value);
        }
    }

    /** Reads a page, gunzipping {@code .gz} files; a truncated gzip stream is reported as an error. */
    private static byte[] read(Path file) throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toByteArray();
        }
    }
}
