package io.newsflow.enrich.extract.bench;

import io.newsflow.enrich.extract.BatchExtraction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes the extractor's output for benchmark folders in the shape both scorers read
 * ({@code {id: {"articleBody": ...}}}, what {@code bin/newsflow extract --out} writes), without
 * building the CLI jar. Prints figures only; the scoring is left to the shared Python scorers.
 * Usage: {@code ExtractionPredictions OUT_DIR BENCHMARK_DIR...}: each folder's {@code html/} goes to
 * {@code OUT_DIR/<folder name>.json}.
 */
public final class ExtractionPredictions {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private ExtractionPredictions() {
    }

    /** Runs the extraction over each benchmark folder; see the class comment for arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ExtractionPredictions OUT_DIR BENCHMARK_DIR...");
        }
        Path outDir = Files.createDirectories(Path.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            Path bench = Path.of(args[i]);
            Path target = outDir.resolve(bench.getFileName() + ".json");
            long start = System.nanoTime();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
                BatchExtraction.run(List.of(bench.resolve("html")), out);
            }
            OUT.printf(Locale.ROOT, "%s -> %s (%.1f s)%n", bench, target, (System.nanoTime() - start) / 1e9);
        }
    }
}
