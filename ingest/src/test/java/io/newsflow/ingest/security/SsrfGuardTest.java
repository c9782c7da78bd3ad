package io.newsflow.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    private final SsrfGuard guard = SsrfGuard.defaults();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
            "169.254.169.254", "100.100.100.200", "0.0.0.0", "224.0.0.1", "255.255.255.255", "[::1]", "[::]",
            "[fc00::1]", "[fd00:ec2::254]", "[fe80::1]", "[ff02::1]", "[::ffff:127.0.0.1]", "[::ffff:a9fe:a9fe]",
            "[64:ff9b::a00:1]", "[2002:7f00:1::]"})
    void refusesInternalAddressLiterals(String host) {
        assertThatThrownBy(() -> guard.check(URI.create("http://" + host + "/")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void refusesLocalhostAndMetadataNames() {
        assertThatThrownBy(() -> guard.check(URI.create("http://localhost:8080/"))).isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://metadata.google.internal/computeMetadata/v1/")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void refusesNonHttpSchemes() {
        assertThatThrownBy(() -> guard.check(URI.create("file:///etc/passwd"))).isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> guard.check(URI.create("gopher://8.8.8.8/"))).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void acceptsPublicAddressLiterals() {
        assertThatCode(() -> guard.check(URI.create("http://93.184.215.14/"))).doesNotThrowAnyException();
        assertThatCode(() -> guard.check(URI.create("https://[2606:4700::1111]/"))).doesNotThrowAnyException();
    }

    @Test
    void allowListLetsLoopbackThroughButNothingElse() throws UnknownHostException {
        SsrfGuard testGuard = SsrfGuard.allowing(List.of("127.0.0.0/8"));
        assertThatCode(() -> testGuard.check(URI.create("http://127.0.0.1:1234/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> testGuard.check(URI.create("http://10.0.0.1/"))).isInstanceOf(BlockedAddressException.class);
        assertThat(testGuard.isBlocked(InetAddress.getByName("169.254.169.254"))).isTrue();
    }

    @Test
    void allowListAcceptsHostNames() {
        SsrfGuard testGuard = SsrfGuard.allowing(List.of("LocalHost"));
        assertThatCode(() -> testGuard.check(URI.create("http://localhost/"))).doesNotThrowAnyException();
    }

    @Test
    void blockedExceptionCarriesUriAndAddress() {
        URI uri = URI.create("http://10.9.8.7/x");
        assertThatThrownBy(() -> guard.check(uri))
                .isInstanceOfSatisfying(BlockedAddressException.class, e -> {
                    assertThat(e.uri()).isEqualTo(uri);
                    assertThat(e.address().getHostAddress()).isEqualTo("10.9.8.7");
                });
    }

    @Test
    void hostWithPortAllowsOnlyThatPort() {
        SsrfGuard testGuard = SsrfGuard.allowing(List.of("127.0.0.1:8080", "LocalHost:9090", "[::1]:7070"));
        assertThatCode(() -> testGuard.check(URI.create("http://127.0.0.1:8080/"))).doesNotThrowAnyException();
        assertThatCode(() -> testGuard.check(URI.create("http://localhost:9090/"))).doesNotThrowAnyException();
        assertThatCode(() -> testGuard.check(URI.create("http://[::1]:7070/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> testGuard.check(URI.create("http://127.0.0.1:8081/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> testGuard.check(URI.create("http://127.0.0.1/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> testGuard.check(URI.create("http://localhost:22/")))
                .isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> testGuard.check(URI.create("http://[::1]:22/")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void hostWithoutPortStillAllowsEveryPort() {
        SsrfGuard testGuard = SsrfGuard.allowing(List.of("127.0.0.1", "::1"));
        assertThatCode(() -> testGuard.check(URI.create("http://127.0.0.1:1/"))).doesNotThrowAnyException();
        assertThatCode(() -> testGuard.check(URI.create("http://127.0.0.1:65535/"))).doesNotThrowAnyException();
        assertThatCode(() -> testGuard.check(URI.create("http://[::1]:22/"))).doesNotThrowAnyException();
    }

    @Test
    void cidrWithPortAllowsThatPortInTheNetwork() {
        SsrfGuard testGuard = SsrfGuard.allowing(List.of("127.0.0.0/8:443"));
        assertThatCode(() -> testGuard.check(URI.create("https://127.0.0.5/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> testGuard.check(URI.create("http://127.0.0.5/")))
                .isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void refusesAnAllowEntryWithAnImpossiblePort() {
        assertThatThrownBy(() -> SsrfGuard.allowing(List.of("127.0.0.1:99999")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("99999");
    }
}
