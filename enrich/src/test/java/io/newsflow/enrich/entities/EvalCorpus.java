package io.newsflow.enrich.entities;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads a hand-labelled entity set from {@code src/test/resources/eval/<set>}. */
final class EvalCorpus {

    /** One gold mention. */
    record Gold(int start, int end, String type, String surface) {
    }

    /** One labelled article. */
    record Article(String id, String text, List<Gold> gold) {
    }

    private EvalCorpus() {
    }

    /** Reads every article listed in {@code eval/<set>/INDEX} ({@code entities} or {@code entities-heldout}). */
    static List<Article> load(String set) {
        List<Article> out = new ArrayList<>();
        for (String id : read(set, "INDEX").split("\\R")) {
            if (!id.isBlank()) {
                out.add(new Article(id.strip(), read(set, id.strip() + ".txt"), gold(read(set, id.strip() + ".tsv"))));
            }
        }
        return out;
    }

    private static List<Gold> gold(String tsv) {
        List<Gold> out = new ArrayList<>();
        for (String line : tsv.split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Gold(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3]));
        }
        return out;
    }

    static String read(String set, String name) {
        try (InputStream in = EvalCorpus.class.getResourceAsStream("/eval/" + set + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing eval resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
