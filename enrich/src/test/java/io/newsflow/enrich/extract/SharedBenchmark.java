package io.newsflow.enrich.extract;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Access to the shared extraction benchmark (pages are never copied into the project). Its folder is
 * {@code ${newsflow.shared.dir:-../../shared}/extraction-benchmark}; tests using it are skipped when absent.
 */
public final class SharedBenchmark {

    private SharedBenchmark() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("newsflow.shared.dir", "../../shared"), "extraction-benchmark");
    }

    /** Skips the calling test, saying why, when the benchmark folder is not there (a user's clone). */
    public static void assumePresent() {
        Path dir = dir();
        assumeTrue(Files.isRegularFile(dir.resolve("ground-truth.json")) && Files.isDirectory(dir.resolve("html")),
                () -> "shared extraction benchmark not found at " + dir.toAbsolutePath()
                        + " (set -Dnewsflow.shared.dir); skipping");
    }

    static JsonNode groundTruth() throws IOException {
        return new ObjectMapper().readTree(dir().resolve("ground-truth.json").toFile());
    }

    static byte[] page(String id) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir().resolve("html").resolve(id + ".html.gz")))) {
            return in.readAllBytes();
        }
    }

    /** The page whose id starts with {@code prefix} (ids are long hashes; tests name them by prefix). */
    static String idStartingWith(String prefix) throws IOException {
        try (var files = Files.list(dir().resolve("html"))) {
            return files.map(p -> p.getFileName().toString().replace(".html.gz", ""))
                    .filter(id -> id.startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no page " + prefix));
        }
    }
}
