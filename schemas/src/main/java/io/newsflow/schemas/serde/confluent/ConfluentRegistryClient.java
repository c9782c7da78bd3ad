package io.newsflow.schemas.serde.confluent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schemas.serde.RegistryUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A client of the Confluent Schema Registry REST API, the protocol that Confluent Schema Registry,
 * Karapace, Redpanda and Apicurio ({@code /apis/ccompat/v7}) all speak.
 *
 * <p>Why our own: Confluent's client is not on Maven Central, and Newsflow needs five calls of a
 * small, stable protocol (register, look up, schema by id, latest version, compatibility). Built on
 * {@code java.net.http} and Jackson; answers are cached (schemas by id, ids by subject and schema),
 * network failures, timeouts and 5xx/429 answers are retried with back-off and then reported as
 * {@link RegistryUnavailableException}; other error answers as {@link RegistryException} carrying the
 * HTTP status and the registry's error code.
 */
public final class ConfluentRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final RegistryClientConfig config;
    private final HttpClient http;
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    /** A client of the registry at {@code config.url()} (e.g. {@code http://host:8081}). */
    public ConfluentRegistryClient(RegistryClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        String url = config.url();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.connectTimeout());
        config.sslContext().ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    /** The registry's base URL. */
    public String url() {
        return baseUrl;
    }

    /** Registers {@code schema} under {@code subject} (a no-op returning the id if it is there) and returns its id. */
    public int register(String subject, Schema schema) {
        String key = subject + "\u0000" + schema.toString();
        Integer known = idsBySubjectAndSchema.get(key);
        if (known != null) {
            return known;
        }
        JsonNode answer = call("POST", "/subjects/" + encode(subject) + "/versions", body(schema));
        int id = answer.path("id").asInt(-1);
        if (id < 0) {
            throw new RegistryException(200, -1, "registry answered without an id for subject " + subject);
        }
        idsBySubjectAndSchema.put(key, id);
        schemasById.putIfAbsent(id, schema);
        return id;
    }

    /** The id of {@code schema} under {@code subject}, if registered. */
    public Optional<Integer> lookup(String subject, Schema schema) {
        String key = subject + "\u0000" + schema.toString();
        Integer known = idsBySubjectAndSchema.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            int id = call("POST", "/subjects/" + encode(subject), body(schema)).path("id").asInt(-1);
            if (id < 0) {
                return Optional.empty();
            }
            idsBySubjectAndSchema.put(key, id);
            return Optional.of(id);
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The schema with this id; a {@link SerializationException} if the registry has none. */
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer;
        try {
            answer = call("GET", "/schemas/ids/" + id, null);
        } catch (RegistryException e) {
            if (e.status() == 404) {
                throw new SerializationException("unknown schema id " + id + " in the registry at " + baseUrl);
            }
            throw e;
        }
        Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
        schemasById.put(id, schema);
        return schema;
    }

    /** The latest version registered under {@code subject}: its id and schema, if the subject exists. */
    public Optional<Registered> latest(String subject) {
        try {
            JsonNode answer = call("GET", "/subjects/" + encode(subject) + "/versions/latest", null);
            Schema schema = new Schema.Parser().parse(answer.path("schema").asText());
            return Optional.of(new Registered(answer.path("id").asInt(), answer.path("version").asInt(), schema));
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sets the compatibility level of {@code subject} (e.g. {@code BACKWARD}). */
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", "/config/" + encode(subject), body.toString());
    }

    /** The compatibility level set on {@code subject}, if one is set there. */
    public Optional<String> compatibility(String subject) {
        try {
            JsonNode answer = call("GET", "/config/" + encode(subject), null);
            String level = answer.has("compatibilityLevel") ? answer.path("compatibilityLevel").asText()
                    : answer.path("compatibility").asText(null);
            return Optional.ofNullable(level);
        } catch (RegistryException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every subject the registry holds. */
    public java.util.List<String> subjects() {
        java.util.List<String> out = new java.util.ArrayList<>();
        call("GET", "/subjects", null).forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String body(Schema schema) {
        return JSON.createObjectNode().put("schemaType", "AVRO").put("schema", schema.toString()).toString();
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One call, retried on network failures and 5xx/429 answers; other errors are thrown at once. */
    private JsonNode call(String method, String path, String body) {
        long backoff = config.retryBackoff().toMillis();
        for (int attempt = 0; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request(method, path, body),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return response.body() == null || response.body().isBlank()
                            ? JSON.createObjectNode() : JSON.readTree(response.body());
                }
                RegistryException error = error(status, response.body(), method, path);
                boolean transientError = status >= 500 || status == 429;
                if (!transientError) {
                    throw error;
                }
                if (attempt >= config.retries()) {
                    throw new RegistryUnavailableException(error.getMessage(), error);
                }
            } catch (IOException e) {
                if (attempt >= config.retries()) {
                    throw new RegistryUnavailableException("schema registry at " + baseUrl + " unreachable ("
                            + method + " " + path + "): " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.apache.kafka.common.errors.InterruptException(e);
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 10_000);
        }
    }

    private HttpRequest request(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(config.requestTimeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        config.basicAuth().ifPresent(userInfo -> b.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8))));
        config.bearerToken().ifPresent(token -> b.header("Authorization", "Bearer " + token));
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", CONTENT_TYPE).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return b.build();
    }

    private RegistryException error(int status, String body, String method, String path) {
        int code = -1;
        String message = body == null ? "" : body;
        try {
            JsonNode json = JSON.readTree(body);
            code = json.path("error_code").asInt(-1);
            message = json.path("message").asText(message);
        } catch (IOException | RuntimeException e) {
            // Not a JSON error answer (a proxy's page, say): keep its text, cut below.
        }
        message = message.replace('\n', ' ');
        if (message.length() > 300) {
            message = message.substring(0, 300) + "…";
        }
        String what = switch (status) {
            case 401 -> "not authenticated (check registry.basic-auth or registry.bearer-token)";
            case 403 -> "not allowed";
            case 409 -> "schema incompatible with the subject's earlier versions";
            default -> "HTTP " + status;
        };
        return new RegistryException(status, code, "schema registry at " + baseUrl + ": " + what + " ("
                + method + " " + path + ")" + (message.isBlank() ? "" : ": " + message));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }

    /**
     * A schema as registered under a subject.
     *
     * @param id its global id (what records carry)
     * @param version its version within the subject
     * @param schema the schema
     */
    public record Registered(int id, int version, Schema schema) {
    }
}
