package io.newsflow.ingest.discovery;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tells feeds, sitemaps and HTML apart by looking at the first bytes: the root element name for
 * XML, the JSON Feed version marker for JSON. File names and Content-Type lie too often to use.
 */
public final class ContentSniffer {

    private static final int PEEK = 4096;

    private ContentSniffer() {
    }

    /** Classifies {@code body}; never throws, returns {@link SourceKind#UNKNOWN} when unsure. */
    public static SourceKind sniff(byte[] body) {
        if (body == null || body.length == 0) {
            return SourceKind.UNKNOWN;
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0x1F && (body[1] & 0xFF) == 0x8B) {
            return SourceKind.GZIP;
        }
        String head = decodeHead(body).strip();
        if (head.startsWith("{")) {
            return head.contains("jsonfeed.org/version") ? SourceKind.JSON_FEED : SourceKind.UNKNOWN;
        }
        if (head.startsWith("<")) {
            return fromRootElement(rootElement(head));
        }
        String lower = head.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? SourceKind.TEXT_SITEMAP : SourceKind.UNKNOWN;
    }

    private static SourceKind fromRootElement(String name) {
        if (name == null) {
            return SourceKind.UNKNOWN;
        }
        String local = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
        return switch (local.toLowerCase(Locale.ROOT)) {
            case "rss", "rdf" -> SourceKind.RSS;
            case "feed" -> SourceKind.ATOM;
            case "urlset" -> SourceKind.SITEMAP;
            case "sitemapindex" -> SourceKind.SITEMAP_INDEX;
            case "html" -> SourceKind.HTML;
            default -> SourceKind.UNKNOWN;
        };
    }

    /** Name of the first element, skipping the XML declaration, processing instructions, comments and DOCTYPE. */
    static String rootElement(String s) {
        int i = 0;
        while (i < s.length()) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= s.length()) {
                return null;
            }
            char next = s.charAt(lt + 1);
            if (next == '?') {
                i = skipPast(s, lt, "?>");
            } else if (s.startsWith("<!--", lt)) {
                i = skipPast(s, lt, "-->");
            } else if (next == '!') {
                if (s.regionMatches(true, lt, "<!doctype html", 0, 14)) {
                    return "html";
                }
                i = skipPast(s, lt, ">");
            } else {
                int end = lt + 1;
                while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && "/>".indexOf(s.charAt(end)) < 0) {
                    end++;
                }
                return s.substring(lt + 1, end);
            }
            if (i < 0) {
                return null;
            }
        }
        return null;
    }

    private static int skipPast(String s, int from, String marker) {
        int at = s.indexOf(marker, from);
        return at < 0 ? -1 : at + marker.length();
    }

    private static String decodeHead(byte[] body) {
        int n = Math.min(body.length, PEEK);
        if (n >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return new String(body, 2, n - 2, StandardCharsets.UTF_16BE);
        }
        if (n >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return new String(body, 2, n - 2, StandardCharsets.UTF_16LE);
        }
        int start = n >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        // Markup names are ASCII, so a byte-per-char decoding is enough whatever the real charset.
        Charset latin1 = StandardCharsets.ISO_8859_1;
        return new String(body, start, n - start, latin1);
    }
}
