package io.newsflow.cli.bench;

import io.newsflow.ingest.files.PageFile;
import io.newsflow.ingest.files.PageFiles;
import io.newsflow.ingest.warc.WarcPage;
import io.newsflow.ingest.warc.WarcSource;
import io.newsflow.schemas.avro.RawArticle;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.ids.ArticleIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The benchmark's articles, built from real pages: each article is one of the pages (its markup,
 * furniture and metadata) with its paragraphs replaced by paragraphs drawn from all pages. So
 * every article is real news prose in real page markup, yet N articles are N different texts,
 * as in a real stream: repeating the same few pages would make every article a near-duplicate of
 * hundreds of others, a load dedupe never sees in production. One article in fifty is an exact
 * copy of the one before under another URL (a syndicated copy), so dedupe has matches to find.
 */
public final class BenchCorpus {

    /** Paragraphs shorter than this are furniture (captions, share bars), not prose to mix. */
    private static final int MIN_PARAGRAPH_CHARS = 80;
    /** Every this-many-th article is an exact copy of the previous one. */
    static final int COPY_EVERY = 50;

    private final List<Document> templates;
    private final List<String> paragraphs;

    private BenchCorpus(List<Document> templates, List<String> paragraphs) {
        this.templates = templates;
        this.paragraphs = paragraphs;
    }

    /** Reads pages from folders, files and WARC archives ({@code .warc}, {@code .warc.gz}). */
    public static BenchCorpus load(List<Path> inputs) {
        List<Document> templates = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        try {
            for (Path input : inputs) {
                String name = input.getFileName().toString().toLowerCase(Locale.ROOT);
                if (Files.isRegularFile(input) && (name.endsWith(".warc") || name.endsWith(".warc.gz"))) {
                    try (WarcSource source = WarcSource.open(input)) {
                        for (var page = source.next(); page.isPresent(); page = source.next()) {
                            WarcPage p = page.get();
                            add(templates, paragraphs, p.body(), p.targetUri().toString());
                        }
                    }
                } else {
                    for (Path file : PageFiles.find(List.of(input))) {
                        PageFile page = PageFiles.read(file, 32L * 1024 * 1024);
                        if (page.ok()) {
                            add(templates, paragraphs, page.body(), file.toUri().toString());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("no page with at least three paragraphs of prose in " + inputs);
        }
        return new BenchCorpus(templates, paragraphs);
    }

    private static void add(List<Document> templates, List<String> paragraphs, byte[] body, String baseUri) {
        Document doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), baseUri);
        List<String> prose = doc.select("p").stream().map(Element::text)
                .filter(t -> t.length() >= MIN_PARAGRAPH_CHARS).toList();
        if (prose.size() >= 3) {
            templates.add(doc);
            paragraphs.addAll(prose);
        }
    }

    /** Number of pages used as templates. */
    public int pages() {
        return templates.size();
    }

    /** Number of distinct paragraphs mixed into articles. */
    public int paragraphs() {
        return paragraphs.size();
    }

    /** The {@code count} articles, deterministic for a given corpus, URLs under {@code run}. */
    public List<RawArticle> articles(int count, String run) {
        List<RawArticle> out = new ArrayList<>(count);
        byte[] previous = null;
        for (int i = 0; i < count; i++) {
            byte[] body = i % COPY_EVERY == COPY_EVERY - 1 && previous != null ? previous : page(i);
            String url = "https://news" + (i % 97) + ".bench.example/" + run + "/article/" + i;
            out.add(RawArticle.newBuilder()
                    .setId(ArticleIds.fromCanonicalUrl(url))
                    .setUrl(url)
                    .setFetchedAt(Instant.now())
                    .setHttpStatus(200)
                    .setContentType("text/html; charset=utf-8")
                    .setCharset("utf-8")
                    .setHeaders(Map.of())
                    .setBody(ByteBuffer.wrap(body))
                    .setSource(new Source(SourceKind.OTHER, "bench"))
                    .build());
            previous = body;
        }
        return out;
    }

    private byte[] page(int i) {
        Document doc = templates.get(i % templates.size()).clone();
        int j = 0;
        for (Element p : doc.select("p")) {
            if (p.text().length() >= MIN_PARAGRAPH_CHARS) {
                p.text(paragraphs.get(Math.floorMod(mix(i, j++), paragraphs.size())));
            }
        }
        return doc.outerHtml().getBytes(StandardCharsets.UTF_8);
    }

    /** A well-spread deterministic index (SplitMix64 finaliser) so articles share few paragraphs. */
    private static int mix(int article, int paragraph) {
        long z = article * 0x9E3779B97F4A7C15L + paragraph * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}
