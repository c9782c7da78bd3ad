package io.newsflow.ingest.feeds;

import io.newsflow.ingest.discovery.ContentSniffer;
import io.newsflow.ingest.discovery.SourceKind;
import io.newsflow.ingest.feeds.internal.JsonFeeds;
import io.newsflow.ingest.feeds.internal.RomeFeeds;
import java.net.URI;

/**
 * Parses RSS, Atom (via ROME) and JSON Feed (via Jackson) into {@link FeedItem}s, choosing the
 * format from the content. XML is parsed with DOCTYPEs refused: no XXE, no entity bombs.
 */
public final class FeedReader {

    /** Creates a stateless, thread-safe reader. */
    public FeedReader() {
        // no configuration yet; kept as an instance for future options (e.g. item limits)
    }

    /**
     * Parses a feed document.
     *
     * @param body    raw (already content-decoded) bytes
     * @param feedUri the feed's URL, used to resolve relative item links; may be null
     * @throws FeedParseException if the document is not a feed or is unsafe or malformed
     */
    public Feed parse(byte[] body, URI feedUri) throws FeedParseException {
        SourceKind kind = ContentSniffer.sniff(body);
        return switch (kind) {
            case RSS, ATOM -> RomeFeeds.parse(body, kind, feedUri);
            case JSON_FEED -> JsonFeeds.parse(body, feedUri);
            default -> throw new FeedParseException("not a feed (looks like " + kind + ")", null);
        };
    }
}
