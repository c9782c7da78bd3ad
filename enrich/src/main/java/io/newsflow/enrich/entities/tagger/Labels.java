package io.newsflow.enrich.entities.tagger;

import io.newsflow.enrich.entities.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * The tagger's label set: O plus Begin, Inside, Last and Unit for each of the four entity types. BILOU marks where
 * an entity ends as well as where it starts, which a greedy tagger can use: it learns more from "this word ends
 * a name" than BIO's bare "inside".
 */
public final class Labels {

    /** Entity types in label order. */
    static final EntityType[] TYPES = {EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION,
        EntityType.MISC};
    /** The CoNLL names of {@link #TYPES}. */
    static final String[] CONLL = {"PER", "ORG", "LOC", "MISC"};
    /** Number of labels. */
    public static final int COUNT = 1 + 4 * TYPES.length;
    /** The outside label. */
    public static final int O = 0;
    static final int B = 0;
    static final int I = 1;
    static final int L = 2;
    static final int U = 3;

    private Labels() {
    }

    static int label(int type, int part) {
        return 1 + type * 4 + part;
    }

    /** Type index of a label, -1 for O. */
    static int type(int label) {
        return label == O ? -1 : (label - 1) / 4;
    }

    /** Part of a label (B, I, L, U), -1 for O. */
    static int part(int label) {
        return label == O ? -1 : (label - 1) % 4;
    }

    /** Whether no name is open after this label (O, L or U). */
    static boolean closed(int label) {
        int part = part(label);
        return part != B && part != I;
    }

    /** Short name of a label, as "B-PER" or "O". */
    static String name(int label) {
        return label == O ? "O" : "BILU".charAt(part(label)) + "-" + CONLL[type(label)];
    }

    /** Entity type index of a CoNLL type name, or -1 when unknown. */
    public static int typeOf(String conll) {
        for (int i = 0; i < CONLL.length; i++) {
            if (CONLL[i].equals(conll)) {
                return i;
            }
        }
        return -1;
    }

    /** The entity type of a type index. */
    public static EntityType entityType(int type) {
        return TYPES[type];
    }

    /** The CoNLL name of a type index. */
    public static String conllName(int type) {
        return CONLL[type];
    }

    /** BILOU labels of a sentence of {@code length} tokens holding {@code spans}. */
    static int[] encode(int length, List<Span> spans) {
        int[] labels = new int[length];
        for (Span s : spans) {
            if (s.end() - s.start() == 1) {
                labels[s.start()] = label(s.type(), U);
            } else {
                labels[s.start()] = label(s.type(), B);
                for (int i = s.start() + 1; i < s.end() - 1; i++) {
                    labels[i] = label(s.type(), I);
                }
                labels[s.end() - 1] = label(s.type(), L);
            }
        }
        return labels;
    }

    /**
     * The spans of a label sequence, read leniently when it is not well formed: an entity runs from its B (or
     * first I) to its L, or to the token before whatever interrupts it (O, another type, a new B or U).
     */
    static List<Span> decode(int[] labels) {
        List<Span> out = new ArrayList<>();
        int start = -1;
        int type = -1;
        for (int i = 0; i < labels.length; i++) {
            int part = part(labels[i]);
            int t = type(labels[i]);
            boolean continues = start >= 0 && t == type && (part == I || part == L);
            if (start >= 0 && !continues) {
                out.add(new Span(start, i, type));
                start = -1;
            }
            if (part == U || part == L && start < 0) {
                out.add(new Span(i, i + 1, t));
            } else if (part == L) {
                out.add(new Span(start, i + 1, t));
                start = -1;
            } else if (part == B || part == I && start < 0) {
                start = i;
                type = t;
            }
        }
        if (start >= 0) {
            out.add(new Span(start, labels.length, type));
        }
        return out;
    }

    /**
     * A typed run of tokens in one sentence.
     *
     * @param start index of its first token
     * @param end index after its last token
     * @param type type index (see {@link #entityType(int)})
     */
    public record Span(int start, int end, int type) {
    }
}
