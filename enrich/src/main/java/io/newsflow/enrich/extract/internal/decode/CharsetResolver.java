package io.newsflow.enrich.extract.internal.decode;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Chooses the charset of a page from its BOM, the HTTP header, the meta tags and, when those are
 * missing or contradicted by the bytes, statistical detection.
 */
final class CharsetResolver {

    private static final int META_SCAN_BYTES = 4096;
    private static final int DETECT_BYTES = 64 * 1024;
    private static final Pattern HEADER_CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)",
            Pattern.CASE_INSENSITIVE);
    /** Matched against lower-cased text. */
    private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetResolver() {
    }

    static Charset fromBom(byte[] b, int length) {
        if (length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        if (length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return StandardCharsets.UTF_16BE;
        }
        if (length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /** Header first (as browsers do), then meta; verified against the bytes, detected when absent or lying. */
    static Charset resolve(byte[] bytes, int length, int[] skip, String contentType) {
        Charset declared = contentType == null ? null : lookup(HEADER_CHARSET.matcher(contentType));
        if (declared == null) {
            declared = fromMeta(bytes, Math.min(length, META_SCAN_BYTES));
        }
        Utf8Check utf8 = Utf8Check.of(bytes, length, skip);
        if (declared == null) {
            return utf8.valid() ? StandardCharsets.UTF_8 : detect(bytes, length);
        }
        if (declared.equals(StandardCharsets.UTF_8)) {
            return utf8.valid() ? declared : detect(bytes, length);
        }
        if (isSingleByteLatin(declared) && utf8.valid() && utf8.multiByteSequences() > 0) {
            // Valid multi-byte UTF-8 is almost never accidental in Latin text: the declaration lies.
            return StandardCharsets.UTF_8;
        }
        return declared;
    }

    /**
     * The charset a {@code <meta>} tag in {@code bytes[0, end)} declares. A declaration lies within one tag
     * (its pattern holds no '>'), so each meta tag is lower-cased and matched on its own, in page order:
     * the same first match as over the whole lower-cased text, without lower-casing all of it.
     */
    private static Charset fromMeta(byte[] bytes, int end) {
        for (int lt = indexOf(bytes, '<', 0, end); lt >= 0; lt = indexOf(bytes, '<', lt + 1, end)) {
            if (lt + 5 > end || (bytes[lt + 1] | 0x20) != 'm' || (bytes[lt + 2] | 0x20) != 'e'
                    || (bytes[lt + 3] | 0x20) != 't' || (bytes[lt + 4] | 0x20) != 'a') {
                continue;
            }
            int gt = indexOf(bytes, '>', lt, end);
            int tagEnd = gt < 0 ? end : gt;
            String tag = new String(bytes, lt, tagEnd - lt, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            if (tag.contains("charset")) {
                Matcher m = META_CHARSET.matcher(tag);
                if (m.lookingAt()) {
                    return named(m.group(1));
                }
            }
        }
        return null;
    }

    private static int indexOf(byte[] bytes, char c, int from, int end) {
        for (int i = from; i < end; i++) {
            if (bytes[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static Charset lookup(Matcher m) {
        return m.find() ? named(m.group(1)) : null;
    }

    /** The charset a page names, or null when this JVM does not know it. */
    private static Charset named(String declared) {
        String name = declared.toLowerCase(Locale.ROOT);
        if (name.equals("utf8")) {
            name = "utf-8";
        }
        try {
            Charset cs = Charset.forName(name);
            // Pages that claim UTF-16 without a BOM were already decoded to ASCII-compatible bytes.
            return cs.name().startsWith("UTF-16") || cs.name().startsWith("UTF-32") ? StandardCharsets.UTF_8 : cs;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isSingleByteLatin(Charset cs) {
        String n = cs.name().toLowerCase(Locale.ROOT);
        return n.equals("iso-8859-1") || n.equals("windows-1252") || n.equals("us-ascii") || n.equals("iso-8859-15");
    }

    private static Charset detect(byte[] bytes, int length) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, Math.min(length, DETECT_BYTES));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalArgumentException e) {
                // Unknown to this JVM: fall through to the web's de-facto default.
            }
        }
        return WINDOWS_1252;
    }
}
