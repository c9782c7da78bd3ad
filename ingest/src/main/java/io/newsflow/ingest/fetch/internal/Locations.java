package io.newsflow.ingest.fetch.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Turns a redirect's Location header into the next URI to request. */
public final class Locations {

    private Locations() {
    }

    /**
     * {@code location} resolved against {@code base}, fragment removed, with spaces and non-ASCII
     * characters (which servers do send) percent-encoded as UTF-8; null if still unparseable.
     * Existing escapes are kept as they are, so {@code %2F} or {@code %26} keep their meaning.
     */
    public static URI resolve(URI base, String location) {
        String encoded = encodeUnsafe(location.strip());
        int hash = encoded.indexOf('#');
        String noFragment = hash >= 0 ? encoded.substring(0, hash) : encoded;
        try {
            return base.resolve(URI.create(noFragment));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String encodeUnsafe(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp > 0x20 && cp < 0x7F && "\"<>\\^`{|}".indexOf(cp) < 0) {
                sb.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
                }
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
