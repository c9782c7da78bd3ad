package io.newsflow.enrich.extract.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.extract.BatchExtraction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the extractor's output for both development sets in the shape their scorers read
 * ({@code {id: {"articleBody": ...}}}, what {@code bin/newsflow extract --out} writes), without building
 * the CLI jar, plus each set's ground truth split into two halves (even and odd positions of the sorted
 * ids) so that a threshold tuned on one half can be checked on the other. Prints figures only; scoring is
 * left to the shared Python scorers. Usage: {@code ExtractionPredictions [SHARED_DIR [OUT_DIR]]}, by default
 * {@code ../shared} and {@code target/predictions}; for each of {@code extraction-benchmark} and
 * {@code extraction-benchmark-2} found there it writes {@code OUT_DIR/<set>.json} and
 * {@code OUT_DIR/<set>.even.ground-truth.json} and {@code .odd.ground-truth.json}.
 */
public final class ExtractionPredictions {

    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> SETS = List.of("extraction-benchmark", "extraction-benchmark-2");

    private ExtractionPredictions() {
    }

    /** Runs the extraction over each development set; see the class comment for arguments. */
    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : System.getProperty("newsflow.shared.dir", "../shared"));
        Path outDir = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/predictions"));
        for (String set : SETS) {
            Path bench = shared.resolve(set);
            if (!Files.isDirectory(bench.resolve("html"))) {
                OUT.println("no " + bench + ", skipped");
                continue;
            }
            long start = System.nanoTime();
            Path target = outDir.resolve(set + ".json");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
                BatchExtraction.run(List.of(bench.resolve("html")), out);
            }
            writeHalves(bench.resolve("ground-truth.json"), outDir, set);
            OUT.printf(Locale.ROOT, "%s -> %s (%.1f s)%n", bench, target, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The ground truth's pages at even and at odd positions of the sorted ids, as two files of the same shape. */
    private static void writeHalves(Path groundTruth, Path outDir, String set) throws IOException {
        JsonNode truth = MAPPER.readTree(groundTruth.toFile());
        List<String> ids = new ArrayList<>();
        for (Iterator<String> it = truth.fieldNames(); it.hasNext(); ) {
            ids.add(it.next());
        }
        ids.sort(null);
        ObjectNode even = MAPPER.createObjectNode();
        ObjectNode odd = MAPPER.createObjectNode();
        for (int i = 0; i < ids.size(); i++) {
            (i % 2 == 0 ? even : odd).set(ids.get(i), truth.get(ids.get(i)));
        }
        MAPPER.writeValue(outDir.resolve(set + ".even.ground-truth.json").toFile(), even);
        MAPPER.writeValue(outDir.resolve(set + ".odd.ground-truth.json").toFile(), odd);
    }
}
