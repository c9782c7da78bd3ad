package io.newsflow.enrich.extract.internal;

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

    /** Scans the first {@code length} bytes; a sequence cut by the end of the buffer is tolerated. */
    static Utf8Check of(byte[] b, int length) {
        int multi = 0;
        int i = 0;
        while (i < length) {
            // Skip ASCII eight bytes at a time: most of a page's markup is ASCII.
            while (i + 8 <= length && (((long) LONGS.get(b, i)) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= length) {
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
            if (i + extra >= length) {
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
