package io.newsflow.ingest.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;

/**
 * Fuzzes feed parsing (RSS/Atom via ROME, JSON Feed via Jackson): any bytes either parse into a
 * feed whose items all have a link, or fail with {@link FeedParseException}; nothing else may
 * escape. In the normal suite only the seeds under {@code FeedReaderFuzzTestInputs} run.
 */
class FeedReaderFuzzTest {

    private static final URI BASE = URI.create("https://news.example/feeds/rss.xml");
    private final FeedReader reader = new FeedReader();

    @FuzzTest(maxDuration = "30s")
    void parsesAnyBytesIntoAFeedOrAParseError(byte[] body) {
        Feed feed;
        try {
            feed = reader.parse(body, BASE);
        } catch (FeedParseException expected) {
            return;
        }
        assertThat(feed.items()).allSatisfy(item -> assertThat(item.url()).isNotBlank());
    }
}
