package io.newsflow.enrich.language.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsoCodesTest {

    @Test
    void givesTheCurrentCodeWhereIso639WithdrewOne() {
        // Locale.getISOLanguages() lists "in", "iw" and "ji" beside "id", "he" and "yi", all with the same
        // three-letter code: the model's "ind" once came out as "in", which matches no page's declaration.
        assertThat(IsoCodes.toIso1("ind")).isEqualTo("id");
        assertThat(IsoCodes.toIso1("heb")).isEqualTo("he");
        assertThat(IsoCodes.toIso1("yid")).isEqualTo("yi");
        assertThat(IsoCodes.normaliseHint("in-ID")).isEqualTo("id");
        assertThat(IsoCodes.normaliseHint("iw")).isEqualTo("he");
        assertThat(IsoCodes.normaliseHint("JI")).isEqualTo("yi");
    }

    @Test
    void mapsTheModelsThreeLetterCodesAndDeclaredTags() {
        assertThat(IsoCodes.toIso1("deu")).isEqualTo("de");
        assertThat(IsoCodes.toIso1("cmn")).isEqualTo("zh");
        assertThat(IsoCodes.toIso1("nob")).isEqualTo("nb");
        assertThat(IsoCodes.toIso1("zzz")).isNull();
        assertThat(IsoCodes.normaliseHint("EN_gb")).isEqualTo("en");
        assertThat(IsoCodes.normaliseHint("por")).isEqualTo("pt");
        assertThat(IsoCodes.normaliseHint(" ")).isNull();
    }
}
