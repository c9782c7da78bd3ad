package io.newsflow.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer c = new UrlCanonicalizer();

    @Test
    void lowercasesSchemeAndHostButNotPath() {
        assertThat(c.canonicalize("HTTPS://News.Example.COM/World/Story")).isEqualTo("https://news.example.com/World/Story");
    }

    @Test
    void dropsDefaultPortsAndKeepsOthers() {
        assertThat(c.canonicalize("http://example.com:80/a")).isEqualTo("http://example.com/a");
        assertThat(c.canonicalize("https://example.com:443/a")).isEqualTo("https://example.com/a");
        assertThat(c.canonicalize("https://example.com:8443/a")).isEqualTo("https://example.com:8443/a");
    }

    @Test
    void dropsFragmentAndTrackingParameters() {
        assertThat(c.canonicalize("https://example.com/a?utm_source=tw&id=7&UTM_Medium=x&fbclid=abc&gclid=1&mc_cid=2#top"))
                .isEqualTo("https://example.com/a?id=7");
    }

    @Test
    void sortsQueryParametersKeepingRepeatedKeyOrder() {
        assertThat(c.canonicalize("https://example.com/s?z=1&a=2&m=b&m=a"))
                .isEqualTo("https://example.com/s?a=2&m=b&m=a&z=1");
    }

    @Test
    void removesEmptyQueryAndAddsRootPath() {
        assertThat(c.canonicalize("https://example.com?utm_campaign=x")).isEqualTo("https://example.com/");
        assertThat(c.canonicalize("https://example.com?")).isEqualTo("https://example.com/");
    }

    @Test
    void resolvesDotSegments() {
        assertThat(c.canonicalize("https://example.com/a/./b/../c/%2e%2E/d")).isEqualTo("https://example.com/a/d");
        assertThat(c.canonicalize("https://example.com/../../x")).isEqualTo("https://example.com/x");
        assertThat(c.canonicalize("https://example.com/a/b/..")).isEqualTo("https://example.com/a/");
    }

    @Test
    void normalisesPercentEncodingCase() {
        assertThat(c.canonicalize("https://example.com/caf%c3%a9/%7Euser/a%2fb?q=%e2%82%ac"))
                .isEqualTo("https://example.com/caf%C3%A9/~user/a%2Fb?q=%E2%82%AC");
    }

    @Test
    void encodesSpacesAndNonAsciiInPathAndQuery() {
        assertThat(c.canonicalize("https://example.com/café story?q=a b"))
                .isEqualTo("https://example.com/caf%C3%A9%20story?q=a%20b");
    }

    @Test
    void convertsIdnHostToPunycode() {
        assertThat(c.canonicalize("https://Bücher.Example/x")).isEqualTo("https://xn--bcher-kva.example/x");
    }

    @Test
    void dropsCredentialsAndTrailingDotOfHost() {
        assertThat(c.canonicalize("https://user:pw@example.com./a")).isEqualTo("https://example.com/a");
    }

    @Test
    void keepsIpv6LiteralsBracketed() {
        assertThat(c.canonicalize("http://[2001:DB8::1]:8080/x")).isEqualTo("http://[2001:db8::1]:8080/x");
    }

    @Test
    void differentSpellingsOfOneArticleCanonicaliseEqually() {
        String a = c.canonicalize("HTTPS://www.example.com:443/news/../news/story?b=2&a=1&utm_source=rss#comments");
        String b = c.canonicalize("https://WWW.EXAMPLE.COM/news/story?a=1&b=2");
        assertThat(a).isEqualTo(b);
    }

    @Test
    void rejectsNonHttpAndUnparseableUrls() {
        assertThatThrownBy(() -> c.canonicalize("ftp://example.com/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("/relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("https:///nohost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("https://example.com:99999/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("https://exa mple.com/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("https://a<b>.com/")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsCustomTrackingParameters() {
        UrlCanonicalizer custom = new UrlCanonicalizer(java.util.Set.of("ref"), java.util.Set.of("x_"));
        assertThat(custom.canonicalize("https://example.com/?ref=home&x_a=1&utm_source=kept"))
                .isEqualTo("https://example.com/?utm_source=kept");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "http://2130706433/, http://127.0.0.1/",
        "http://0x7f.1/, http://127.0.0.1/",
        "http://0177.0.0.1/, http://127.0.0.1/",
        "http://0x7F000001/, http://127.0.0.1/",
        "http://169.254.43518/, http://169.254.169.254/",
        "http://127.1./x, http://127.0.0.1/x"})
    void writesNumericHostsAsDottedDecimalLikeBrowsers(String url, String canonical) {
        assertThat(c.canonicalize(url)).isEqualTo(canonical);
    }

    /** Found by UrlCanonicalizerFuzzTest: java.net.URI saw no host in the canonical form. */
    @Test
    void rejectsAHostEndingInANumberThatIsNoIpv4Address() {
        assertThatThrownBy(() -> c.canonicalize("http://447a.0.?e&'c=&=d")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IPv4");
        assertThatThrownBy(() -> c.canonicalize("http://1.2.3.4.5/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("http://256.1.1.1/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("http://example.09/")).isInstanceOf(IllegalArgumentException.class);
    }

    /** Found by UrlCanonicalizerFuzzTest: "127.0http" is no IPv4 address and java.net.URI sees no host in it. */
    @Test
    void rejectsAHostWhoseTopLevelLabelStartsWithADigit() {
        assertThatThrownBy(() -> c.canonicalize("http://127.0http://127.0.0.1:65d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("top-level label");
        assertThat(c.canonicalize("http://1password.example/")).isEqualTo("http://1password.example/");
    }

    /** Found by UrlCanonicalizerFuzzTest: a junk IPv6 literal passed and java.net.URI then refused the URL. */
    @Test
    void rejectsAMalformedIpv6Literal() {
        assertThatThrownBy(() -> c.canonicalize("http://[\ufffd::1]:8080/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IPv6");
        assertThatThrownBy(() -> c.canonicalize("http://[fe80::1%25eth0]/")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.canonicalize("http://[1:2:3:4:5:6:7:8:9]/")).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.canonicalize("http://[::FFFF:127.0.0.1]:8080/")).isEqualTo("http://[::ffff:127.0.0.1]:8080/");
        assertThat(c.canonicalize("https://[2606:4700::1111]/")).isEqualTo("https://[2606:4700::1111]/");
    }
}
