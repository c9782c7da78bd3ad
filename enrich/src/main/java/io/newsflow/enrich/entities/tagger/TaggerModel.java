package io.newsflow.enrich.entities.tagger;

import io.newsflow.enrich.entities.internal.Lexicon;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained tagger: feature keys and one weight per label each. Immutable and thread-safe once loaded; a
 * tagging call allocates only its own buffers.
 */
public final class TaggerModel implements Tagger.Scorer {

    /** Where the shipped model is on the classpath. */
    public static final String RESOURCE = "/io/newsflow/enrich/entities/tagger/en-news.model.gz";
    private static final int MAGIC = 0x4E464E52;

    /** The key of each weight row, kept for writing the model. */
    private final long[] keys;
    private final CompactIndex index;
    private final float[] weights;
    /** Words cached per model: about 40,000 distinct words cover a year of one outlet's news. */
    private static final int CACHED_WORDS = 50_000;
    private final WordInfo.Source words;

    TaggerModel(long[] keys, float[] weights, Gazetteer gazetteer, Priors priors) {
        this.keys = keys;
        this.index = new CompactIndex(keys);
        this.weights = weights;
        this.words = WordInfo.Source.cached(gazetteer, priors, CACHED_WORDS);
    }

    /** The model shipped with Newsflow. */
    public static TaggerModel fromClasspath() {
        try (InputStream in = TaggerModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Entity model missing from the classpath: " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the entity model " + RESOURCE, e);
        }
    }

    /** Reads a model written by {@link #write(OutputStream)}. */
    public static TaggerModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a Newsflow entity model");
        }
        int version = in.readInt();
        int labels = in.readInt();
        if (version != Features.VERSION || labels != Labels.COUNT) {
            throw new IOException("Entity model of feature version " + version + " with " + labels
                    + " labels; this build reads version " + Features.VERSION + " with " + Labels.COUNT
                    + ": retrain it (see the README)");
        }
        int rows = in.readInt();
        long[] keys = new long[rows];
        float[] weights = new float[rows * labels];
        for (int r = 0; r < rows; r++) {
            keys[r] = in.readLong();
            int mask = in.readInt();
            for (int y = 0; y < labels; y++) {
                if ((mask & (1 << y)) != 0) {
                    weights[r * labels + y] = in.readFloat();
                }
            }
        }
        return new TaggerModel(keys, weights, Gazetteer.of(Lexicon.load()), Priors.read(in));
    }

    /** Writes the model, gzip-compressed; the same model always gives the same bytes. */
    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
        out.writeInt(MAGIC);
        out.writeInt(Features.VERSION);
        out.writeInt(Labels.COUNT);
        out.writeInt(keys.length);
        for (int r : order) {
            out.writeLong(keys[r]);
            int mask = 0;
            for (int y = 0; y < Labels.COUNT; y++) {
                if (weights[r * Labels.COUNT + y] != 0f) {
                    mask |= 1 << y;
                }
            }
            out.writeInt(mask);
            for (int y = 0; y < Labels.COUNT; y++) {
                if ((mask & (1 << y)) != 0) {
                    out.writeFloat(weights[r * Labels.COUNT + y]);
                }
            }
        }
        words.priors().write(out);
        out.flush();
        gz.finish();
    }

    /** Number of features with weights. */
    public int features() {
        return keys.length;
    }

    @Override
    public void score(long[] keys, int n, float[] scores) {
        java.util.Arrays.fill(scores, 0f);
        float[] w = weights;
        for (int k = 0; k < n; k++) {
            int row = index.get(keys[k]);
            if (row >= 0) {
                int base = row * Labels.COUNT;
                for (int y = 0; y < Labels.COUNT; y++) { // a constant trip count: unrolled by the JIT
                    scores[y] += w[base + y];
                }
            }
        }
    }

    /** Whether a sentence is written in title case (most longer words capitalised), as the features see it. */
    public static boolean titleCase(String[] sentence) {
        return Features.mode(sentence) == Features.TITLE;
    }

    /** Tags a document given as sentences of tokens; returns the names of each sentence. */
    public List<List<Labels.Span>> tag(List<String[]> sentences) {
        return tag(sentences, 0);
    }

    /** Tags a document whose first {@code headline} sentences are its headline (tagged after the body). */
    public List<List<Labels.Span>> tag(List<String[]> sentences, int headline) {
        int[][] labels = Tagger.tag(new Features.Doc(sentences, headline, words, -1), this, null);
        List<List<Labels.Span>> out = new ArrayList<>(labels.length);
        for (int[] l : labels) {
            out.add(Labels.decode(l));
        }
        return out;
    }

}
