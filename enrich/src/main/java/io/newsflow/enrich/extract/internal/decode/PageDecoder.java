package io.newsflow.enrich.extract.internal.decode;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns raw page bytes into text: size cap, gzip and binary sniffing, then charset resolution.
 */
public final class PageDecoder {

    private static final int[] NO_RANGES = new int[0];

    private final int maxInputBytes;
    private final boolean keepLinkTargets;

    /** Creates a decoder that never reads more than {@code maxInputBytes} of (decompressed) input. */
    public PageDecoder(int maxInputBytes) {
        this(maxInputBytes, false);
    }

    /**
     * As {@link #PageDecoder(int)}; with {@code keepLinkTargets} the parser is also given the anchors' href
     * values, which only Markdown output reads.
     */
    public PageDecoder(int maxInputBytes, boolean keepLinkTargets) {
        this.maxInputBytes = maxInputBytes;
        this.keepLinkTargets = keepLinkTargets;
    }

    /** Decodes {@code body}; never throws, bad input gives a {@link DecodedPage} with a reason. */
    public DecodedPage decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return DecodedPage.rejected("empty-input", false);
        }
        byte[] bytes = body;
        if (isGzip(bytes)) {
            bytes = gunzip(bytes);
            if (bytes.length == 0) {
                return DecodedPage.rejected("binary", false);
            }
        }
        boolean truncated = bytes.length > maxInputBytes;
        int length = Math.min(bytes.length, maxInputBytes);
        if (isNonHtmlType(contentType)) {
            return DecodedPage.rejected("not-html", truncated);
        }
        Charset bomCharset = CharsetResolver.fromBom(bytes, length);
        if (bomCharset == null && ByteSniffer.hasSignature(bytes, length)) {
            return DecodedPage.rejected("binary", truncated);
        }
        if (bomCharset == null) {
            bomCharset = ByteSniffer.utf16WithoutBom(bytes, length);
        }
        if (bomCharset == null && ByteSniffer.looksBinary(bytes, length)) {
            return DecodedPage.rejected("binary", truncated);
        }
        if (isBlank(bytes, length)) {
            return DecodedPage.rejected("empty-input", truncated);
        }
        if (bomCharset != null && !bomCharset.equals(StandardCharsets.UTF_8)) {
            return new DecodedPage(bytes, length, bomCharset, truncated, null, NO_RANGES);
        }
        // Script and style contents are found on the bytes, so that the charset is judged on what is read.
        int[] skip;
        int[] unread;
        if (keepLinkTargets) {
            UnreadMarkup.Ranges ranges = UnreadMarkup.findKeepingLinkTargets(bytes, length);
            skip = ranges.all();
            unread = ranges.allButLinkTargets();
        } else {
            skip = UnreadMarkup.find(bytes, length);
            unread = skip;
        }
        // The charset is judged on the same bytes either way: kept link targets must not change the text.
        Charset charset = bomCharset != null ? bomCharset : CharsetResolver.resolve(bytes, length, skip, contentType);
        return new DecodedPage(bytes, length, charset, truncated, null,
                DecodedPage.isAsciiCompatible(charset) ? unread : NO_RANGES);
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** Decompresses one byte past the size cap, so that the cut is seen; a damaged stream yields its prefix. */
    private byte[] gunzip(byte[] bytes) {
        return BoundedRead.gunzip(new ByteArrayInputStream(bytes), maxInputBytes + 1, bytes.length).bytes();
    }

    private static boolean isNonHtmlType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).trim();
        return !(type.startsWith("text/") || type.contains("html") || type.contains("xml")
                || type.startsWith("application/octet-stream"));
    }

    private static boolean isBlank(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xff;
            if (b > ' ' && b != 0xef && b != 0xbb && b != 0xbf) {
                return false;
            }
        }
        return true;
    }

}
