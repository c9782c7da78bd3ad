package io.newsflow.enrich.entities.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Training on a small synthetic corpus: learns, generalises to unseen names, and is reproducible. */
class TaggerTrainerTest {

    private static final String[] PEOPLE = {"Anna Berg", "Tomas Quill", "Mara Voss", "Ilya Dorn", "Petra Lind",
        "Jonas Falk", "Greta Holm", "Oskar Wren", "Lena Marsh", "Felix Crane"};
    private static final String[] PLACES = {"Ostrava", "Brindle", "Karsk", "Velmont", "Dunmere", "Halvik"};
    private static final String[] ORGS = {"Velo Corp", "Nordbank", "Astra Group", "Kelm Industries"};

    /** Sentences like "Anna Berg said in Ostrava that Velo Corp would grow ." with gold spans. */
    static List<ConllCorpus.Document> corpus(long seed, int docs) {
        Random r = new Random(seed);
        List<ConllCorpus.Document> out = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            List<ConllCorpus.Sentence> sentences = new ArrayList<>();
            for (int s = 0; s < 6; s++) {
                List<String> words = new ArrayList<>();
                List<Labels.Span> spans = new ArrayList<>();
                add(words, spans, PEOPLE[r.nextInt(PEOPLE.length)], 0);
                words.add("said");
                words.add("in");
                add(words, spans, PLACES[r.nextInt(PLACES.length)], 2);
                words.add("that");
                add(words, spans, ORGS[r.nextInt(ORGS.length)], 1);
                words.add("would");
                words.add(r.nextBoolean() ? "grow" : "shrink");
                words.add(".");
                sentences.add(new ConllCorpus.Sentence(words, spans));
            }
            out.add(new ConllCorpus.Document(sentences));
        }
        return out;
    }

    private static void add(List<String> words, List<Labels.Span> spans, String name, int type) {
        int start = words.size();
        words.addAll(List.of(name.split(" ")));
        spans.add(new Labels.Span(start, words.size(), type));
    }

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void learnsTheNamesOfItsTrainingDataAndScoresThemOnDevelopmentData() {
        TaggerTrainer.Result result = TaggerTrainer.train(corpus(1, 40), corpus(2, 10),
                new TaggerTrainer.Options(4, 7, 0.01f), QUIET);
        assertThat(result.dev().microAll()).isGreaterThan(0.95);
        assertThat(result.epoch()).isBetween(1, 4);
    }

    @Test
    void tagsANameItNeverSawFromItsContext() {
        TaggerModel model = TaggerTrainer.train(corpus(1, 40), List.of(), new TaggerTrainer.Options(4, 7, 0.01f),
                QUIET).model();
        List<List<Labels.Span>> spans = model.tag(List.<String[]>of(
                "Zora Kettle said in Ostrava that Nordbank would grow .".split(" ")));
        assertThat(spans.get(0)).contains(new Labels.Span(0, 2, 0));
    }

    @Test
    void theSameDataAndSeedGiveTheSameBytesAndAWrittenModelTagsAlike() throws IOException {
        TaggerTrainer.Options options = new TaggerTrainer.Options(3, 11, 0.01f);
        byte[] first = bytes(TaggerTrainer.train(corpus(3, 20), List.of(), options, QUIET).model());
        byte[] second = bytes(TaggerTrainer.train(corpus(3, 20), List.of(), options, QUIET).model());
        assertThat(second).isEqualTo(first);

        TaggerModel read = TaggerModel.read(new ByteArrayInputStream(first));
        TaggerModel trained = TaggerTrainer.train(corpus(3, 20), List.of(), options, QUIET).model();
        List<String[]> text = List.<String[]>of("Mara Voss said in Karsk that Astra Group would shrink .".split(" "));
        assertThat(read.tag(text)).isEqualTo(trained.tag(text));
        assertThat(read.features()).isEqualTo(trained.features());
    }

    @Test
    void refusesAFileThatIsNoModel() {
        assertThatThrownBy(() -> TaggerModel.read(new ByteArrayInputStream(gzip(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))))
                .isInstanceOf(IOException.class).hasMessageContaining("Not a Newsflow entity model");
    }

    @Test
    void theShippedModelLoads() {
        TaggerModel model = TaggerModel.fromClasspath();
        assertThat(model.features()).isGreaterThan(10_000);
        List<List<Labels.Span>> spans = model.tag(List.<String[]>of(
                "German Chancellor Helmut Kohl met Boris Yeltsin in Moscow on Friday .".split(" ")));
        assertThat(spans.get(0)).contains(new Labels.Span(2, 4, 0), new Labels.Span(5, 7, 0),
                new Labels.Span(8, 9, 2));
    }

    private static byte[] bytes(TaggerModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }
}
