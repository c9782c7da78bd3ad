package io.newsflow.ingest.sources;

import io.newsflow.ingest.feeds.FeedItem;
import io.newsflow.ingest.feeds.FeedPoller;
import io.newsflow.ingest.feeds.PollResult;
import io.newsflow.ingest.pipeline.Discovered;
import io.newsflow.schemas.avro.FeedHints;
import io.newsflow.schemas.avro.SourceKind;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One RSS, Atom or JSON feed, polled with conditional GETs. When followed, its interval adapts
 * (see {@link FeedPoller}): each feed has its own poller, so a busy feed does not set a quiet one's pace.
 */
public final class FeedSource implements Source {

    private final URI feed;
    private final FeedPoller poller;
    private final boolean follow;
    private final Clock clock;

    /** A source polling {@code feed} with {@code poller} (which it owns), once or until stopped. */
    public FeedSource(URI feed, FeedPoller poller, boolean follow, Clock clock) {
        this.feed = feed;
        this.poller = poller;
        this.follow = follow;
        this.clock = clock;
        poller.add(feed);
    }

    @Override
    public String name() {
        return "feed " + feed;
    }

    @Override
    public boolean web() {
        return true;
    }

    @Override
    public Optional<Instant> read(SourceContext context) {
        PollResult result = poller.poll(feed);
        if (result.status() == PollResult.Status.FAILED) {
            context.failed(this, "feed " + feed + " failed: " + SsrfHint.explain(result.reason(), feed));
        }
        for (FeedItem item : result.items()) {
            context.discovered(new Discovered(item.url(), hints(item), SourceKind.FEED, feed.toString()));
        }
        if (!follow) {
            return Optional.empty();
        }
        return Optional.of(poller.nextDue().orElse(clock.instant().plusSeconds(60)));
    }

    private static FeedHints hints(FeedItem item) {
        return FeedHints.newBuilder().setTitle(item.title()).setPublished(item.published())
                .setAuthors(item.authors()).setSummary(item.summary()).setFeedTitle(item.feedTitle()).build();
    }
}
