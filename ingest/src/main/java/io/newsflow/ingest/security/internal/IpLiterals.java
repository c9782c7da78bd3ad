package io.newsflow.ingest.security.internal;

import java.util.regex.Pattern;

/** Recognises IP address literals so that they are never sent to DNS. */
public final class IpLiterals {

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern V6 = Pattern.compile("\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.%a-zA-Z]*]?");

    private IpLiterals() {
    }

    /** True for dotted IPv4 and (optionally bracketed) IPv6 literals. */
    public static boolean isLiteral(String host) {
        return V4.matcher(host).matches() || V6.matcher(host).matches();
    }
}
