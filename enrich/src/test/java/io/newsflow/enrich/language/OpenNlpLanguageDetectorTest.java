package io.newsflow.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenNlpLanguageDetectorTest {

    private static final LanguageDetector DETECTOR = OpenNlpLanguageDetector.fromClasspath();

    @Test
    void detectsEnglishNewsText() {
        assertThat(DETECTOR.detect("The UK government has shut down a pilot TikTok account following concerns that"
                + " user data might be exchanged with the Chinese Communist Party.", null)).isEqualTo("en");
    }

    @Test
    void detectsGermanFrenchSpanishItalianAndPortuguese() {
        assertThat(DETECTOR.detect("Die Bundesregierung hat am Mittwoch neue Regeln für den Datenschutz beschlossen,"
                + " die ab dem nächsten Jahr gelten sollen.", null)).isEqualTo("de");
        assertThat(DETECTOR.detect("Le gouvernement a annoncé mercredi de nouvelles mesures pour protéger les données"
                + " personnelles des utilisateurs.", null)).isEqualTo("fr");
        assertThat(DETECTOR.detect("El gobierno anunció el miércoles nuevas medidas para proteger los datos personales"
                + " de los usuarios de las redes sociales.", null)).isEqualTo("es");
        assertThat(DETECTOR.detect("Il governo ha annunciato mercoledì nuove misure per proteggere i dati personali"
                + " degli utenti dei social network.", null)).isEqualTo("it");
        assertThat(DETECTOR.detect("O governo anunciou na quarta-feira novas medidas para proteger os dados pessoais"
                + " dos usuários das redes sociais.", null)).isEqualTo("pt");
    }

    @Test
    void detectsNonLatinScripts() {
        assertThat(DETECTOR.detect("Правительство в среду объявило о новых мерах по защите персональных данных"
                + " пользователей социальных сетей.", null)).isEqualTo("ru");
        assertThat(DETECTOR.detect("أعلنت الحكومة يوم الأربعاء عن إجراءات جديدة لحماية البيانات الشخصية لمستخدمي"
                + " شبكات التواصل الاجتماعي.", null)).isEqualTo("ar");
        assertThat(DETECTOR.detect("정부는 수요일 소셜 네트워크 사용자의 개인 데이터를 보호하기 위한 새로운 조치를 발표했다.", null))
                .isEqualTo("ko");
    }

    @Test
    void answersHebrewAndIndonesianWithTheirCurrentCodes() {
        // Java lists the withdrawn codes iw and in beside he and id (see IsoCodesTest).
        assertThat(DETECTOR.detect("הממשלה הודיעה ביום רביעי על צעדים חדשים להגנה על המידע האישי של משתמשי הרשתות"
                + " החברתיות ברחבי המדינה.", null)).isEqualTo("he");
        assertThat(DETECTOR.detect("", "in-ID")).isEqualTo("id");
        assertThat(DETECTOR.detect("", "iw")).isEqualTo("he");
    }

    @Test
    void readsOnWhenTheStartOfALongTextDisagreesWithTheDeclaredLanguage() {
        String german = "Die Bundesregierung hat am Mittwoch neue Regeln für den Datenschutz beschlossen, die ab dem"
                + " nächsten Jahr gelten sollen. Verbraucherschützer begrüßten die Pläne, kritisierten aber, dass viele"
                + " Fragen der Umsetzung offen bleiben. Die Länder sollen bis zum Sommer Stellung nehmen, bevor der"
                + " Bundestag im Herbst darüber abstimmt. ";
        String warnings = "Warning: mysql_get_server_info(): Access denied for user on line 299 in the simple tagging"
                + " plugin of this website. Warning: a link to the server could not be established. ";
        assertThat(warnings.length()).isLessThan(OpenNlpLanguageDetector.CONFIRM_CHARS);
        String text = warnings + warnings + german + german;
        assertThat(DETECTOR.detect(text, "de")).isEqualTo("de");
        assertThat(((OpenNlpLanguageDetector) DETECTOR).withConfirmChars(0).detect(text, "de")).isEqualTo("de");
    }

    @Test
    void aLongTextInAnotherLanguageOutweighsTheDeclaredOne() {
        String english = "The government announced new rules for data protection on Wednesday, which are to apply from"
                + " next year. Consumer groups welcomed the plans but criticised that many questions of implementation"
                + " remain open. The regions are to comment by the summer before parliament votes in the autumn. ";
        assertThat(DETECTOR.detect(english + english + english, "de")).isEqualTo("en");
    }

    @Test
    void letsTheDeclaredLanguageDecideShortTexts() {
        assertThat(DETECTOR.detect("Real Madrid 2-1", "es-ES")).isEqualTo("es");
    }

    @Test
    void normalisesDeclaredTagsToIso6391() {
        assertThat(DETECTOR.detect("OK", "EN_gb")).isEqualTo("en");
        assertThat(DETECTOR.detect("", "deu")).isEqualTo("de");
    }

    @Test
    void textOutweighsAWrongDeclaredLanguageOnLongTexts() {
        assertThat(DETECTOR.detect("The investigation has raised concerns that the target audience for the UK"
                + " parliament account could have faced similar security issues, officials said on Wednesday.", "fr"))
                .isEqualTo("en");
    }

    @Test
    void reportsUndeterminedWithoutTextOrHint() {
        assertThat(DETECTOR.detect("", null)).isEqualTo("und");
        assertThat(DETECTOR.detect(null, null)).isEqualTo("und");
    }
}
