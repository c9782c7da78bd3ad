package io.newsflow.ingest.sources;

import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.schemas.avro.SourceKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Page URLs given one by one (command line, {@code ingest.urls}): read once. */
public final class UrlSource implements Source {

    /** The source name their pages carry. */
    public static final String ORIGIN = "command line";

    private final List<String> urls;

    /** A source of these URLs. */
    public UrlSource(List<String> urls) {
        this.urls = List.copyOf(urls);
    }

    @Override
    public String name() {
        return urls.size() == 1 ? "URL " + urls.get(0) : urls.size() + " URLs";
    }

    @Override
    public boolean web() {
        return true;
    }

    @Override
    public Optional<Instant> read(SourceContext context) {
        for (String url : urls) {
            context.discovered(new Discovered(url, null, SourceKind.URL, ORIGIN));
        }
        return Optional.empty();
    }
}
