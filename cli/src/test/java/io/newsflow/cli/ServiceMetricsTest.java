package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.newsflow.schemas.config.ServiceConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metrics and health over HTTP on loopback; the Streams application is created but needs no broker. */
class ServiceMetricsTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(ServiceMetrics metrics, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metrics.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesNothingUnlessAPortIsSetButStillCounts() {
        try (ServiceMetrics metrics = ServiceMetrics.start(ServiceConfig.of(Map.of()), "ingest")) {
            assertThat(metrics.port()).isEqualTo(-1);
            Counter.builder("newsflow.test").register(metrics.registry()).increment();
            assertThat(metrics.registry().get("newsflow.test").counter().count()).isEqualTo(1.0);
        }
    }

    @Test
    void refusesAPortThatIsNotOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> ServiceMetrics.start(ServiceConfig.of(Map.of("metrics.port", "metrics")), "enrich"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metrics.port");
    }

    @Test
    void servesPrometheusTextWithJvmAndServiceMeters() throws Exception {
        try (ServiceMetrics metrics = ServiceMetrics.start(ServiceConfig.of(Map.of("metrics.port", "0")), "ingest")) {
            Counter.builder("newsflow.fetch.results").tag("status", "OK").register(metrics.registry()).increment(3);
            HttpResponse<String> scrape = get(metrics, "/metrics");
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("text/plain"));
            assertThat(scrape.body())
                    .contains("newsflow_fetch_results_total{service=\"ingest\",status=\"OK\"} 3.0")
                    .contains("jvm_memory_used_bytes");
            assertThat(get(metrics, "/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void reportsStreamsMetricsAndTurnsUnhealthyWhenTheApplicationStops(@TempDir Path state) throws Exception {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("in").to("out");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(state.resolve("s")).toString());
        KafkaStreams app = new KafkaStreams(builder.build(), props);
        try (ServiceMetrics metrics = ServiceMetrics.start(ServiceConfig.of(Map.of("metrics.port", "0")), "enrich")) {
            metrics.watch(app);
            assertThat(get(metrics, "/metrics").body()).contains("kafka_stream_").contains("service=\"enrich\"");
            assertThat(get(metrics, "/health").statusCode()).isEqualTo(200);
            app.close(Duration.ofSeconds(10));
            HttpResponse<String> health = get(metrics, "/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("NOT_RUNNING");
        }
    }
}
