package io.newsflow.ingest.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network prefix such as {@code 10.0.0.0/8} or {@code fc00::/7}. */
public record Cidr(byte[] network, int prefixLength) {

    /** Parses {@code a.b.c.d/n}, {@code v6::/n} or a bare literal (a single-address network). */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String addr = slash >= 0 ? s.substring(0, slash) : s;
        if (!IpLiterals.isLiteral(addr)) {
            throw new IllegalArgumentException("not an IP literal: " + text);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(addr).getAddress(); // literal only: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad address: " + text, e);
        }
        int len = slash >= 0 ? Integer.parseInt(s.substring(slash + 1)) : bytes.length * 8;
        if (len < 0 || len > bytes.length * 8) {
            throw new IllegalArgumentException("bad prefix length: " + text);
        }
        return new Cidr(bytes, len);
    }

    /** True if {@code address} has the same family and lies inside this network. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    /** True if the raw address bytes have the same family and lie inside this network. */
    public boolean contains(byte[] addr) {
        if (addr.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (addr[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (addr[full] & mask) == (network[full] & mask);
    }
}
