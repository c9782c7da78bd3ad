package io.newsflow.enrich.extract.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Turns raw page bytes into text: size cap, gzip and binary sniffing, then charset resolution.
 */
public final class PageDecoder {

    private static final int SNIFF_BYTES = 8192;
    private static final int[] NO_RANGES = new int[0];

    private final int maxInputBytes;

    /** Creates a decoder that never reads more than {@code maxInputBytes} of (decompressed) input. */
    public PageDecoder(int maxInputBytes) {
        this.maxInputBytes = maxInputBytes;
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
        if (bomCharset == null && looksBinary(bytes, length)) {
            return DecodedPage.rejected("binary", truncated);
        }
        if (isBlank(bytes, length)) {
            return DecodedPage.rejected("empty-input", truncated);
        }
        if (bomCharset != null && !bomCharset.equals(StandardCharsets.UTF_8)) {
            return new DecodedPage(bytes, length, bomCharset, truncated, null, NO_RANGES);
        }
        // Script and style contents are found on the bytes, so that the charset is judged on what is read.
        int[] skip = UnreadMarkup.find(bytes, length);
        Charset charset = bomCharset != null ? bomCharset : CharsetResolver.resolve(bytes, length, skip, contentType);
        return new DecodedPage(bytes, length, charset, truncated, null,
                DecodedPage.isAsciiCompatible(charset) ? skip : NO_RANGES);
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length > 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** Decompresses up to the size cap; a truncated stream yields what could be read. */
    private byte[] gunzip(byte[] bytes) {
        byte[] out = new byte[Math.min(maxInputBytes + 1, Math.max(bytes.length * 4, 8192))];
        int filled = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            while (filled <= maxInputBytes) {
                if (filled == out.length) {
                    out = Arrays.copyOf(out, Math.min(maxInputBytes + 1, out.length * 2));
                }
                int n = in.read(out, filled, out.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (IOException e) {
            // A damaged or cut stream: keep the prefix that decompressed, as browsers do.
        }
        return Arrays.copyOf(out, filled);
    }

    private static boolean isNonHtmlType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).trim();
        return !(type.startsWith("text/") || type.contains("html") || type.contains("xml")
                || type.startsWith("application/octet-stream"));
    }

    /** Text pages have no NUL bytes and few control characters; images, PDFs and archives have many. */
    private static boolean looksBinary(byte[] bytes, int length) {
        int n = Math.min(length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return true;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1b) {
                control++;
            }
        }
        return control > n / 20;
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
