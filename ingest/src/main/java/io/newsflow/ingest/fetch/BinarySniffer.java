package io.newsflow.ingest.fetch;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Tells a binary body served as HTML (an image, a PDF, an archive) from a text page, on evidence
 * rather than a single-byte veto: a known magic number at the start, or a large share of control
 * bytes in the first {@value #PEEK} bytes. A stray NUL in a page, UTF-16 text without a byte order
 * mark and any amount of non-ASCII text are kept.
 */
public final class BinarySniffer {

    /** Bytes looked at. */
    public static final int PEEK = 8192;

    /** Share of control bytes (NUL and C0 controls other than whitespace and ESC) above which a body is binary. */
    static final double MAX_CONTROL_SHARE = 0.10;

    private static final List<Magic> MAGICS = List.of(
            new Magic("89504e470d0a1a0a", "PNG image"), new Magic("474946383761", "GIF image"),
            new Magic("474946383961", "GIF image"), new Magic("ffd8ff", "JPEG image"),
            new Magic("255044462d", "PDF document"), new Magic("504b0304", "zip archive"),
            new Magic("504b0506", "zip archive"), new Magic("7f454c46", "ELF executable"),
            new Magic("526172211a07", "RAR archive"), new Magic("377abcaf271c", "7z archive"),
            new Magic("fd377a585a00", "xz archive"), new Magic("4f67675300", "Ogg media"),
            new Magic("774f4646", "WOFF font"), new Magic("774f4632", "WOFF2 font"));

    private BinarySniffer() {
    }

    /** A format recognised by its first bytes. */
    private record Magic(byte[] bytes, String name) {
        Magic(String hex, String name) {
            this(HexFormat.of().parseHex(hex), name);
        }

        boolean matches(byte[] body) {
            if (body.length < bytes.length) {
                return false;
            }
            for (int i = 0; i < bytes.length; i++) {
                if (body[i] != bytes[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Why {@code body} is binary ("PNG image", "43% control bytes ..."), or null when it reads as text. */
    public static String classify(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        for (Magic m : MAGICS) {
            if (m.matches(body)) {
                return m.name;
            }
        }
        if (hasTextBom(body) || looksLikeUtf16(body)) {
            return null;
        }
        int n = Math.min(body.length, PEEK);
        double share = (double) controlBytes(body, n) / n;
        return share > MAX_CONTROL_SHARE
                ? String.format(Locale.ROOT, "%.0f%% control bytes in the first %d", share * 100, n)
                : null;
    }

    private static int controlBytes(byte[] body, int n) {
        int count = 0;
        for (int i = 0; i < n; i++) {
            int b = body[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x0B && b != 0x1B) {
                count++;
            }
        }
        return count;
    }

    private static boolean hasTextBom(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
    }

    /** UTF-16 of mostly ASCII text: NULs on one parity of positions, printable bytes on the other. */
    private static boolean looksLikeUtf16(byte[] body) {
        int n = Math.min(body.length, PEEK) & ~1;
        if (n < 16) {
            return false;
        }
        int[] nuls = new int[2];
        for (int i = 0; i < n; i++) {
            if (body[i] == 0) {
                nuls[i & 1]++;
            }
        }
        int half = n / 2;
        return nuls[0] > half * 0.6 && nuls[1] < half * 0.05 || nuls[1] > half * 0.6 && nuls[0] < half * 0.05;
    }
}
