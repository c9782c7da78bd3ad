package io.newsflow.enrich.dedupe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A MinHash signature with the number of shingles it summarises.
 *
 * @param values the {@link MinHash#HASHES} minimum hash values
 * @param shingles how many shingles the text had (for containment estimates)
 */
public record Signature(int[] values, int shingles) {

    /** Serialized size in bytes: the values then the shingle count. */
    public static final int BYTES = MinHash.HASHES * Integer.BYTES + Integer.BYTES;

    /** Validates and copies the values. */
    public Signature {
        if (values.length != MinHash.HASHES) {
            throw new IllegalArgumentException("Expected " + MinHash.HASHES + " values, got " + values.length);
        }
        values = values.clone();
    }

    /** Returns a copy of the values. */
    @Override
    public int[] values() {
        return values.clone();
    }

    /** Estimated Jaccard similarity of the two shingle sets (share of equal values). */
    public double jaccard(Signature other) {
        if (shingles == 0 || other.shingles == 0) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == other.values[i]) {
                same++;
            }
        }
        return same / (double) values.length;
    }

    /**
     * Estimated share of the smaller text's shingles found in the other (1 for a trimmed copy), the
     * similarity score used for near-duplicates; derived from Jaccard and the two shingle counts.
     */
    public double similarity(Signature other) {
        double j = jaccard(other);
        if (j == 0) {
            return 0;
        }
        double intersection = j / (1 + j) * (shingles + other.shingles);
        return Math.min(1.0, intersection / Math.min(shingles, other.shingles));
    }

    /** The {@link MinHash#BANDS} LSH keys of this signature, e.g. {@code "07:1a2b3c4d5e6f7a8b"}; equal keys mean candidates. */
    public List<String> bandKeys() {
        List<String> out = new ArrayList<>(MinHash.BANDS);
        for (int b = 0; b < MinHash.BANDS; b++) {
            long h = b;
            for (int r = 0; r < MinHash.ROWS; r++) {
                h = h * 0x9E3779B97F4A7C15L + values[b * MinHash.ROWS + r];
            }
            out.add(String.format("%02d:%016x", b, h));
        }
        return out;
    }

    /** Serializes for a state store. */
    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(BYTES);
        for (int v : values) {
            buf.putInt(v);
        }
        buf.putInt(shingles);
        return buf.array();
    }

    /** Reads what {@link #toBytes()} wrote. */
    public static Signature fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("Expected " + BYTES + " bytes, got " + bytes.length);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int[] v = new int[MinHash.HASHES];
        for (int i = 0; i < v.length; i++) {
            v[i] = buf.getInt();
        }
        return new Signature(v, buf.getInt());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature s && s.shingles == shingles && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + shingles;
    }

    @Override
    public String toString() {
        return "Signature[shingles=" + shingles + "]";
    }
}
