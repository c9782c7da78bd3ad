package io.newsflow.cli;

import io.newsflow.enrich.extract.BatchExtraction;
import io.newsflow.enrich.extract.BatchExtraction.Format;
import io.newsflow.enrich.extract.BatchExtraction.Input;
import io.newsflow.enrich.extract.ExtractorOptions;
import io.newsflow.ingest.fetch.FetchOptions;
import io.newsflow.ingest.fetch.FetchRequest;
import io.newsflow.ingest.fetch.FetchResult;
import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.fetch.HttpFetcher;
import io.newsflow.ingest.security.SsrfGuard;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Extracts articles from local pages, web pages (fetched with the ingest stage's fetcher: SSRF guard, size cap,
 * retries) or standard input, into one JSON object (the benchmarks' prediction format), one object per line,
 * plain text or Markdown. A page that cannot be read gets an "error" entry and the others go on; a URL that cannot be
 * fetched or a file argument that does not exist is also said on stderr and makes the exit code 1. With
 * {@code --out} the file appears only once complete, so it is never half-written JSON.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract articles from .html/.html.gz files or folders, http(s) URLs, or - (standard input).")
final class ExtractCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, description = "Write the output here instead of stdout.")
    Path out;

    @Option(names = "--format", paramLabel = "json|text|markdown",
            description = "json: one object keyed by page id (default); text: the article text only; markdown: the "
                    + "article as Markdown under its title (with --jsonl: a \"markdown\" field).")
    String format = "json";

    @Option(names = "--jsonl", description = "One JSON object per line and page, with its id in an \"id\" field.")
    boolean jsonl;

    @Option(names = "--allow-host", paramLabel = "HOST[:PORT]",
            description = "Let the SSRF guard fetch this private/loopback host, IP or CIDR, repeatable.")
    List<String> allowHosts = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "FILE|FOLDER|URL|-", description = "Pages to extract.")
    List<String> inputs;

    @Spec
    CommandSpec spec;

    /** Input problems worth a non-zero exit: a missing file argument, a URL that could not be fetched. */
    private final List<String> failures = new ArrayList<>();

    /** Runs the extraction; failing to write the output is one line on stderr and exit code 1, not a trace. */
    @Override
    public Integer call() {
        Format chosen = format();
        if (chosen == null) {
            spec.commandLine().getErr().println("extract: --format must be json, text or markdown, not " + format);
            return 2;
        }
        // With --jsonl, "markdown" adds the field; the layout stays one object per line.
        boolean markdown = format.toLowerCase(Locale.ROOT).equals("markdown");
        try (HttpFetcher fetcher = needsFetcher() ? new HttpFetcher(fetchOptions()) : null) {
            extract(pages(fetcher), chosen, markdown);
        } catch (IOException e) {
            spec.commandLine().getErr().println("extract: cannot write the output: " + e);
            return 1;
        }
        PrintWriter err = spec.commandLine().getErr();
        failures.forEach(f -> err.println("extract: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    /** The layout asked for, or null for an unknown {@code --format}; {@code --jsonl} lays out any of them. */
    private Format format() {
        Format named = switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> Format.JSON;
            case "text" -> Format.TEXT;
            case "markdown" -> Format.MARKDOWN;
            default -> null;
        };
        return named != null && jsonl ? Format.JSONL : named;
    }

    private boolean needsFetcher() {
        return inputs.stream().anyMatch(ExtractCommand::isUrl);
    }

    private FetchOptions fetchOptions() {
        return FetchOptions.defaults()
                .withSsrfGuard(allowHosts.isEmpty() ? SsrfGuard.defaults() : SsrfGuard.allowing(allowHosts))
                .withMaxBodyBytes(ExtractorOptions.DEFAULT_MAX_INPUT_BYTES + 1L);
    }

    private static boolean isUrl(String input) {
        String s = input.toLowerCase(Locale.ROOT);
        return s.startsWith("http://") || s.startsWith("https://");
    }

    /**
     * The pages in argument order: runs of file and folder arguments as {@link BatchExtraction#files} lists
     * them, URLs fetched and standard input read when their turn comes.
     */
    private Iterable<Input> pages(HttpFetcher fetcher) throws IOException {
        List<Iterable<Input>> parts = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            if (!input.equals("-") && !isUrl(input)) {
                Path file = Path.of(input);
                if (!Files.exists(file)) {
                    failures.add("no such file or folder: " + input);
                }
                files.add(file);
                continue;
            }
            if (!files.isEmpty()) {
                parts.add(BatchExtraction.files(List.copyOf(files)));
                files.clear();
            }
            parts.add(input.equals("-") ? () -> List.of(Input.read("stdin", System.in)).iterator()
                    : () -> List.of(fetch(fetcher, input)).iterator());
        }
        if (!files.isEmpty()) {
            parts.add(BatchExtraction.files(files));
        }
        return () -> parts.stream().flatMap(p -> iterate(p.iterator())).iterator();
    }

    private static <T> Stream<T> iterate(Iterator<T> it) {
        Iterable<T> once = () -> it;
        return StreamSupport.stream(once.spliterator(), false);
    }

    private Input fetch(HttpFetcher fetcher, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            failures.add("not a URL: " + url);
            return Input.failed(url, "not a URL: " + e.getMessage());
        }
        FetchResult r = fetcher.fetch(FetchRequest.of(uri));
        if (r.status() != FetchStatus.OK && r.status() != FetchStatus.TOO_LARGE_TRUNCATED) {
            String why = r.status() + (r.httpStatus() > 0 ? " " + r.httpStatus() : "")
                    + (r.reason() == null ? "" : ": " + r.reason());
            failures.add("cannot fetch " + url + ": " + why);
            return Input.failed(url, why);
        }
        return Input.of(url, r.body(), r.finalUri().toString(), r.contentType());
    }

    private void extract(Iterable<Input> pages, Format chosen, boolean markdown) throws IOException {
        if (out == null) {
            OutputStream stdout = new BufferedOutputStream(System.out);
            BatchExtraction.write(pages, stdout, chosen, markdown);
            stdout.flush();
            return;
        }
        Path target = out.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
                BatchExtraction.write(pages, file, chosen, markdown);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
