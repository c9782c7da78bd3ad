package io.newsflow.ingest.security;

import java.net.InetAddress;
import java.net.URI;

/** Thrown when a URL would make the crawler connect to an address it must not reach. */
public final class BlockedAddressException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient URI uri;
    private final transient InetAddress address;

    /** Creates the exception for {@code uri}; {@code address} is null when the host was refused by name. */
    public BlockedAddressException(URI uri, InetAddress address, String reason) {
        super(reason + ": " + uri + (address == null ? "" : " -> " + address.getHostAddress()));
        this.uri = uri;
        this.address = address;
    }

    /** The refused URL. */
    public URI uri() {
        return uri;
    }

    /** The resolved address that was refused, or null if the refusal happened before resolution. */
    public InetAddress address() {
        return address;
    }
}
