package io.newsflow.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.RawArticle;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RegistryErrorsTest {

    @Test
    void aRefusedConnectionDeepInTheCausesIsAnOutage() {
        RuntimeException error = new RuntimeException("cache load failed",
                new IllegalStateException("wrapped", new ConnectException("Connection refused")));
        assertThat(RegistryErrors.classify("news.raw.v1", error))
                .isInstanceOf(RegistryUnavailableException.class)
                .hasMessageContaining("news.raw.v1").hasMessageContaining("Connection refused");
    }

    @Test
    void corruptBytesAreADeadLetterNotAnOutageThoughEofIsAnIoException() {
        RuntimeException error = new RuntimeException(new EOFException("unexpected end"));
        RuntimeException classified = RegistryErrors.classify("news.raw.v1", error);
        assertThat(classified).isInstanceOf(SerializationException.class)
                .hasMessage("cannot decode record on news.raw.v1: EOFException: unexpected end");
    }

    @Test
    void aServerErrorAnswerIsAnOutageAndANotFoundIsNot() {
        assertThat(RegistryErrors.classify("t", new StatusException(503)))
                .isInstanceOf(RegistryUnavailableException.class);
        assertThat(RegistryErrors.classify("t", new StatusException(404)))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void theRegistrySerdeReportsAClosedRegistryPortAsAnOutage() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var serde = RegistrySerdeFactory.create("http://127.0.0.1:" + port + "/apis/registry/v3",
                Map.of("apicurio.registry.retry-count", 0)).avroValue(RawArticle.class);
        byte[] wire = {0, 0, 0, 0, 7, 2, 'a'};
        assertThatThrownBy(() -> serde.deserializer().deserialize("news.raw.v1", new RecordHeaders(), wire))
                .isInstanceOf(RegistryUnavailableException.class);
    }

    /** Stands in for a registry client's problem answer, which carries its HTTP status. */
    static final class StatusException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        StatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }

        public int getResponseStatusCode() {
            return status;
        }
    }
}
