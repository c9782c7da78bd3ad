package io.newsflow.ingest.sitemaps.internal;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newsflow.ingest.discovery.SourceKind;
import io.newsflow.ingest.sitemaps.SitemapEntry;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Wraps crawler-commons' {@link SiteMapParser}: one document in, URLs or child sitemaps out. */
public final class SitemapParsing {

    /** Parsed content of one sitemap document. */
    public record Parsed(List<SitemapEntry> entries, List<URI> children) {
    }

    private SitemapParsing() {
    }

    /**
     * Parses an XML or text sitemap or sitemap index (already decompressed).
     *
     * @throws IOException if the document is not a sitemap or cannot be parsed
     */
    public static Parsed parse(byte[] body, SourceKind kind, URI location) throws IOException {
        SiteMapParser parser = new SiteMapParser(false, true); // lenient: real sitemaps are rarely perfect
        parser.setAllowDocTypeDefinitions(false); // no XXE, no entity expansion
        parser.enableExtension(Extension.NEWS);
        String contentType = kind == SourceKind.TEXT_SITEMAP ? "text/plain" : "application/xml";
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap(contentType, body, toUrl(location));
        } catch (UnknownFormatException e) {
            throw new IOException("not a sitemap: " + e.getMessage(), e);
        }
        if (map instanceof SiteMapIndex index) {
            List<URI> children = new ArrayList<>();
            for (AbstractSiteMap child : index.getSitemaps()) {
                URI u = toUri(child.getUrl());
                if (u != null) {
                    children.add(u);
                }
            }
            return new Parsed(List.of(), children);
        }
        List<SitemapEntry> entries = new ArrayList<>();
        for (SiteMapURL u : ((SiteMap) map).getSiteMapUrls()) {
            entries.add(entry(u, location, kind));
        }
        return new Parsed(entries, List.of());
    }

    private static SitemapEntry entry(SiteMapURL u, URI location, SourceKind kind) {
        Instant lastMod = u.getLastModified() == null ? null : u.getLastModified().toInstant();
        String title = null;
        Instant published = null;
        ExtensionMetadata[] news = u.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata m : news) {
                if (m instanceof NewsAttributes n) {
                    title = n.getTitle();
                    published = n.getPublicationDateTime() == null ? null : n.getPublicationDateTime().toInstant();
                    break;
                }
            }
        }
        return new SitemapEntry(u.getUrl().toString(), lastMod, title, published, location, kind);
    }

    private static URL toUrl(URI uri) throws IOException {
        try {
            return uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IOException("bad sitemap URL " + uri, e);
        }
    }

    private static URI toUri(URL url) {
        try {
            return url == null ? null : url.toURI();
        } catch (URISyntaxException e) {
            return null; // an unusable child link is skipped; the index itself still counts
        }
    }
}
