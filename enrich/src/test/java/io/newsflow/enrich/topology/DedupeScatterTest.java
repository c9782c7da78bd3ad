package io.newsflow.enrich.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.dedupe.MinHash;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.Processing;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.serde.PlainAvroSerdeFactory;
import io.newsflow.schemas.topics.TopicNames;
import io.newsflow.schemas.topics.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DedupeScatterTest {

    private static final String TEXT = "The harbour bridge in Porthaven reopened on Monday after eight months of repairs, "
            + "the city council said, ending long detours for thousands of commuters every day. Engineers replaced "
            + "the cables of the northern span and the deck was resurfaced; tolls stay as they were until spring.";

    private final Topics topics = Topics.create(TopicNames.DEFAULTS, new PlainAvroSerdeFactory());

    /**
     * One probe per partition that owns some of the article's buckets, keyed so that it lands there, the
     * buckets together exactly the 32 band keys and the text hash, and the article waiting for that many answers.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 6, 64})
    void sendsOneProbePerPartitionOwningSomeOfTheBuckets(int partitions) {
        MockProcessorContext<String, DedupeMessage> context = new MockProcessorContext<>();
        DedupeScatter scatter = new DedupeScatter(topics, partitions);
        scatter.init(context);
        scatter.process(new Record<>("a1", article("a1", TEXT), 1_000L));

        List<DedupeMessage.Probe> probes = new ArrayList<>();
        DedupeMessage.Article article = null;
        for (var forwarded : context.forwarded()) {
            var r = forwarded.record();
            if (r.value() instanceof DedupeMessage.Probe p) {
                probes.add(p);
                int owner = BandPartitioner.partition(r.key(), partitions);
                assertThat(p.buckets()).first().isEqualTo(r.key());
                assertThat(p.buckets()).allSatisfy(b -> assertThat(BandPartitioner.partition(b, partitions)).isEqualTo(owner));
                assertThat(new BandPartitioner().partitions("t", r.key(), p, partitions)).contains(Set.of(owner));
            } else {
                article = (DedupeMessage.Article) r.value();
                assertThat(r.key()).isEqualTo("a1");
            }
        }
        List<String> expected = new ArrayList<>(MinHash.signature(TEXT).bandKeys());
        expected.add(DedupeScatter.HASH_PREFIX + MinHash.contentHash(TEXT));
        assertThat(probes.stream().flatMap(p -> p.buckets().stream())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(probes.stream().map(p -> BandPartitioner.partition(p.buckets().get(0), partitions)).distinct())
                .hasSize(probes.size());
        assertThat(probes.size()).isLessThanOrEqualTo(partitions);
        assertThat(article).isNotNull();
        assertThat(article.expected()).isEqualTo(probes.size());
    }

    private static EnrichedArticle article(String id, String text) {
        return EnrichedArticle.newBuilder().setId(id).setUrl("https://gazette.test/" + id).setText(text)
                .setFetchedAt(Instant.EPOCH).setSource(new Source(SourceKind.FILE, "test"))
                .setProcessing(Processing.newBuilder().setEnrichedAt(Instant.EPOCH).setPipelineVersion("test").build())
                .build();
    }
}
