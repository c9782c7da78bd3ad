package io.newsflow.cli;

import io.newsflow.enrich.extract.BatchExtraction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Extracts articles from local pages into one JSON object (the benchmark's prediction format). */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract articles from .html/.html.gz files or folders into one JSON object keyed by file id.")
final class ExtractCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, description = "Write the JSON here instead of stdout.")
    Path out;

    @Parameters(arity = "1..*", description = "Files or folders.")
    List<Path> inputs;

    @Override
    public Integer call() throws IOException {
        if (out == null) {
            OutputStream stdout = new BufferedOutputStream(System.out);
            BatchExtraction.run(inputs, stdout);
            stdout.flush();
        } else {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out))) {
                BatchExtraction.run(inputs, file);
            }
        }
        return 0;
    }
}
