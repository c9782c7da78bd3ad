package io.newsflow.enrich.extract.internal.body;

import io.newsflow.enrich.extract.internal.metadata.DateParsing;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises short lines that are page furniture whatever the site: ad labels, share and comment
 * prompts, "read more" links, datelines and photo credits.
 */
final class BoilerplateText {

    static final int MAX_LENGTH = 90;
    /** Longest reading-time or related-content label tested. */
    private static final int MAX_LABEL_LENGTH = 50;
    /** Longest text worth testing: credit and cookie notices run longer than menu labels. */
    static final int MAX_TESTED_LENGTH = 400;
    private static final Pattern FURNITURE = Pattern.compile("^\\W*(advert|advertisement|advertising|ad|"
            + "sponsored|sponsored content|paid content|promoted|(read|see|view|show|load) (more|all|full)\\b.*|"
            + "related( articles| stories| content| posts| links| coverage| reading)?|related( \\w+)?:.*|"
            + "post (a )?comments?\\b.*|(add|write|view|show) (a )?comments?\\b.*|"
            + "share( this)?( article| story| page| post| on .*)?|comments?|\\d+ comments?|leave a comment|"
            + "loading.*|(click|tap) (here|to) .*|sign up\\b.*|subscribe\\b.*|follow us\\b.*|"
            + "(photo|image|picture|video|photograph)s?( credit| courtesy| by)?\\s*[:/].*|getty images|"
            + "this (slideshow|video|content|feature) requires.*|tell us what you think.*|back to top|"
            + "print|email|e-mail|caption|skip (to|ad)\\b.*|close|menu|next|previous|trending|most (read|popular)|"
            + "recommended( for you)?|more (from|on|stories|news)\\b.*|you (may|might) also like.*|"
            + "also read\\b.*|like this (story|article|post)\\b.*|.*\\bshare (it|this) with\\b.*|"
            + "listen (to|live)\\b.*|(copyright|\u00a9|\u24d2|\\(c\\))\\s.*|(posted|published|updated|last updated|first published|last modified)"
            + "\\b.{0,60})\\W*$");
    /**
     * Words that can open a line {@link #FURNITURE} matches: its alternatives all start at the line's
     * first ASCII word, except the copyright signs and "share this with", tested apart. Checking them
     * first spares the regex on nearly every line, which is article text (keep in step with FURNITURE).
     */
    private static final Set<String> FURNITURE_FIRST_WORDS = Set.of("advert", "advertisement", "advertising", "ad",
            "sponsored", "paid", "promoted", "read", "see", "view", "show", "load", "related", "post", "add", "write",
            "share", "comment", "comments", "leave", "click", "tap", "sign", "subscribe", "follow", "photo", "photos",
            "image", "images", "picture", "pictures", "video", "videos", "photograph", "photographs", "getty", "this",
            "tell", "back", "print", "caption", "email", "e", "skip", "close", "menu", "next", "previous", "trending", "most",
            "recommended", "more", "you", "also", "like", "listen", "copyright", "posted", "published", "updated",
            "last", "first");
    /** Reading-time labels ("5 min read", "Lesezeit: 3 Minuten") in the languages most news is written in. */
    private static final Pattern READ_TIME = Pattern.compile("^\\W*(\\d+\\s*(min|mins|minutes?|minuten|minut|minutos?)"
            + "\\.?\\s*(read|lesezeit|czytania|de lectura|de lecture|di lettura|leestijd)?"
            + "|(lesezeit|reading time|read time|temps de lecture|tiempo de lectura|czas czytania|tempo di lettura)"
            + "\\W*(ca\\.\\s*)?\\d+\\s*\\p{L}*\\.?)\\W*$", Pattern.UNICODE_CHARACTER_CLASS);
    /**
     * Labels alone on their line, in the languages most news is written in: of related-content boxes ("Mehr
     * zum Thema", "À lire aussi", "Schon gelesen?"), share, print and feedback prompts ("Artikel teilen",
     * "Rezept drucken", "War der Artikel hilfreich?"), ad labels ("Anzeige") and list navigation ("Zurück
     * zur Übersicht", "Nächster Artikel"). General vocabulary of such furniture, not any site's wording.
     */
    private static final Pattern RELATED_LABEL = Pattern.compile("^\\W*(more on this( topic| story)?|read also|"
            + "mehr zum thema|das (thema )?könnte (sie|dich) auch interessieren|lesen sie auch|auch interessant|"
            + "mehr (aus|von|zu|zum|zur|über) (dem |der |den |diesem |dieser )?\\p{L}+|mehr (themen|artikel|news|nachrichten)|"
            + "(weitere|ähnliche|verwandte|passende) (artikel|beiträge|themen|nachrichten|news)|schon gelesen|"
            + "ebenfalls interessant|(diese[ns]? |den |die )?(seite|artikel|beitrag|rezept|bild|galerie) (teilen|drucken)|"
            + "teilen|drucken|bild anzeigen|bild vergrößern|(nächster|vorheriger) (artikel|beitrag)|"
            + "vorschau auf den nächsten (artikel|beitrag)|zurück zur (übersicht|listenansicht|startseite)|"
            + "war (der|dieser) (artikel|beitrag) (hilfreich|nützlich|interessant)|"
            + "möchten sie (den|diesen) (artikel|beitrag) teilen|was denkst du|was meinen sie|anzeige|werbung|"
            + "à lire aussi|a lire aussi|lire aussi|à découvrir|a découvrir|à voir aussi|voir aussi|"
            + "sur le même sujet|partager( cet article| sur \\p{L}+)?|imprimer( cet article| l'article)?|publicité|"
            + "te puede interesar|lee también|le puede interesar|noticias relacionadas|artículos relacionados|"
            + "lo (último|más leído|más visto)|más noticias|compartir( en \\p{L}+)?|imprimir|publicidad|"
            + "czytaj (także|też|również|więcej)|zobacz (też|także|również)|przeczytaj (także|też|również)|reklama|"
            + "leggi anche|potrebbe interessarti|ti potrebbe interessare|potrebbero interessarti|articoli correlati|"
            + "condividi( su \\p{L}+)?|stampa|pubblicità|lees ook|meer (over|nieuws)|gerelateerde artikelen|"
            + "ezek is érdekelhetnek)\\W*$", Pattern.UNICODE_CHARACTER_CLASS);
    /** Words {@link #RELATED_LABEL} can open with (keep in step with it). */
    private static final Set<String> LABEL_FIRST_WORDS = Set.of("more", "read", "mehr", "das", "lesen", "auch", "à",
            "a", "lire", "sur", "te", "lee", "le", "noticias", "czytaj", "zobacz", "leggi", "potrebbe", "ti",
            "weitere", "ähnliche", "verwandte", "passende", "schon", "ebenfalls", "diese", "dieser", "diesen", "den",
            "die", "seite", "artikel", "beitrag", "rezept", "bild", "galerie", "teilen", "drucken", "nächster",
            "vorheriger", "vorschau", "zurück", "war", "möchten", "was", "anzeige", "werbung", "voir", "partager",
            "imprimer", "publicité", "artículos", "lo", "más", "compartir", "imprimir", "publicidad", "przeczytaj",
            "reklama", "potrebbero", "articoli", "condividi", "stampa", "pubblicità", "lees", "meer", "gerelateerde",
            "ezek");
    private static final Pattern CREDIT = Pattern.compile(
            "^\\W*((additional )?reporting|writing|editing|compiled|produced) by\\b");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(19|20)\\d{2}[-./](0?[1-9]|1[0-2])[-./]\\d{1,2}\\b");
    private static final Pattern DATE_ONLY = Pattern.compile("(?i)^[\\W\\d]*(on\\s+)?"
            + "(mon|tue|wed|thu|fri|sat|sun)?[a-z]*\\W*[\\w ,.:/|-]{0,40}\\d{4}[\\w ,.:/|()+-]{0,30}$");

