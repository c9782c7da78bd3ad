package io.newsflow.cli;

import io.newsflow.enrich.extract.BatchExtraction;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Extracts articles from local pages into one JSON object (the benchmark's prediction format). A file that
 * cannot be read gets an "error" entry and the others go on; with {@code --out} the file appears only once
 * complete, so it is never half-written JSON.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract articles from .html/.html.gz files or folders into one JSON object keyed by file id.")
final class ExtractCommand implements Callable<Integer> {

    @Option(names = {"-o", "--out"}, description = "Write the JSON here instead of stdout.")
    Path out;

    @Parameters(arity = "1..*", description = "Files or folders.")
    List<Path> inputs;

    @Spec
    CommandSpec spec;

    /** Runs the extraction; failing to write the output is one line on stderr and exit code 1, not a trace. */
    @Override
    public Integer call() {
        try {
            return extract();
        } catch (IOException e) {
            spec.commandLine().getErr().println("extract: cannot write the output: " + e);
            return 1;
        }
    }

    private int extract() throws IOException {
        if (out == null) {
            OutputStream stdout = new BufferedOutputStream(System.out);
            BatchExtraction.run(inputs, stdout);
            stdout.flush();
            return 0;
        }
        Path target = out.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
                BatchExtraction.run(inputs, file);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return 0;
    }
}
