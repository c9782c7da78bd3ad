package io.newsflow.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes URL canonicalisation: any string is either refused with IllegalArgumentException or
 * gives an http(s) URL that {@link URI#create} accepts with a host (ingest builds its request from
 * it) and that canonicalises to itself (so an article id never depends on how often a URL was
 * canonicalised).
 */
class UrlCanonicalizerFuzzTest {

    private final UrlCanonicalizer canonicalizer = new UrlCanonicalizer();

    @FuzzTest(maxDuration = "30s")
    void canonicalFormParsesAndIsAFixedPoint(byte[] input) {
        String url = new String(input, StandardCharsets.UTF_8);
        String canonical;
        try {
            canonical = canonicalizer.canonicalize(url);
        } catch (IllegalArgumentException refused) {
            return;
        }
        assertThat(canonical).startsWith("http");
        URI uri = URI.create(canonical);
        if (uri.getHost() == null) {
            // java.net.URI reads host names with '_' or a label starting or ending with '-' (real, if rare,
            // hosts) as a registry authority; nothing else may lose its host.
            assertThat(uri.getRawAuthority()).as("authority of %s", canonical).matches(".*(_|^-|\\.-|-\\.|-(:\\d+)?$).*");
        }
        assertThat(canonicalizer.canonicalize(canonical)).isEqualTo(canonical);
    }
}
