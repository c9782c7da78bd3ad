package io.newsflow.enrich.entities.tagger;

/**
 * A finished model's feature lookup: open addressing over one {@code long[]} whose slots hold the upper 32 bits
 * of a key beside its row, so a lookup reads one 8-byte slot and 100,000 features fit in 2 MB of cache. The
 * tagger looks up some 60 keys per token, most of them absent; with whole keys and rows in two arrays this was
 * most of its time.
 *
 * <p>The slot is chosen by a key's lower bits and confirmed by its upper 32, so two keys share a row only if they
 * agree in both (odds near 2^-32 for a key meeting another in its probe run), which would cost one feature's
 * weights on one token. A slot of 0 is empty: rows are stored plus one.
 */
final class CompactIndex {

    private final long[] slots;

    /** An index of {@code keys}, the key of row r at index r. */
    CompactIndex(long[] keys) {
        slots = new long[Integer.highestOneBit(Math.max(16, keys.length * 2 - 1)) << 1];
        int mask = slots.length - 1;
        for (int row = 0; row < keys.length; row++) {
            int i = (int) keys[row] & mask;
            while (slots[i] != 0L) {
                i = (i + 1) & mask;
            }
            slots[i] = (keys[row] & 0xFFFFFFFF00000000L) | (row + 1L);
        }
    }

    /** Row of a key, or -1. */
    int get(long key) {
        int mask = slots.length - 1;
        long upper = key & 0xFFFFFFFF00000000L;
        int i = (int) key & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0L) {
                return -1;
            }
            if ((slot & 0xFFFFFFFF00000000L) == upper) {
                return (int) slot - 1;
            }
            i = (i + 1) & mask;
        }
    }
}
