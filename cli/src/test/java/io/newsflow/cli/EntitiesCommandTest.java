package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.entities.tagger.TaggerModel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Training a model on a small CoNLL file and scoring it with the eval command, as a user would. */
class EntitiesCommandTest {

    @TempDir
    Path dir;

    /** Sentences like "Anna Berg visited Ostrava ." in CoNLL-2003 columns (IOB1). */
    private Path conll(String name, int docs) throws Exception {
        String[] people = {"Anna Berg", "Tomas Quill", "Mara Voss", "Ilya Dorn"};
        String[] places = {"Ostrava", "Brindle", "Karsk"};
        List<String> lines = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            lines.add("-DOCSTART- -X- O O");
            lines.add("");
            for (int s = 0; s < 5; s++) {
                for (String w : people[(d + s) % people.length].split(" ")) {
                    lines.add(w + " NNP I-NP I-PER");
                }
                lines.add("visited VBD I-VP O");
                lines.add(places[(d * 3 + s) % places.length] + " NNP I-NP I-LOC");
                lines.add(". . O O");
                lines.add("");
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    @Test
    void trainsAModelThatTheEvalCommandScores() throws Exception {
        Path train = conll("train.conll", 30);
        Path dev = conll("dev.conll", 5);
        Path model = dir.resolve("models/my.model.gz");
        StringWriter out = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setOut(new PrintWriter(out));
        PrintStream err = System.err;
        int code;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            code = cli.execute("entities", "train", "--train", train.toString(), "--dev", dev.toString(),
                    "--epochs", "2", "-o", model.toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isZero();
        assertThat(out.toString()).contains("model: ").contains("all   P 1.000 R 1.000 F1 1.000");
        try (InputStream in = Files.newInputStream(model)) {
            assertThat(TaggerModel.read(in).features()).isPositive();
        }

        PrintStream stdout = System.out;
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(report, true, StandardCharsets.UTF_8));
            code = Newsflow.commandLine().execute("entities", "eval", "--model", model.toString(),
                    "--recognizers", "model", "--rounds", "1", dev.toString());
        } finally {
            System.setOut(stdout);
        }
        assertThat(code).isZero();
        assertThat(report.toString(StandardCharsets.UTF_8)).contains("== model")
                .contains("P/O/L P 1.000 R 1.000 F1 1.000").contains("tokens/s");
    }

    @Test
    void anUnknownRecognizerIsAUsageError() throws Exception {
        Path dev = conll("dev.conll", 1);
        StringWriter err = new StringWriter();
        CommandLine cli = Newsflow.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("entities", "eval", "--recognizers", "spacy", dev.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown recognizer 'spacy'");
    }
}