    private BoilerplateText() {
    }


    /**
     * A web address alone on its line: the page's own URL in a print header or a share box, never a
     * sentence of the article.
     */
    private static boolean isBareUrl(String lower) {
        if (!lower.startsWith("http://") && !lower.startsWith("https://") && !lower.startsWith("www.")) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (Character.isWhitespace(lower.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Agency credit lines, cookie banners and affiliate disclosures, which run longer than labels. */
    private static boolean isNotice(String lower) {
        if (lower.contains("cookie")) {
            return containsAny(lower, COOKIE_VERBS);
        }
        if (containsAny(lower, PAYWALL) || containsAny(lower, DISCLAIMERS) || isAppNotice(lower)
                || isChannelPromo(lower)) {
            return true;
        }
        if (lower.contains("affiliate")) {
            return lower.contains("affiliate link") || lower.contains("contain affiliate")
                    || lower.contains("contains affiliate");
        }
        if (lower.contains("newsletter") && (lower.contains("sign up") || lower.contains("subscribe"))) {
            return true;
        }
        if (isFollowPrompt(lower) || containsAny(lower, REACHED_AT)) {
            return true;
        }
        return lower.contains(" by") && CREDIT.matcher(lower).lookingAt();
    }

    /** Words that make a line about cookies a consent notice ("we use cookies", "Cookies erleichtern..."). */
    private static final String[] COOKIE_VERBS = {" use", "accept", "akzept", "verwende", "nutzen", "erleichtern",
        "utilis", "usamos", "utiliza", "acepta", "korzysta", "utilizz", "gebruik", "privacy", "datenschutz"};
    /** Paywall and subscriber prompts that cut a story short, in several languages. */
    private static final String[] PAYWALL = {"already a subscriber", "already subscribed", "subscribe to continue",
        "subscribe to read", "to continue reading", "to view the full story", "bereits abonnent", "um weiterzulesen",
        "jetzt weiterlesen mit", "déjà abonné", "pour lire la suite", "pour accéder en illimité",
        "ya eres suscriptor", "para seguir leyendo", "para continuar leyendo", "per continuare a leggere",
        "sei già abbonato"};
    /**
     * Liability notices under data ("Alle Angaben ohne Gewähr"). Editorial and advertiser disclaimers ("views
     * expressed do not necessarily reflect", "may earn a commission") are left in: the two benchmarks disagree
     * on them.
     */
    private static final String[] DISCLAIMERS = {"ohne gewähr", "sin garantía", "sans garantie", "senza garanzia"};
    /**
     * Photo, figure and source credits ("Foto: dpa", "Quelle: Statistisches Amt", "Crédits photos : X",
     * "Titelbild:"), and contact or further-information labels alone on their line, in several languages.
     */
    private static final Pattern CREDIT_LABEL = Pattern.compile("^\\W*((foto|fotos|bild|bilder|titelbild|"
            + "photos?|crédits?( photos?)?|credits?|quelle|quellen|quellenangaben|fuente|fuentes|fonte|foto di|"
            + "abbildung|grafik|illustration)( \\d+)?\\s*:.{0,70}|kontakt|contact|weitere informationen|"
            + "mehr informationen|more information|further information|originalpublikation|original publication|"
            + "\\d{1,2}:\\d{2}( ?[ap]m)?|(aufrufe|views|vues|visitas|visualizzazioni)\\W*\\d*|\\d+ (aufrufe|views))\\W*$",
            Pattern.UNICODE_CHARACTER_CLASS);
    /** Photo agencies, whose name ends or opens a credit line ("Name/Getty Images", "AFP / Name"). */
    private static final Pattern AGENCY_CREDIT = Pattern.compile("^(.{0,50}(/|\\(|foto:|photo:|©)\\s*(getty( images)?|"
            + "afp|dpa|reuters|ap|epa|imago( images)?|picture alliance|shutterstock|istock)\\)?|(afp|dpa|epa|reuters|"
            + "imago|ap) ?/.{0,50}|.{0,80}, (photo|foto|bild)\\s*:)\\W*$", Pattern.UNICODE_CHARACTER_CLASS);

    /** Longest caption {@link #isCaptionWithCredit} tests: a sentence or two about a picture. */
    private static final int MAX_CAPTION_LENGTH = 250;
    /**
     * A photo credit closing a line: "© Agency / Name", "(Foto: Name)", ", photo: Name". Sources ("(Quelle:
     * SWR)") are left out: they close news paragraphs too.
     */
    private static final Pattern CLOSING_CREDIT = Pattern.compile("(\\s(\\u00a9|\\u24d2)\\s*[^.!?\\u00a9]{1,60}"
            + "|\\((foto|fotos|photo|photos|bild|bilder|image|credit|crédit|crédito)( credit)?\\s*:[^)]{1,60}\\)"
            + "|[,.]\\s(foto|photo|bild)\\s*:[^.!?]{1,60})\\W*$", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * A caption that ends with its picture's credit ("Der Hafen am Abend. © dpa"): article sentences do not
     * close with a copyright sign or a photographer's name, so the line describes a picture.
     */
    private static boolean isCaptionWithCredit(String lower) {
        if (lower.length() > MAX_CAPTION_LENGTH || lower.indexOf('\u00a9') < 0 && lower.indexOf('\u24d2') < 0
                && !lower.contains("foto") && !lower.contains("photo") && !lower.contains("bild")
                && !lower.contains("image") && !lower.contains("cr\u00e9dit")) {
            return false;
        }
        return CLOSING_CREDIT.matcher(lower).find();
    }

    /** Invitations to follow the site or the author, in the languages most news is written in. */
    private static final String[] FOLLOW = {"follow us on", "follow us at", "follow him on", "follow her on",
        "follow them on", "follow me on", "folgen sie uns auf", "folge uns auf", "folge mir auf", "folgen sie mir auf",
        "suivez-nous sur", "suivez-moi sur", "síguenos en", "sígueme en", "seguici su", "seguimi su",
        "obserwuj nas na", "volg ons op"};
    private static final String[] NETWORKS = {"twitter", "facebook", "instagram", "tiktok", "linkedin", "mastodon",
        "bluesky", "youtube"};
    /** How an author's contact line gives an address ("Jane Roe can be reached at jane@example.com"). */
    private static final String[] REACHED_AT = {"can be reached at", "may be reached at", "can be contacted at"};

    /**
     * "Follow The Times on Twitter", "... Follow her on Instagram @name": a line opening with "follow", or
     * inviting to follow us or the author anywhere in it, that names a social network is a site's or an
     * author's signature line.
     */
    private static boolean isFollowPrompt(String lower) {
        return (lower.startsWith("follow ") || containsAny(lower, FOLLOW)) && containsAny(lower, NETWORKS);
    }

    /** Stores and platforms an "get our app" notice names. */
    private static final String[] APP_STORES = {" ios", "android", "app store", "google play", "play store"};
    private static final String[] DOWNLOAD = {"download", "herunterladen", "laden sie", "télécharg", "descarg",
        "scarica", "pobierz"};
    /** Messaging and video platforms a "join our channel" promotion names. */
    private static final String[] CHANNELS = {"telegram", "whatsapp", "youtube"};
    private static final String[] OUR_CHANNEL = {"our channel", "nuestro canal", "tenemos canal", "unser kanal",
        "unserem kanal", "notre chaîne", "il nostro canale", "nasz kanał", "join our", "únete", "suscríbete",
        "abonniere", "abonnez-vous", "iscriviti"};

    private static boolean containsAny(String lower, String[] words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** "Download our app for iOS and Android": an app store named beside a download verb. */
    private static boolean isAppNotice(String lower) {
        return lower.contains(" app") && containsAny(lower, APP_STORES) && containsAny(lower, DOWNLOAD);
    }

    /** "Join our Telegram channel": a messaging or video platform named beside "our channel" or "join". */
    private static boolean isChannelPromo(String lower) {
        return containsAny(lower, CHANNELS) && containsAny(lower, OUR_CHANNEL);
    }

    /** True for a short line that names furniture or is nothing but a date. */
    static boolean isFurniture(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > MAX_TESTED_LENGTH) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (isBareUrl(lower)) {
            return true;
        }
        if (isNotice(lower) || isCaptionWithCredit(lower)) {
            return true;
        }
        if (s.length() > MAX_LENGTH) {
            return false;
        }
        if (s.length() <= MAX_LABEL_LENGTH && isLabel(lower)) {
            return true;
        }
        if (lower.indexOf(':') >= 0 || lower.indexOf('/') >= 0 || lower.indexOf('(') >= 0 || lower.length() < 30) {
            // Credits need a colon, slash or bracket, or are short labels: most lines skip both regexes.
            if (CREDIT_LABEL.matcher(lower).matches() || AGENCY_CREDIT.matcher(lower).matches()) {
                return true;
            }
        }
        if (mayBeFurnitureLabel(lower) && FURNITURE.matcher(lower).matches()) {
            return true;
        }
        // Both date tests need a run of four digits (a year): most lines have none and skip the regexes.
        return hasFourDigits(s) && wordCount(s) <= 8
                && (DATE_ONLY.matcher(s).matches() && DateParsing.parseWords(s) != null || isNumericDateline(s));
    }

    /**
     * A reading time or a related-content label; the regexes run only for lines with a digit or opening
     * with a word such labels start with, since this is asked of nearly every short line of the article.
     */
    private static boolean isLabel(String lower) {
        if (hasDigit(lower)) {
            return READ_TIME.matcher(lower).matches();
        }
        int start = 0;
        while (start < lower.length() && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < lower.length() && Character.isLetter(lower.charAt(end))) {
            end++;
        }
        return LABEL_FIRST_WORDS.contains(lower.substring(start, end)) && RELATED_LABEL.matcher(lower).matches();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** A necessary condition for {@link #FURNITURE} to match the lower-cased line {@code lower}. */
    static boolean mayBeFurnitureLabel(String lower) {
        int start = 0;
        int len = lower.length();
        while (start < len && !isRegexWordChar(lower.charAt(start))) {
            start++;
        }
        int end = start;
        boolean digits = true;
        while (end < len && isRegexWordChar(lower.charAt(end))) {
            digits &= lower.charAt(end) >= '0' && lower.charAt(end) <= '9';
            end++;
        }
        if (end > start && (digits || FURNITURE_FIRST_WORDS.contains(lower.substring(start, end))
                || lower.startsWith("loading", start))) {
            return true;
        }
        return lower.contains("share ") || lower.indexOf('\u00a9') >= 0 || lower.indexOf('\u24d2') >= 0
                || lower.contains("(c)");
    }

    /** What {@code \w} matches without UNICODE_CHARACTER_CLASS: ASCII letters, digits and underscore. */
    private static boolean isRegexWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** True when {@code s} has four ASCII digits in a row, as {@code \\d{4}} needs. */
    private static boolean hasFourDigits(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c >= '0' && c <= '9' ? run + 1 : 0;
            if (run == 4) {
                return true;
            }
        }
        return false;
    }

    /**
     * Words of a stripped line as {@code s.split("\\s+").length} counts them (runs of regex
     * whitespace plus one), without compiling the regex on every call.
     */
    private static int wordCount(String s) {
        int words = 1;
        boolean inSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
            if (space && !inSpace) {
                words++;
            }
            inSpace = space;
        }
        return words;
    }

    /** "Posted :[ 2018-08-25 15:24 ]" in any language: an ISO date with only a label word or two around it. */
    private static boolean isNumericDateline(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters <= 12 && ISO_DATE.matcher(s).find() && DateParsing.parse(s) != null;
    }
}
