package io.newsflow.enrich.extract;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/** Interim (replaced by the extraction library). */
public final class BatchExtraction {
    private BatchExtraction() {
    }

    /** Extracts each page into one JSON object. */
    public static void run(List<Path> inputs, OutputStream out) throws IOException {
        throw new IOException("not yet available");
    }
}
