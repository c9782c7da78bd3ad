package io.newsflow.enrich.entities.tagger;

/**
 * Feature key to weight-row number, open addressing over one primitive array that holds each key next to its row
 * (one cache line per probe): the tagger looks up some 60 keys per token, and boxed {@code Long} keys in a
 * {@code HashMap} would cost more than the arithmetic they guard. Key 0 is reserved as "empty".
 */
final class FeatureIndex {
    // The trainer's index: whole keys, growable. A finished model looks features up in a CompactIndex.

    private long[] slots;
    private int size;

    FeatureIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity * 2];
    }

    int size() {
        return size;
    }

    /** Row of a key, or -1. */
    int get(long key) {
        int mask = (slots.length >> 1) - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (true) {
            long k = slots[i << 1];
            if (k == key) {
                return (int) slots[(i << 1) + 1];
            }
            if (k == 0L) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Row of a key, given the next free row number when the key is new. */
    int getOrAdd(long key) {
        int row = get(key);
        if (row >= 0) {
            return row;
        }
        row = size;
        put(key, row);
        return row;
    }

    /** Adds a key; the key 0 is skipped (a hash of 0 has odds of 2^-64 and costs one feature). */
    void put(long key, int row) {
        if (key == 0L) {
            return;
        }
        if ((size + 1) * 2 > (slots.length >> 1)) {
            grow();
        }
        insert(slots, key, row);
        size++;
    }

    private static void insert(long[] slots, long key, int row) {
        int mask = (slots.length >> 1) - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (slots[i << 1] != 0L) {
            i = (i + 1) & mask;
        }
        slots[i << 1] = key;
        slots[(i << 1) + 1] = row;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0L) {
                insert(bigger, slots[i], (int) slots[i + 1]);
            }
        }
        slots = bigger;
    }

    /** Keys by row number. */
    long[] keysByRow() {
        long[] out = new long[size];
        for (int i = 0; i < slots.length; i += 2) {
            if (slots[i] != 0L) {
                out[(int) slots[i + 1]] = slots[i];
            }
        }
        return out;
    }
}
