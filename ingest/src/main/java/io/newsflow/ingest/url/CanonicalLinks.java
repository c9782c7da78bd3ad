package io.newsflow.ingest.url;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code rel=canonical} and AMP links from a fetched page and decides the article's identity
 * URL and whether an AMP page should be replaced by its canonical version. A declared canonical is
 * trusted only within the same registrable domain, so a page cannot claim another site's identity.
 */
public final class CanonicalLinks {

    private final UrlCanonicalizer canonicalizer;

    /** Creates a helper that canonicalises the URLs it returns with {@code canonicalizer}. */
    public CanonicalLinks(UrlCanonicalizer canonicalizer) {
        this.canonicalizer = Objects.requireNonNull(canonicalizer, "canonicalizer");
    }

    /** Extracts the hints from an HTML body; relative links are resolved against {@code pageUri}. */
    public PageLinks extract(byte[] html, Charset charset, URI pageUri) {
        HtmlHead head = HtmlHead.scan(new String(html, charset), pageUri);
        boolean amp = head.htmlAttributes().containsKey("amp") || head.htmlAttributes().containsKey("⚡");
        return new PageLinks(link(head, "canonical"), link(head, "amphtml"), amp);
    }

    /**
     * The canonical URL string identifying the article: the declared canonical when it is a valid
     * http(s) URL on the same registrable domain as the fetched URL, otherwise the fetched URL.
     */
    public String identity(URI fetched, PageLinks links) {
        String own = canonicalizer.canonicalize(fetched.toString());
        if (links.canonical() == null) {
            return own;
        }
        try {
            String declared = canonicalizer.canonicalize(links.canonical());
            return sameSite(own, declared) ? declared : own;
        } catch (IllegalArgumentException e) {
            return own; // a broken canonical link is the page's problem, not a reason to lose it
        }
    }

    /**
     * For an AMP page that names a trusted canonical, the non-AMP URL to fetch instead (the full
     * article); empty otherwise.
     */
    public Optional<URI> followUp(URI fetched, PageLinks links) {
        if (!links.isAmp() || links.canonical() == null) {
            return Optional.empty();
        }
        String id = identity(fetched, links);
        String own = canonicalizer.canonicalize(fetched.toString());
        return id.equals(own) ? Optional.empty() : Optional.of(URI.create(id));
    }

    private static String link(HtmlHead head, String rel) {
        for (Map<String, String> l : head.links()) {
            if (HtmlHead.hasRel(l, rel)) {
                String abs = head.absolute(l.get("href"));
                if (abs != null) {
                    return abs;
                }
            }
        }
        return null;
    }

    private static boolean sameSite(String a, String b) {
        String ha = URI.create(a).getHost();
        String hb = URI.create(b).getHost();
        if (ha == null || hb == null) {
            return false;
        }
        return Objects.equals(registrable(ha), registrable(hb));
    }

    private static String registrable(String host) {
        String assigned = EffectiveTldFinder.getAssignedDomain(host, true, false);
        return assigned == null ? host : assigned;
    }
}
