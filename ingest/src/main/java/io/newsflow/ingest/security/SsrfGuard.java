package io.newsflow.ingest.security;

import io.newsflow.ingest.security.internal.Cidr;
import io.newsflow.ingest.security.internal.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses URLs whose host resolves to loopback, private, link-local, cloud-metadata, unspecified,
 * multicast or reserved addresses (IPv4 and IPv6, including IPv4-mapped and NAT64 forms), so a
 * feed or redirect cannot make the crawler reach internal services. Every resolved address must
 * pass, not just the first.
 */
public final class SsrfGuard {

    private static final List<Cidr> BLOCKED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
            "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10",
            "fec0::/10", "ff00::/8").stream().map(Cidr::parse).toList();

    /** Host names refused whatever they resolve to (metadata endpoints reachable by name). */
    private static final Set<String> BLOCKED_NAMES = Set.of(
            "localhost", "metadata", "metadata.google.internal", "instance-data", "instance-data.ec2.internal");

    /** Port of an allowance that holds for every port of its host or network. */
    private static final int ANY_PORT = -1;
    // host:port, [v6]:port, a.b.c.d/n:port; a bare IPv6 literal has colons but no port.
    private static final Pattern WITH_PORT = Pattern.compile("^(\\[[^\\]]*\\](?:/\\d{1,3})?|[^:\\[\\]]+):(\\d{1,5})$");

    private final Map<String, Set<Integer>> allowedHosts;
    private final List<AllowedNet> allowedNets;

    private SsrfGuard(Map<String, Set<Integer>> allowedHosts, List<AllowedNet> allowedNets) {
        this.allowedHosts = Map.copyOf(allowedHosts);
        this.allowedNets = List.copyOf(allowedNets);
    }

    /** An allow-listed network, on one port or on any ({@link #ANY_PORT}). */
    private record AllowedNet(Cidr cidr, int port) {
        boolean allows(byte[] raw, int requestPort) {
            return (port == ANY_PORT || port == requestPort) && cidr.contains(raw);
        }
    }

    /** The production guard: nothing internal is reachable. */
    public static SsrfGuard defaults() {
        return new SsrfGuard(Map.of(), List.of());
    }

    /**
     * A guard that additionally lets through the given host names (exact, case-insensitive) and
     * CIDR blocks or IP literals, e.g. {@code 127.0.0.0/8} for tests against a loopback server.
     * An entry may name one port ({@code localhost:8080}, {@code 127.0.0.1:8080},
     * {@code [::1]:8080}, {@code 10.0.0.0/8:443}); without one it allows every port.
     *
     * @throws IllegalArgumentException if an entry is empty or its port is out of range
     */
    public static SsrfGuard allowing(Collection<String> allowedHostsOrCidrs) {
        Map<String, Set<Integer>> hosts = new HashMap<>();
        List<AllowedNet> nets = new ArrayList<>();
        for (String entry : allowedHostsOrCidrs) {
            String e = entry.strip();
            int port = ANY_PORT;
            Matcher m = WITH_PORT.matcher(e);
            if (m.matches()) {
                e = m.group(1);
                port = port(m.group(2), entry);
            }
            e = e.replace("[", "").replace("]", "");
            String literal = e.contains("/") ? e.substring(0, e.indexOf('/')) : e;
            if (e.isEmpty()) {
                throw new IllegalArgumentException("empty allow-host entry: '" + entry + "'");
            } else if (IpLiterals.isLiteral(literal)) {
                nets.add(new AllowedNet(Cidr.parse(e), port));
            } else {
                hosts.computeIfAbsent(e.toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(port);
            }
        }
        return new SsrfGuard(hosts, nets);
    }

    private static int port(String digits, String entry) {
        int port = Integer.parseInt(digits);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("bad port in allow-host entry: '" + entry + "'");
        }
        return port;
    }

    /**
     * Resolves the URL's host and refuses it unless every address is public or allow-listed;
     * an unresolvable host is refused too (fail closed).
     */
    public void check(URI uri) throws BlockedAddressException {
        try {
            resolveAndCheck(uri);
        } catch (UnknownHostException e) {
            throw new BlockedAddressException(uri, null, "unresolvable host");
        }
    }

    /**
     * Like {@link #check(URI)} but returns the vetted addresses and reports an unresolvable host
     * as {@link UnknownHostException}, so a fetcher can tell a network error from a refusal.
     */
    public List<InetAddress> resolveAndCheck(URI uri) throws BlockedAddressException, UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new BlockedAddressException(uri, null, "scheme not allowed");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new BlockedAddressException(uri, null, "missing host");
        }
        String name = stripBrackets(host).toLowerCase(Locale.ROOT);
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        int port = effectivePort(uri, scheme);
        Set<Integer> ports = allowedHosts.get(name);
        if (ports != null && (ports.contains(ANY_PORT) || ports.contains(port))) {
            return Arrays.asList(InetAddress.getAllByName(name));
        }
        if (BLOCKED_NAMES.contains(name) || name.endsWith(".localhost")) {
            throw new BlockedAddressException(uri, null, "host name refused");
        }
        InetAddress[] addresses = InetAddress.getAllByName(name);
        for (InetAddress a : addresses) {
            if (isBlocked(a, port)) {
                throw new BlockedAddressException(uri, a, "address refused");
            }
        }
        return Arrays.asList(addresses);
    }

    private static int effectivePort(URI uri, String scheme) {
        return uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    }

    /** True if connecting to {@code address} is refused on ports not allow-listed one by one. */
    public boolean isBlocked(InetAddress address) {
        return isBlocked(address, ANY_PORT);
    }

    /** True if connecting to {@code address} on {@code port} is refused by this guard. */
    public boolean isBlocked(InetAddress address, int port) {
        if (allowed(address.getAddress(), port)) {
            return false;
        }
        byte[] embedded = embeddedIpv4(address);
        if (embedded != null) {
            return isBlockedRaw(embedded, port);
        }
        return isBlockedRaw(address.getAddress(), port);
    }

    private boolean allowed(byte[] raw, int port) {
        for (AllowedNet allowed : allowedNets) {
            if (allowed.allows(raw, port)) {
                return true;
            }
        }
        return false;
    }

    private boolean isBlockedRaw(byte[] raw, int port) {
        if (allowed(raw, port)) {
            return false;
        }
        for (Cidr blocked : BLOCKED) {
            if (blocked.contains(raw)) {
                return true;
            }
        }
        return false;
    }

    /** The IPv4 address hidden in mapped (::ffff:a.b.c.d), compatible, NAT64 or 6to4 forms. */
    private static byte[] embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        byte[] b = address.getAddress();
        boolean firstTenZero = allZero(b, 0, 10);
        if (firstTenZero && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (firstTenZero && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 15)) {
            return Arrays.copyOfRange(b, 12, 16); // IPv4-compatible (deprecated) ::a.b.c.d
        }
        if ((b[0] & 0xFF) == 0x00 && (b[1] & 0xFF) == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B
                && allZero(b, 4, 12)) {
            return Arrays.copyOfRange(b, 12, 16); // NAT64 64:ff9b::/96
        }
        if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
            return Arrays.copyOfRange(b, 2, 6); // 6to4 2002::/16
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
