package io.newsflow.ingest.politeness;

import java.net.URI;
import java.util.Locale;

/** The politeness unit of a URL: scheme, host and port, as robots.txt is scoped (RFC 9309). */
public final class HostKey {

    private HostKey() {
    }

    /** For example {@code https://example.com:443}. */
    public static String of(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    /** The robots.txt URL governing {@code uri}. */
    public static URI robotsTxt(URI uri) {
        String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
        return URI.create(scheme + "://" + uri.getRawAuthority() + "/robots.txt");
    }
}
