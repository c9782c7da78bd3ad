package io.newsflow.enrich.extract.internal.decode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Tells pages from binary files by the first bytes: known file signatures, then the share of bytes that
 * text never contains. One stray NUL in a page no longer condemns it; UTF-16 without a byte order mark,
 * whose markup is half NUL bytes, is recognised by where the NULs fall.
 */
final class ByteSniffer {

    /** How many leading bytes are looked at. */
    static final int SNIFF_BYTES = 8192;
    /** Above this share of non-text bytes the input is binary: random bytes have 10%, text pages none. */
    private static final double BINARY_SHARE = 0.05;
    /** UTF-16 markup has a NUL in this share of its code units at least (ASCII tags and spaces)... */
    private static final double UTF16_NUL_UNITS = 0.25;
    /** ...and almost none in the other half of its code units. */
    private static final double UTF16_STRAY_NULS = 0.01;

    private static final byte[][] SIGNATURES = {
        {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
        {(byte) 0xff, (byte) 0xd8, (byte) 0xff},
        {'G', 'I', 'F', '8', '7', 'a'},
        {'G', 'I', 'F', '8', '9', 'a'},
        {'%', 'P', 'D', 'F', '-'},
        {'P', 'K', 0x03, 0x04},
        {'P', 'K', 0x05, 0x06},
        {0x1f, (byte) 0x8b},
    };

    private ByteSniffer() {
    }

    /** Whether the leading bytes have too large a share of bytes that text never has. */
    static boolean looksBinary(byte[] bytes, int length) {
        int n = Math.min(length, SNIFF_BYTES);
        int binary = 0;
        for (int i = 0; i < n; i++) {
            if (isBinaryByte(bytes[i] & 0xff)) {
                binary++;
            }
        }
        return binary > n * BINARY_SHARE;
    }

    /** UTF-16LE or UTF-16BE when the NUL bytes fall on one side of the code units only, else null. */
    static Charset utf16WithoutBom(byte[] bytes, int length) {
        int n = Math.min(length, SNIFF_BYTES) & ~1;
        if (n < 4) {
            return null;
        }
        int evenNuls = 0;
        int oddNuls = 0;
        for (int i = 0; i < n; i += 2) {
            evenNuls += bytes[i] == 0 ? 1 : 0;
            oddNuls += bytes[i + 1] == 0 ? 1 : 0;
        }
        int units = n / 2;
        if (oddNuls >= units * UTF16_NUL_UNITS && evenNuls <= units * UTF16_STRAY_NULS) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNuls >= units * UTF16_NUL_UNITS && oddNuls <= units * UTF16_STRAY_NULS) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Whether the input starts like a PNG, JPEG, GIF, PDF, ZIP or gzip file. */
    static boolean hasSignature(byte[] bytes, int length) {
        for (byte[] sig : SIGNATURES) {
            if (startsWith(bytes, length, sig)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** NUL and C0 controls other than whitespace and ESC (ISO-2022 text uses ESC). */
    private static boolean isBinaryByte(int b) {
        return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0b && b != 0x1b;
    }
}
