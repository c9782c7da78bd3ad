package io.newsflow.ingest.sources;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;

/** How to let a host the SSRF guard refused through: the {@code --allow-host} flag, spelled for that host. */
public final class SsrfHint {

    private SsrfHint() {
    }

    /** The hint for one refused URL, e.g. {@code allow it with --allow-host 127.0.0.1:8080}. */
    public static String forUri(URI uri) {
        if (uri == null || uri.getHost() == null) {
            return "allow a host with --allow-host HOST[:PORT]";
        }
        String host = uri.getHost();
        String spelled = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return forHosts(java.util.List.of(uri.getPort() < 0 ? spelled : spelled + ":" + uri.getPort()));
    }

    /** The hint for some refused {@code host[:port]}s. */
    public static String forHosts(Collection<String> hosts) {
        StringBuilder flags = new StringBuilder();
        hosts.stream().sorted().forEach(h -> flags.append(" --allow-host ").append(h));
        return String.format(Locale.ROOT, "if %s is meant to be reached, allow it with%s",
                hosts.size() == 1 ? "this host" : "each of these hosts", flags);
    }

    /** Appends the hint to a failure reason when the SSRF guard caused it. */
    public static String explain(String reason, URI uri) {
        return reason != null && reason.startsWith("BLOCKED") ? reason + "; " + forUri(uri) : reason;
    }
}
