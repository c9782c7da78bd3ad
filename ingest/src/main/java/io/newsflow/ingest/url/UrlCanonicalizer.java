package io.newsflow.ingest.url;

import io.newsflow.ingest.security.Excerpts;
import io.newsflow.ingest.url.internal.DotSegments;
import io.newsflow.ingest.url.internal.Ipv4Host;
import io.newsflow.ingest.url.internal.PercentCoding;
import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an http(s) URL into one canonical string so that the same article reached through
 * different spellings (case, default port, tracking parameters, query order) gets one identity.
 */
public final class UrlCanonicalizer {

    /** Parameter names removed by default; matched case-insensitively. */
    public static final Set<String> DEFAULT_TRACKING_PARAMS = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
            "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "vero_id",
            "vero_conv", "oly_anon_id", "oly_enc_id", "rb_clickid", "s_kwcid", "cmpid", "__twitter_impression");

    /** Parameter name prefixes removed by default (utm_source, utm_medium, ...). */
    public static final Set<String> DEFAULT_TRACKING_PREFIXES = Set.of("utm_", "pk_", "hsa_");

    // scheme, authority, path, query; the fragment is dropped before matching.
    private static final Pattern URL = Pattern.compile(
            "^([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#]*)([^?#]*)(?:\\?([^#]*))?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    // Hex groups and colons, optionally ending in a dotted IPv4 part; at least one colon.
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f]{0,4}(:[0-9a-f]{0,4}){1,7}(:\\d{1,3}(\\.\\d{1,3}){3})?");
    // After IDNA: LDH labels (underscore tolerated, it occurs in real host names).
    private static final Pattern ASCII_HOST = Pattern.compile("[a-z0-9_-]+(\\.[a-z0-9_-]+)*");

    private final Set<String> trackingParams;
    private final Set<String> trackingPrefixes;

    /** Creates a canonicalizer removing {@link #DEFAULT_TRACKING_PARAMS} and prefixes. */
    public UrlCanonicalizer() {
        this(DEFAULT_TRACKING_PARAMS, DEFAULT_TRACKING_PREFIXES);
    }

    /** Creates a canonicalizer with custom tracking parameter names and prefixes (lower case). */
    public UrlCanonicalizer(Collection<String> trackingParams, Collection<String> trackingPrefixes) {
        this.trackingParams = lowerAll(trackingParams);
        this.trackingPrefixes = lowerAll(trackingPrefixes);
    }

    /**
     * Returns the canonical absolute URL string.
     *
     * @throws IllegalArgumentException if the URL is not absolute http(s) or cannot be parsed
     */
    public String canonicalize(String url) {
        if (url == null) {
            throw new IllegalArgumentException("url is null");
        }
        String trimmed = url.strip();
        int hash = trimmed.indexOf('#');
        String noFragment = hash >= 0 ? trimmed.substring(0, hash) : trimmed;
        Matcher m = URL.matcher(noFragment);
        if (!m.find() || m.end() != noFragment.length()) {
            throw new IllegalArgumentException("not an absolute URL: " + Excerpts.of(url));
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported scheme '" + Excerpts.of(scheme, 20) + "': " + Excerpts.of(url));
        }
        StringBuilder out = new StringBuilder(noFragment.length());
        out.append(scheme).append("://").append(authority(m.group(2), scheme, url));
        out.append(path(m.group(3)));
        String query = query(m.group(4));
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return out.toString();
    }

    private static String authority(String raw, String scheme, String url) {
        int at = raw.lastIndexOf('@');
        String hostPort = at >= 0 ? raw.substring(at + 1) : raw; // credentials never belong in an id
        String host;
        String port = "";
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("bad IPv6 literal: " + Excerpts.of(url));
            }
            host = ipv6Literal(hostPort.substring(0, close + 1).toLowerCase(Locale.ROOT), url);
            String rest = hostPort.substring(close + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw new IllegalArgumentException("bad authority: " + Excerpts.of(url));
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon >= 0 ? hostPort.substring(0, colon) : hostPort;
            port = colon >= 0 ? hostPort.substring(colon + 1) : "";
            host = asciiHost(PercentCoding.decodeAll(host), url);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("missing host: " + Excerpts.of(url));
        }
        return host + portSuffix(port, scheme, url);
    }

    /** A bracketed IPv6 literal, checked (no zone, no junk): java.net.URI refuses a malformed one outright. */
    private static String ipv6Literal(String bracketed, String url) {
        String literal = bracketed.substring(1, bracketed.length() - 1);
        if (!IPV6_CHARS.matcher(literal).matches()) {
            throw new IllegalArgumentException("bad IPv6 literal: " + Excerpts.of(url));
        }
        try {
            InetAddress.getByName(literal); // an IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad IPv6 literal: " + Excerpts.of(url), e);
        }
        return bracketed;
    }

    private static String asciiHost(String host, String url) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String ascii;
        try {
            ascii = IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad host '" + Excerpts.of(host) + "': " + Excerpts.of(url), e);
        }
        if (!ascii.isEmpty() && !ASCII_HOST.matcher(ascii).matches()) {
            throw new IllegalArgumentException("bad host '" + Excerpts.of(host) + "': " + Excerpts.of(url));
        }
        if (Ipv4Host.endsInNumber(ascii)) {
            // As browsers do: 2130706433, 0x7f.1 and 0177.0.0.1 are 127.0.0.1; 447a.0 is no host at all.
            String v4 = Ipv4Host.normalize(ascii);
            if (v4 == null) {
                throw new IllegalArgumentException("bad IPv4 host '" + Excerpts.of(host) + "': " + Excerpts.of(url));
            }
            return v4;
        }
        int dot = ascii.lastIndexOf('.');
        if (dot >= 0 && dot + 1 < ascii.length() && Character.isDigit(ascii.charAt(dot + 1))) {
            // No top-level domain starts with a digit, and java.net.URI would see no host at all.
            throw new IllegalArgumentException("bad host '" + Excerpts.of(host) + "' (top-level label starts with a digit): "
                    + Excerpts.of(url));
        }
        return ascii;
    }

    private static String portSuffix(String port, String scheme, String url) {
        if (port.isEmpty()) {
            return "";
        }
        if (!PORT.matcher(port).matches() || Integer.parseInt(port) > 65535) {
            throw new IllegalArgumentException("bad port '" + Excerpts.of(port) + "': " + Excerpts.of(url));
        }
        int p = Integer.parseInt(port);
        boolean isDefault = (p == 80 && scheme.equals("http")) || (p == 443 && scheme.equals("https"));
        return isDefault ? "" : ":" + p;
    }

    private static String path(String raw) {
        String normalized = PercentCoding.normalize(raw, PercentCoding.PATH_SAFE);
        String cleaned = DotSegments.remove(normalized);
        return cleaned.isEmpty() ? "/" : cleaned;
    }

    private String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            String normalized = PercentCoding.normalize(part, PercentCoding.QUERY_SAFE);
            int eq = normalized.indexOf('=');
            String name = eq >= 0 ? normalized.substring(0, eq) : normalized;
            if (!isTracking(PercentCoding.decodeAll(name).toLowerCase(Locale.ROOT))) {
                params.add(new String[] {name, normalized});
            }
        }
        // Stable sort by name only: repeated keys keep their order, which servers may rely on.
        params.sort(Comparator.comparing((String[] p) -> p[0]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : params) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(p[1]);
        }
        return sb.toString();
    }

    private boolean isTracking(String name) {
        if (trackingParams.contains(name)) {
            return true;
        }
        for (String prefix : trackingPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lowerAll(Collection<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
