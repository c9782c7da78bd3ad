package io.newsflow.enrich.extract.internal.body;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoilerplateTextTest {

    /** One line for each kind of label the furniture pattern knows, so the word pre-check never hides one. */
    @ParameterizedTest
    @ValueSource(strings = {"Advertisement", "- Ad -", "Sponsored content", "Paid content", "Promoted",
        "Read more", "See all", "View full coverage", "Load more", "Related articles", "Related: Other news today",
        "Post a comment", "Add comments", "Write a comment", "Show comments", "Share this article",
        "Share on Facebook", "Comments", "12 comments", "Leave a comment", "Loading...", "Click here to see more",
        "Tap to expand", "Sign up for our newsletter", "Subscribe now", "Follow us on X", "Photo: Reuters",
        "Images courtesy: Acme", "Pictures by / Jane", "Video credit: AP", "Photographs: Getty", "Getty Images",
        "This video requires JavaScript", "Tell us what you think", "Back to top", "Print", "E-mail", "Email",
        "Skip to content", "Close", "Menu", "Next", "Previous", "Trending", "Most read", "Recommended for you",
        "More from Europe", "You may also like", "Also read: the other story", "Like this article? Share it",
        "Please share it with your friends", "Listen to this story", "Copyright 2024 Acme Media",
        "\u00a9 2024 Acme", "\u24d2 Acme Media", "(c) Acme 2024", "Posted 3 hours ago", "Last updated at noon",
        "First published in the morning"})
    void recognisesEveryKindOfFurnitureLabel(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
        assertThat(BoilerplateText.mayBeFurnitureLabel(line.toLowerCase(java.util.Locale.ROOT))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 min read", "12 minutes read", "Lesezeit: 3 Minuten", "11 minut czytania",
        "Temps de lecture : 4 min", "Mehr zum Thema", "Das könnte Sie auch interessieren:", "À lire aussi",
        "Czytaj także", "Te puede interesar"})
    void recognisesReadingTimesAndRelatedContentLabelsInSeveralLanguages(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"The minister said the plan would be reviewed next year.",
        "Mehr zum Thema Klimaschutz lesen Sie in unserem Dossier über die Energiewende.", "5 minutes later",
        "Readers wrote in their thousands.", "Closer ties with Brussels are expected.", "Advertisers left."})
    void keepsProse(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://news.example/2024/05/story-1234.html", "www.news.example/story", "Caption"})
    void recognisesBareAddressesAndCaptionToggles(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://news.example is where the council posted the plans.",
        "Captions were added later by the editors."})
    void keepsSentencesThatOpenWithAnAddressOrCaption(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Schon gelesen?", "Mehr Themen:", "Mehr aus der Sendung", "Weitere Artikel",
        "Das Thema könnte dich auch interessieren:", "Diese Seite teilen", "Rezept drucken", "Bild anzeigen",
        "Zurück zur Übersicht", "Nächster Artikel", "War der Artikel hilfreich?", "- Anzeige -", "À découvrir",
        "Voir aussi", "Partager sur Facebook", "Lo más leído", "Artículos relacionados", "Compartir",
        "Articoli correlati", "Przeczytaj także", "Lees ook"})
    void recognisesShareRelatedAndNavigationLabelsInSeveralLanguages(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"We use cookies to improve your experience.",
        "Cookies erleichtern die Bereitstellung unserer Dienste. Mit der Nutzung erklären Sie sich einverstanden.",
        "If you are already a subscriber, log in to read the full story.", "Pour lire la suite, abonnez-vous.",
        "For breaking news download our app for iOS and Android.", "Únete a nuestro canal de Telegram.",
        "Jetzt weiterlesen mit einem Abo"})
    void recognisesConsentPaywallAppAndChannelNotices(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bake the cookies for twelve minutes, then let them cool on a rack.",
        "The happy studios applied for a permit to film in the old harbour.",
        "Mehr als zwei Drittel der Befragten lehnten den Plan ab.", "Teilen Sie uns Ihre Meinung zum Plan mit, schrieb die Stadt.",
        "The YouTube channel posted a video of the flood on Monday.", "Weitere Artikel des Gesetzes sollen folgen."})
    void keepsProseThatSharesWordsWithNotices(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Foto: dpa", "Quelle: Statistisches Landesamt", "Titelbild:", "Crédits photos : Agence",
        "Fuente: Ministerio de Salud", "Abbildung 2: Verlauf der Messwerte", "Credit:", "Kontakt:",
        "Weitere Informationen:", "Originalpublikation", "3:59 PM", "Aufrufe: 212", "River bank at dawn/Getty Images",
        "AFP / Jane Roe", "Der Hafen am Abend. (Foto: dpa)", "Jane Roe, photo:", "Alle Angaben ohne Gewähr"})
    void recognisesCreditsSourcesContactLabelsAndTimesInSeveralLanguages(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Contact with the crew was lost at 3:59 PM, the agency said.",
        "Quellen zufolge will die Regierung den Plan im Herbst vorlegen.", "AP reporters found the ship empty.",
        "The views of the valley were the best we had seen.",
        "The views and opinions expressed here do not necessarily reflect those of the publisher."})
    void keepsProseAndEditorialDisclaimersThatShareWordsWithCredits(String line) {
        // Editorial disclaimers stay: one benchmark counts them as article text, the other does not.
        assertThat(BoilerplateText.isFurniture(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Der Hafen am Abend, kurz bevor die letzten F\u00e4hren von den Inseln zur\u00fcckkehren. \u00a9 dpa",
        "Die Stadt am Fluss, aufgenommen vom Turm der Kirche aus. | \u00a9 Agentur / Jane Roe",
        "Sunset over the harbour as the ferries come back from the islands at the end of a long day. (Photo: Jane Roe)",
        "Jane Roe, the new director of the museum, at the opening of the exhibition, photo: Museum archive",
        "Un ferry au port, au petit matin, avant le d\u00e9part vers les \u00eeles. (Cr\u00e9dit : Agence)"})
    void recognisesCaptionsThatCloseWithAPhotoCredit(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Die Ermittlungen zum Fall gehen weiter, teilte die Polizei am Montag mit. (Quelle: SWR)",
        "The museum showed one photo: a harbour at dawn, painted in 1890 by an unknown artist from the coast.",
        "Er zeigte uns das Bild, das er in Paris gemalt hatte, und erz\u00e4hlte von seiner Zeit dort.",
        "(a) the first option, (b) the second option and (c) the third option were put to the vote."})
    void keepsProseThatMentionsPicturesOrSources(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Have a tip? Jane Roe can be reached at jane@example.com. Follow her on Twitter @janeroe.",
        "Jane Roe's book about the harbour is out now. Follow her on Instagram @janeroe.",
        "Follow The Daily Example on Facebook and Twitter.", "Folgen Sie uns auf Instagram und Facebook!",
        "Suivez-nous sur Twitter et Facebook", "Síguenos en Instagram"})
    void recognisesFollowPromptsAndContactLinesOfAuthors(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thousands follow him wherever he goes, though he has never used Twitter or Facebook.",
        "The minister told supporters to follow the rules, a post that Twitter users mocked for days.",
        "Investigators said the suspect could be reached at home only after the storm had passed."})
    void keepsProseAboutFollowersAndSocialNetworks(String line) {
        assertThat(BoilerplateText.isFurniture(line)).isFalse();
    }
}
