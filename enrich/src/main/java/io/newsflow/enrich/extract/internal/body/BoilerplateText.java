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
    /** Labels of related-content boxes, alone on their line ("Mehr zum Thema", "À lire aussi"). */
    private static final Pattern RELATED_LABEL = Pattern.compile("^\\W*(more on this( topic| story)?|read also|"
            + "mehr zum thema|das könnte (sie|dich) auch interessieren|lesen sie auch|auch interessant|"
            + "à lire aussi|a lire aussi|lire aussi|sur le même sujet|te puede interesar|lee también|"
            + "le puede interesar|noticias relacionadas|czytaj (także|też|również)|zobacz (też|także|również)|"
            + "leggi anche|potrebbe interessarti|ti potrebbe interessare)\\W*$", Pattern.UNICODE_CHARACTER_CLASS);
    /** Words {@link #RELATED_LABEL} can open with (keep in step with it). */
    private static final Set<String> LABEL_FIRST_WORDS = Set.of("more", "read", "mehr", "das", "lesen", "auch", "à",
            "a", "lire", "sur", "te", "lee", "le", "noticias", "czytaj", "zobacz", "leggi", "potrebbe", "ti");
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
            return lower.contains(" use") || lower.contains("accept");
        }
        if (lower.contains("affiliate")) {
            return lower.contains("affiliate link") || lower.contains("contain affiliate")
                    || lower.contains("contains affiliate");
        }
        if (lower.contains("newsletter") && (lower.contains("sign up") || lower.contains("subscribe"))) {
            return true;
        }
        if (lower.startsWith("follow ") && (lower.contains("twitter") || lower.contains("facebook")
                || lower.contains("instagram"))) {
            return true;
        }
        return lower.contains(" by") && CREDIT.matcher(lower).lookingAt();
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
        if (isNotice(lower)) {
            return true;
        }
        if (s.length() > MAX_LENGTH) {
            return false;
        }
        if (s.length() <= MAX_LABEL_LENGTH && isLabel(lower)) {
            return true;
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
