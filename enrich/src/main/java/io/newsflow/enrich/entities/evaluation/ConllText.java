package io.newsflow.enrich.entities.evaluation;

import io.newsflow.enrich.entities.tagger.ConllCorpus;
import java.util.List;

/**
 * A labelled document written out as text: tokens joined by spaces, one sentence per line, with the offsets of
 * every token so that recognized mentions can be mapped back to tokens.
 *
 * @param text the text
 * @param starts per sentence, the offset of each token
 * @param ends per sentence, the offset after each token
 * @param tokens number of tokens
 */
public record ConllText(String text, int[][] starts, int[][] ends, int tokens) {

    /** Writes one document out. */
    public static ConllText of(ConllCorpus.Document doc) {
        StringBuilder sb = new StringBuilder();
        List<ConllCorpus.Sentence> sentences = doc.sentences();
        int[][] starts = new int[sentences.size()][];
        int[][] ends = new int[sentences.size()][];
        int tokens = 0;
        for (int s = 0; s < sentences.size(); s++) {
            if (s > 0) {
                sb.append('\n');
            }
            List<String> words = sentences.get(s).words();
            starts[s] = new int[words.size()];
            ends[s] = new int[words.size()];
            for (int i = 0; i < words.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                starts[s][i] = sb.length();
                sb.append(words.get(i));
                ends[s][i] = sb.length();
                tokens++;
            }
        }
        return new ConllText(sb.toString(), starts, ends, tokens);
    }

    /**
     * The sentence and tokens a character span covers exactly, as {sentence, first token, token after}; null
     * when it starts or ends inside a token or crosses a line.
     */
    public int[] tokens(int start, int end) {
        for (int s = 0; s < starts.length; s++) {
            int[] st = starts[s];
            if (st.length == 0 || start > ends[s][st.length - 1]) {
                continue;
            }
            int first = java.util.Arrays.binarySearch(st, start);
            int last = java.util.Arrays.binarySearch(ends[s], end);
            if (first < 0 || last < 0 || last < first) {
                return null;
            }
            return new int[] {s, first, last + 1};
        }
        return null;
    }
}
