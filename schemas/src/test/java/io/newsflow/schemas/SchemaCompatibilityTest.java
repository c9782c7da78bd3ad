package io.newsflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schemas.avro.DeadLetter;
import io.newsflow.schemas.avro.EnrichedArticle;
import io.newsflow.schemas.avro.RawArticle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaCompatibilityTest {

    private static final Path COMPAT = Path.of("compat");

    static Stream<Arguments> releasedVersions() throws IOException {
        List<Schema> current = List.of(RawArticle.getClassSchema(), EnrichedArticle.getClassSchema(),
                DeadLetter.getClassSchema(), io.newsflow.schemas.avro.FetchOutcome.getClassSchema(),
                io.newsflow.schemas.avro.TrendingScore.getClassSchema());
        Stream.Builder<Arguments> out = Stream.builder();
        for (Schema schema : current) {
            Path dir = COMPAT.resolve(schema.getName());
            try (Stream<Path> files = Files.list(dir)) {
                List<Path> versions = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
                assertThat(versions).as("released versions of %s in %s", schema.getName(), dir).isNotEmpty();
                for (Path v : versions) {
                    out.add(Arguments.of(schema.getName() + "/" + v.getFileName(), schema,
                            new Schema.Parser().parse(v.toFile())));
                }
            }
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void currentSchemaReadsEveryReleasedVersion(String name, Schema current, Schema released) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(current, released);
        assertThat(result.getType()).as("%s: %s", name, result.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void releasedConsumersReadCurrentData(String name, Schema current, Schema released) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(released, current);
        assertThat(result.getType()).as("%s: %s", name, result.getDescription())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
}
