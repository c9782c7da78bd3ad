package io.newsflow.ingest.sources;

import io.newsflow.ingest.discovery.UrlListReader;
import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.schemas.avro.SourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** A file of page URLs, one per line ({@code -} for standard input): read once; bad lines are reported. */
public final class UrlListSource implements Source {

    private final String list;
    private final UrlListReader reader;
    private final InputStream stdin;

    /** A source reading {@code list} (a path, or {@code -} for {@code stdin}) with this reader. */
    public UrlListSource(String list, UrlListReader reader, InputStream stdin) {
        this.list = list;
        this.reader = reader;
        this.stdin = stdin;
    }

    @Override
    public String name() {
        return "URL list " + ("-".equals(list) ? "(standard input)" : list);
    }

    @Override
    public boolean web() {
        return true;
    }

    @Override
    public Optional<Instant> read(SourceContext context) {
        Consumer<String> accepted = u -> context.discovered(new Discovered(u, null, SourceKind.URL, list));
        Consumer<io.newsflow.ingest.discovery.RejectedLine> rejected = r -> context.say(String.format(Locale.ROOT,
                "%s line %d skipped: %s", list, r.lineNumber(), r.reason()));
        try {
            if ("-".equals(list)) {
                reader.read(stdin, accepted, rejected);
            } else {
                reader.read(Path.of(list), accepted, rejected);
            }
        } catch (IOException e) {
            context.failed(this, "cannot read " + list + ": " + e.getMessage());
        }
        return Optional.empty();
    }
}
