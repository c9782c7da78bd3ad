package io.newsflow.cli;

import io.newsflow.enrich.entities.EntityRecognizer;
import io.newsflow.enrich.entities.RuleBasedEntityRecognizer;
import io.newsflow.enrich.entities.TrainedEntityRecognizer;
import io.newsflow.enrich.entities.evaluation.EvaluationReport;
import io.newsflow.enrich.entities.evaluation.LabelledArticles;
import io.newsflow.enrich.entities.tagger.ConllCorpus;
import io.newsflow.enrich.entities.tagger.TaggerModel;
import io.newsflow.enrich.entities.tagger.TaggerTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Trains and evaluates the entity recognizer on CoNLL-format data. */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "Train the entity tagger on CoNLL-format data, or score recognizers on it.",
        subcommands = {EntitiesCommand.Train.class, EntitiesCommand.Eval.class})
final class EntitiesCommand {

    /** Trains a model; the same data, settings and seed give the same bytes. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Train a tagger model (averaged perceptron) on CoNLL-2003-format files.")
    static final class Train implements Callable<Integer> {

        @Option(names = "--train", required = true, description = "Labelled training data (CoNLL format).")
        Path train;

        @Option(names = "--dev", description = "Labelled development data: picks the best epoch and is scored.")
        Path dev;

        @Option(names = {"-o", "--out"}, required = true, description = "Where to write the model (.model.gz).")
        Path out;

        @Option(names = "--articles", description = "Also train on hand-labelled articles: a folder with INDEX, "
                + "id.txt and id.tsv files (the format of enrich/src/test/resources/eval/entities).")
        Path articles;

        @Option(names = "--articles-weight",
                description = "How many times the articles are repeated in training (default: ${DEFAULT-VALUE}).")
        int articlesWeight = 3;

        @Option(names = "--epochs", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
        int epochs = TaggerTrainer.Options.defaults().epochs();

        @Option(names = "--seed", description = "Seed of the document order (default: ${DEFAULT-VALUE}).")
        long seed = TaggerTrainer.Options.defaults().seed();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            err.flush();
            long started = System.nanoTime();
            List<ConllCorpus.Document> trainDocs = new java.util.ArrayList<>(ConllCorpus.read(train));
            if (articles != null) {
                List<ConllCorpus.Document> extra = LabelledArticles.read(articles).documents();
                for (int w = 0; w < articlesWeight; w++) {
                    trainDocs.addAll(extra);
                }
            }
            List<ConllCorpus.Document> devDocs = dev == null ? List.of() : ConllCorpus.read(dev);
            err.printf(Locale.ROOT, "training on %d documents (%,d tokens)%s%n", trainDocs.size(),
                    trainDocs.stream().mapToInt(ConllCorpus.Document::tokens).sum(),
                    dev == null ? "" : ", choosing the epoch on " + devDocs.size() + " development documents");
            err.flush();
            TaggerTrainer.Options defaults = TaggerTrainer.Options.defaults();
            TaggerTrainer.Result result = TaggerTrainer.train(trainDocs, devDocs,
                    new TaggerTrainer.Options(epochs, seed, defaults.minWeight()), System.err);
            Path target = out.toAbsolutePath();
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            try (OutputStream o = Files.newOutputStream(partial)) {
                result.model().write(o);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            PrintWriter outw = spec.commandLine().getOut();
            outw.printf(Locale.ROOT, "model: %s (%,d bytes, %,d features, epoch %d) in %.0f s%n", target,
                    Files.size(target), result.model().features(), result.epoch(),
                    (System.nanoTime() - started) / 1e9);
            if (result.dev() != null) {
                outw.print("development data, gold tokens:\n" + result.dev().table());
            }
            outw.flush();
            return 0;
        }
    }

    /** Scores recognizers on labelled text through their public interface, and their speed side by side. */
    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Score recognizers on CoNLL-format files (exact span and type), and their tokens/s.")
    static final class Eval implements Callable<Integer> {

        @Parameters(arity = "0..*", description = "Labelled files (CoNLL format).")
        List<Path> files = new java.util.ArrayList<>();

        @Option(names = "--model", description = "A model of your own instead of the shipped one.")
        Path model;

        @Option(names = "--recognizers", split = ",",
                description = "Which: model, rules, rules-pos (default: model,rules).")
        List<String> recognizers = List.of("model", "rules");

        @Option(names = "--rounds", description = "Timed rounds for the speed figure; 0 skips it (default: 3).")
        int rounds = 3;

        @Spec
        CommandSpec spec;

        @Option(names = "--articles",
                description = "Also score hand-labelled articles: a folder with INDEX, id.txt and id.tsv files.")
        Path articles;

        @Override
        public Integer call() throws IOException {
            Map<String, Supplier<EntityRecognizer>> chosen = new LinkedHashMap<>();
            for (String name : recognizers) {
                chosen.put(name, recognizer(name));
            }
            System.out.flush();
            EvaluationReport.run(chosen, files, articles, rounds, System.out);
            System.out.flush();
            return 0;
        }

        private Supplier<EntityRecognizer> recognizer(String name) throws IOException {
            return switch (name) {
                case "model" -> {
                    if (model == null) {
                        yield TrainedEntityRecognizer::fromClasspath;
                    }
                    TaggerModel m;
                    try (InputStream in = Files.newInputStream(model)) {
                        m = TaggerModel.read(in);
                    }
                    yield () -> TrainedEntityRecognizer.withModel(m);
                }
                case "rules" -> RuleBasedEntityRecognizer::fastFromClasspath;
                case "rules-pos" -> RuleBasedEntityRecognizer::fromClasspath;
                default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "unknown recognizer '" + name + "': model, rules or rules-pos");
            };
        }
    }
}
