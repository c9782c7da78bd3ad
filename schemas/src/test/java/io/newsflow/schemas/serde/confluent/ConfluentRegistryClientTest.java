package io.newsflow.schemas.serde.confluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.schemas.avro.Source;
import io.newsflow.schemas.avro.SourceKind;
import io.newsflow.schemas.serde.RegistryUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The error paths of the Confluent-protocol client against a loopback fake registry (the real
 * protocol is tested against Apicurio's ccompat API in the cli module's ITs).
 */
class ConfluentRegistryClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<Integer, String> schemas = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile int forcedStatus;
    private volatile long delayMs;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        requests.add(exchange.getRequestMethod() + " " + path);
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (delayMs > 0) {
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (forcedStatus != 0) {
            reply(exchange, forcedStatus, "{\"error_code\":" + forcedStatus + "01,\"message\":\"forced\"}");
            return;
        }
        if (path.matches("/subjects/[^/]+/versions") && exchange.getRequestMethod().equals("POST")) {
            String schema = JSON.readTree(body).get("schema").asText();
            int id = schemas.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey)
                    .findFirst().orElseGet(() -> {
                        int n = nextId.getAndIncrement();
                        schemas.put(n, schema);
                        return n;
                    });
            reply(exchange, 200, "{\"id\":" + id + "}");
        } else if (path.startsWith("/schemas/ids/")) {
            String schema = schemas.get(Integer.parseInt(path.substring("/schemas/ids/".length())));
            if (schema == null) {
                reply(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
            } else {
                reply(exchange, 200, JSON.createObjectNode().put("schema", schema).toString());
            }
        } else {
            reply(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private ConfluentRegistryClient client(Optional<String> basic, Optional<String> bearer) {
        return new ConfluentRegistryClient(new RegistryClientConfig("http://127.0.0.1:" + server.getAddress().getPort(),
                basic, bearer, Optional.empty(), Duration.ofSeconds(2), Duration.ofMillis(500), 2, Duration.ofMillis(10)));
    }

    @Test
    void valuesRoundTripInTheWireFormatAndSchemasAreFetchedOncePerId() {
        ConfluentRegistryClient client = client(Optional.empty(), Optional.empty());
        var serde = new ConfluentAvroSerde<>(client, Source.class, null, true);
        byte[] bytes = serde.serializer().serialize("news.test.v1", new Source(SourceKind.FEED, "a feed"));
        assertThat(bytes[0]).isZero();
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(1);
        assertThat(requests).containsExactly("POST /subjects/news.test.v1-value/versions");

        var reader = new ConfluentAvroSerde<>(client(Optional.empty(), Optional.empty()), Source.class, null, true);
        assertThat(reader.deserializer().deserialize("news.test.v1", bytes)).isEqualTo(new Source(SourceKind.FEED, "a feed"));
        assertThat(reader.deserializer().deserialize("news.test.v1", bytes).getName()).isEqualTo("a feed");
        assertThat(requests).filteredOn(r -> r.startsWith("GET /schemas/ids/1")).hasSize(1);
    }

    @Test
    void sendsBasicAuthOrBearerToken() {
        client(Optional.of("alice:secret"), Optional.empty()).register("s-value", Schema.create(Schema.Type.STRING));
        client(Optional.empty(), Optional.of("tok3n")).register("t-value", Schema.create(Schema.Type.LONG));
        assertThat(authorizations).containsExactly("Basic YWxpY2U6c2VjcmV0", "Bearer tok3n");
    }

    @Test
    void unauthorisedIsAClearErrorAndNotRetried() {
        forcedStatus = 401;
        assertThatThrownBy(() -> client(Optional.empty(), Optional.empty()).register("s-value", Schema.create(Schema.Type.STRING)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("not authenticated")
                .satisfies(e -> assertThat(((RegistryException) e).status()).isEqualTo(401));
        assertThat(requests).hasSize(1);
    }

    @Test
    void anIncompatibleSchemaIsAClearErrorWithTheRegistrysCode() {
        forcedStatus = 409;
        assertThatThrownBy(() -> client(Optional.empty(), Optional.empty()).register("s-value", Schema.create(Schema.Type.STRING)))
                .isInstanceOf(RegistryException.class).hasMessageContaining("incompatible")
                .satisfies(e -> assertThat(((RegistryException) e).errorCode()).isEqualTo(40901));
    }

    @Test
    void serverErrorsAreRetriedThenReportedAsAnOutage() {
        forcedStatus = 503;
        assertThatThrownBy(() -> client(Optional.empty(), Optional.empty()).schemaById(5))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("HTTP 503");
        assertThat(requests).hasSize(3);
    }

    @Test
    void aRegistryTooSlowToAnswerIsAnOutage() {
        delayMs = 1_500;
        assertThatThrownBy(() -> client(Optional.empty(), Optional.empty()).schemaById(5))
                .isInstanceOf(RegistryUnavailableException.class).hasMessageContaining("unreachable");
    }

    @Test
    void aClosedPortIsAnOutage() {
        int port = server.getAddress().getPort();
        server.stop(0);
        var client = new ConfluentRegistryClient(RegistryClientConfig.from("http://127.0.0.1:" + port, Map.of("registry.retries", "0")));
        assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(RegistryUnavailableException.class);
    }

    @Test
    void anUnknownSchemaIdOrANonWireFormatValueIsARecordProblem() {
        var serde = new ConfluentAvroSerde<>(client(Optional.empty(), Optional.empty()), Source.class, null, true);
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {0, 0, 0, 0, 99, 2}))
                .isInstanceOf(SerializationException.class).isNotInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("unknown schema id 99");
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte 1");
    }

    @Test
    void aFixedSubjectIsUsedWhateverTheTopic() {
        var serde = new ConfluentAvroSerde<>(client(Optional.empty(), Optional.empty()), Source.class,
                "news.enriched.v1-value", true);
        serde.serializer().serialize("newsflow-enrich-dedupe-repartition", new Source(SourceKind.FILE, "x"));
        assertThat(requests).containsExactly("POST /subjects/news.enriched.v1-value/versions");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaSaysHowToRegisterIt() {
        var serde = new ConfluentAvroSerde<>(client(Optional.empty(), Optional.empty()), Source.class, null, false);
        assertThatThrownBy(() -> serde.serializer().serialize("t", new Source(SourceKind.FILE, "x")))
                .isInstanceOf(SerializationException.class).hasMessageContaining("newsflow schemas register");
    }

    @Test
    void configMasksSecretsWhenPrinted() {
        var config = RegistryClientConfig.from("https://registry.example:8081",
                Map.of("registry.basic-auth", "alice:secret", "registry.bearer-token", "tok3n"));
        assertThat(config.toString()).doesNotContain("secret").doesNotContain("tok3n").contains("****");
    }
}
