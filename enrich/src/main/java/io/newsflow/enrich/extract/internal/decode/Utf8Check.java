package io.newsflow.enrich.extract.internal.decode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Result of a strict UTF-8 scan: whether the bytes are well formed and how many multi-byte
 * sequences they contain (zero means plain ASCII, which every charset decodes alike).
 *
 * @param valid              true when every sequence is well formed
 * @param multiByteSequences number of characters encoded on two bytes or more
 */
record Utf8Check(boolean valid, int multiByteSequences) {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * Scans the first {@code length} bytes but the sorted {@code [start, end)} ranges in {@code skip}
     * (cut at ASCII bytes, so no sequence spans a cut); a sequence cut by the end is tolerated.
     */
    static Utf8Check of(byte[] b, int length, int[] skip) {
        int multi = 0;
        int from = 0;
        for (int i = 0; i <= skip.length; i += 2) {
            Utf8Check part = of(b, from, i < skip.length ? skip[i] : length);
            multi += part.multiByteSequences();
            if (!part.valid()) {
                return new Utf8Check(false, multi);
            }
            from = i < skip.length ? skip[i + 1] : length;
        }
        return new Utf8Check(true, multi);
    }

    /** Scans {@code b[start, end)}; a sequence cut by the end is tolerated. */
    private static Utf8Check of(byte[] b, int start, int end) {
        int multi = 0;
        int i = start;
        while (i < end) {
            // Skip ASCII eight bytes at a time: most of a page's markup is ASCII.
            while (i + 8 <= end && (((long) LONGS.get(b, i)) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int extra = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
            if (extra < 0) {
                return new Utf8Check(false, multi);
            }
            if (i + extra >= end) {
                break;
            }
            for (int k = 1; k <= extra; k++) {
                if ((b[i + k] & 0xc0) != 0x80) {
                    return new Utf8Check(false, multi);
                }
            }
            multi++;
            i += extra + 1;
        }
        return new Utf8Check(true, multi);
    }
}
