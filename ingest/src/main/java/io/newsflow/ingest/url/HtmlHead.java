package io.newsflow.ingest.url;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tolerant scan of an HTML document's head for the {@code <html>}, {@code <base>} and
 * {@code <link>} tags, enough for canonical, AMP and feed links without a full HTML parser.
 * Comments and script/style content are skipped; scanning stops at {@code <body>} or
 * {@code </head>}.
 *
 * @param htmlAttributes attributes of the {@code <html>} tag (lower-case names)
 * @param links          attributes of each {@code <link>} tag, in document order
 * @param base           the document base: {@code <base href>} resolved against the page URL
 */
public record HtmlHead(Map<String, String> htmlAttributes, List<Map<String, String>> links, URI base) {

    /** Heads are small; a page whose head exceeds this is not worth scanning further. */
    private static final int MAX_SCAN = 512 * 1024;

    /** Copies the collections so the record is immutable. */
    public HtmlHead {
        htmlAttributes = Map.copyOf(htmlAttributes);
        links = links.stream().map(Map::copyOf).toList();
    }

    /** Scans {@code html}, resolving the base against {@code pageUri}. */
    public static HtmlHead scan(String html, URI pageUri) {
        String s = html.length() > MAX_SCAN ? html.substring(0, MAX_SCAN) : html;
        Map<String, String> htmlAttrs = Map.of();
        List<Map<String, String>> links = new ArrayList<>();
        URI base = pageUri;
        int i = 0;
        while ((i = s.indexOf('<', i)) >= 0) {
            if (s.startsWith("<!--", i)) {
                i = skipTo(s, i + 4, "-->");
                continue;
            }
            int nameEnd = nameEnd(s, i + 1);
            String name = s.substring(i + 1, nameEnd).toLowerCase(Locale.ROOT);
            if (name.equals("body") || name.equals("/head")) {
                break;
            }
            Map<String, String> attrs = new LinkedHashMap<>();
            int end = parseAttributes(s, nameEnd, attrs);
            switch (name) {
                case "html" -> htmlAttrs = attrs;
                case "link" -> links.add(attrs);
                case "base" -> base = resolve(pageUri, attrs.get("href"), base);
                case "script", "style" -> end = skipTo(s, end, "</" + name);
                default -> { }
            }
            i = end;
        }
        return new HtmlHead(htmlAttrs, links, base);
    }

    /** The absolute http(s) URL of {@code href} against this head's base, or null. */
    public String absolute(String href) {
        URI u = resolve(base, href, null);
        if (u == null || u.getScheme() == null) {
            return null;
        }
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? u.toString() : null;
    }

    /** True if the {@code rel} attribute of {@code link} contains {@code token} (case-insensitive). */
    public static boolean hasRel(Map<String, String> link, String token) {
        String rel = link.get("rel");
        if (rel == null) {
            return false;
        }
        for (String t : rel.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (t.equals(token)) {
                return true;
            }
        }
        return false;
    }

    private static URI resolve(URI base, String href, URI fallback) {
        if (href == null || href.isBlank()) {
            return fallback;
        }
        try {
            return base.resolve(href.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    private static int nameEnd(String s, int from) {
        int j = from;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/'
                || (j == from && j < s.length() && s.charAt(j) == '/')) {
            j++;
        }
        return j;
    }

    /** Parses {@code name=value} pairs up to the closing {@code >}; returns the index after it. */
    private static int parseAttributes(String s, int from, Map<String, String> out) {
        int i = from;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (Character.isWhitespace(c) || c == '/') {
                i++;
                continue;
            }
            int nameStart = i;
            while (i < s.length() && "=>/ \t\r\n\f".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpaces(s, i);
            String value = "";
            if (i < s.length() && s.charAt(i) == '=') {
                i = skipSpaces(s, i + 1);
                int[] end = new int[1];
                value = Entities.decode(readValue(s, i, end));
                i = end[0];
            }
            out.putIfAbsent(name, value);
        }
        return i;
    }

    private static String readValue(String s, int i, int[] end) {
        if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
            int close = s.indexOf(s.charAt(i), i + 1);
            close = close < 0 ? s.length() : close;
            end[0] = Math.min(s.length(), close + 1);
            return s.substring(i + 1, close);
        }
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>') {
            j++;
        }
        end[0] = j;
        return s.substring(i, j);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int skipTo(String s, int from, String marker) {
        int at = s.toLowerCase(Locale.ROOT).indexOf(marker, from);
        return at < 0 ? s.length() : at + marker.length();
    }

    /** The few character references that matter in attribute values. */
    private static final class Entities {
        private Entities() {
        }

        static String decode(String v) {
            if (v.indexOf('&') < 0) {
                return v;
            }
            StringBuilder sb = new StringBuilder(v.length());
            int i = 0;
            while (i < v.length()) {
                int semi = v.charAt(i) == '&' ? v.indexOf(';', i) : -1;
                String rep = semi > i && semi - i <= 10 ? entity(v.substring(i + 1, semi)) : null;
                if (rep != null) {
                    sb.append(rep);
                    i = semi + 1;
                } else {
                    sb.append(v.charAt(i++));
                }
            }
            return sb.toString();
        }

        private static String entity(String name) {
            try {
                if (name.startsWith("#x") || name.startsWith("#X")) {
                    return Character.toString(Integer.parseInt(name.substring(2), 16));
                }
                if (name.startsWith("#")) {
                    return Character.toString(Integer.parseInt(name.substring(1)));
                }
            } catch (IllegalArgumentException e) {
                return null;
            }
            return switch (name) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "lt" -> "<";
                case "gt" -> ">";
                default -> null;
            };
        }
    }
}
