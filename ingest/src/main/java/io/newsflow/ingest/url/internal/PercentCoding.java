package io.newsflow.ingest.url.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Locale;

/** Percent-encoding normalisation per RFC 3986 section 6.2.2, used by the URL canonicalizer. */
public final class PercentCoding {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    /** Characters left as they are in a path. */
    public static final BitSet PATH_SAFE = bits(UNRESERVED + "!$&'()*+,;=:@/");
    /** Characters left as they are in one query parameter ({@code &} separates parameters). */
    public static final BitSet QUERY_SAFE = bits(UNRESERVED + "!$'()*+,;=:@/?");
    private static final BitSet UNRESERVED_BITS = bits(UNRESERVED);

    private PercentCoding() {
    }

    /**
     * Decodes escapes of unreserved characters, upper-cases the remaining escapes and encodes
     * characters outside {@code safe} (non-ASCII as UTF-8).
     */
    public static String normalize(String s, BitSet safe) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                int b = Integer.parseInt(s.substring(i + 1, i + 3), 16);
                if (b < 128 && UNRESERVED_BITS.get(b)) {
                    out.append((char) b);
                } else {
                    appendEscape(out, b);
                }
                i += 3;
            } else if (c < 128 && safe.get(c)) {
                out.append(c);
                i++;
            } else {
                int cp = s.codePointAt(i);
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    /** Decodes every percent escape as UTF-8; malformed escapes are kept literally. */
    public static String decodeAll(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void appendEscape(StringBuilder out, int b) {
        out.append('%').append(String.format(Locale.ROOT, "%02X", b));
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static BitSet bits(String chars) {
        BitSet set = new BitSet(128);
        chars.chars().forEach(set::set);
        return set;
    }
}
