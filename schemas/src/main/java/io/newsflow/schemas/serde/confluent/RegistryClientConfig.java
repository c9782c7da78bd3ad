package io.newsflow.schemas.serde.confluent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How to reach a Confluent-protocol schema registry: its URL, credentials, TLS trust and patience.
 *
 * @param url the registry's base URL, e.g. {@code http://registry:8081} or Apicurio's
 *     {@code http://registry:8080/apis/ccompat/v7}
 * @param basicAuth {@code user:password} for HTTP basic authentication, if any
 * @param bearerToken a bearer token, if any
 * @param sslContext TLS settings for an {@code https} registry with a private CA, if any
 * @param connectTimeout connect timeout
 * @param requestTimeout timeout of one request
 * @param retries retries of a request after a network failure or a 5xx/429 answer
 * @param retryBackoff the first wait between retries (doubling)
 */
public record RegistryClientConfig(String url, Optional<String> basicAuth, Optional<String> bearerToken,
                                   Optional<SSLContext> sslContext, Duration connectTimeout,
                                   Duration requestTimeout, int retries, Duration retryBackoff) {

    /** Setting: {@code user:password} for basic authentication. */
    public static final String BASIC_AUTH = "registry.basic-auth";
    /** Setting: a bearer token. */
    public static final String BEARER_TOKEN = "registry.bearer-token";
    /** Setting: a trust store (PKCS12 or JKS) for an https registry with a private CA. */
    public static final String TRUSTSTORE = "registry.ssl.truststore.location";
    /** Setting: the trust store's password. */
    public static final String TRUSTSTORE_PASSWORD = "registry.ssl.truststore.password";
    /** Setting: the trust store's type (default PKCS12). */
    public static final String TRUSTSTORE_TYPE = "registry.ssl.truststore.type";
    /** Setting: retries after a network failure or a 5xx/429 answer. */
    public static final String RETRIES = "registry.retries";

    /** Validates. */
    public RegistryClientConfig {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException("registry URL must start with http:// or https://: " + url);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("registry retries must not be negative: " + retries);
        }
    }

    /** The registry at {@code url}, settings read from a service configuration ({@code registry.*} keys). */
    public static RegistryClientConfig from(String url, Map<String, ?> settings) {
        return new RegistryClientConfig(url, text(settings, BASIC_AUTH), text(settings, BEARER_TOKEN),
                ssl(settings), Duration.ofSeconds(5), Duration.ofSeconds(15),
                text(settings, RETRIES).map(Integer::parseInt).orElse(3), Duration.ofMillis(200));
    }

    private static Optional<String> text(Map<String, ?> settings, String key) {
        Object v = settings.get(key);
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString().trim());
    }

    private static Optional<SSLContext> ssl(Map<String, ?> settings) {
        Optional<String> location = text(settings, TRUSTSTORE);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        char[] password = text(settings, TRUSTSTORE_PASSWORD).orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(location.get()))) {
            KeyStore store = KeyStore.getInstance(text(settings, TRUSTSTORE_TYPE).orElse("PKCS12"));
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return Optional.of(context);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the registry trust store " + location.get() + ": " + e, e);
        }
    }

    /** Secrets masked, for logs. */
    @Override
    public String toString() {
        return "RegistryClientConfig[url=" + url + ", basicAuth=" + basicAuth.map(s -> "****").orElse("none")
                + ", bearerToken=" + bearerToken.map(s -> "****").orElse("none") + ", tls="
                + sslContext.isPresent() + ", retries=" + retries + "]";
    }
}
