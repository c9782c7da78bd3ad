package io.newsflow.enrich.entities.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled text in the CoNLL-2003 column format: one token per line, the word first and its entity tag
 * last ({@code I-PER}, {@code B-ORG}, {@code O}), blank lines between sentences and {@code -DOCSTART-} lines
 * between documents. Both IOB1 (CoNLL-2003's own: B- only where two names of one type touch) and IOB2 (B- at every
 * start) are read; tags of other types than PER, ORG, LOC and MISC are read as O.
 */
public final class ConllCorpus {

    private ConllCorpus() {
    }

    /**
     * One sentence with its gold names.
     *
     * @param words the tokens
     * @param spans the names in it
     */
    public record Sentence(List<String> words, List<Labels.Span> spans) {
    }

    /**
     * One document: its sentences in order (a file without -DOCSTART- lines is one document).
     *
     * @param sentences the sentences
     */
    public record Document(List<Sentence> sentences) {

        /** Number of tokens. */
        public int tokens() {
            return sentences.stream().mapToInt(s -> s.words().size()).sum();
        }
    }

    /** Reads a file; fails naming the line when a non-blank line has fewer than two columns. */
    public static List<Document> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    static List<Document> read(BufferedReader in, String name) throws IOException {
        List<Document> docs = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String> words = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                endSentence(sentences, words, tags);
                continue;
            }
            String[] cols = trimmed.split("\\s+");
            if (cols[0].equals("-DOCSTART-")) {
                endSentence(sentences, words, tags);
                if (!sentences.isEmpty()) {
                    docs.add(new Document(List.copyOf(sentences)));
                    sentences.clear();
                }
                continue;
            }
            if (cols.length < 2) {
                throw new IllegalArgumentException(name + ":" + number + ": expected 'word ... tag', got: " + trimmed);
            }
            words.add(cols[0]);
            tags.add(cols[cols.length - 1]);
        }
        endSentence(sentences, words, tags);
        if (!sentences.isEmpty()) {
            docs.add(new Document(List.copyOf(sentences)));
        }
        return docs;
    }

    private static void endSentence(List<Sentence> sentences, List<String> words, List<String> tags) {
        if (words.isEmpty()) {
            return;
        }
        sentences.add(new Sentence(List.copyOf(words), spans(tags)));
        words.clear();
        tags.clear();
    }

    /** Spans of IOB1 or IOB2 tags. */
    static List<Labels.Span> spans(List<String> tags) {
        List<Labels.Span> out = new ArrayList<>();
        int start = -1;
        int type = -1;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            int t = tag.length() > 2 && tag.charAt(1) == '-' ? Labels.typeOf(tag.substring(2)) : -1;
            boolean begins = t >= 0 && (tag.charAt(0) == 'B' || t != type);
            if (start >= 0 && (t < 0 || begins)) {
                out.add(new Labels.Span(start, i, type));
                start = -1;
            }
            if (begins) {
                start = i;
            }
            type = t;
        }
        return out;
    }
}
