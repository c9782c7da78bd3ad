package io.newsflow.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SafeXmlTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesOrdinaryNamespacedXml() throws UnsafeXmlException {
        Document d = SafeXml.parse(utf8("<?xml version=\"1.0\"?><a:root xmlns:a=\"urn:x\"><a:b>ok</a:b></a:root>"));
        assertThat(d.getDocumentElement().getLocalName()).isEqualTo("root");
        assertThat(d.getDocumentElement().getTextContent()).isEqualTo("ok");
    }

    @Test
    void refusesAnyDoctypeIncludingParameterEntities() {
        assertThatThrownBy(() -> SafeXml.parse(utf8(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]><r/>")))
                .isInstanceOf(UnsafeXmlException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void reportsMalformedXmlAsUnsafeXmlException() {
        assertThatThrownBy(() -> SafeXml.parse(utf8("<r><unclosed></r>"))).isInstanceOf(UnsafeXmlException.class);
    }
}
