package io.newsflow.enrich.extract.internal.walk;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Reads what an element's tag, class, id and role say about it: page furniture (share bars,
 * related links, newsletters, comments, cookie banners, ads) or likely article content.
 */
public final class BoilerplateHints {

    static final Set<String> BLOCK_TAGS = Set.of("address", "article", "aside", "blockquote", "body", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "tbody", "thead", "tfoot", "td", "th", "tr", "ul", "caption", "center",
            "summary", "html", "menu");
    static final Set<String> DROPPED_TAGS = Set.of("script", "style", "noscript", "template", "svg", "canvas",
            "iframe", "object", "embed", "button", "input", "select", "textarea", "option", "head", "link",
            "meta", "video", "audio", "map", "dialog", "picture", "source", "math");
    static final Set<String> FURNITURE_TAGS = Set.of("nav", "aside", "footer", "header", "menu", "form", "figure",
            "figcaption");
    private static final Set<String> NEGATIVE = Set.of("share", "sharing", "sharebar", "social", "socials",
            "related", "newsletter", "newsletters", "comment", "comments", "cookie", "cookies", "consent", "gdpr",
            "promo", "promotion", "promotions", "advert", "advertisement", "advertising", "ad", "ads", "adv",
            "adslot", "dfp", "sponsor", "sponsored", "sidebar", "breadcrumb", "breadcrumbs", "subscribe",
            "subscription", "signup", "popup", "modal", "outbrain", "taboola", "recommended", "recommendations",
            "trending", "popular", "footer", "masthead", "navbar", "nav", "navigation", "menu", "toolbar",
            "widget", "widgets", "pagination", "pager", "tags", "taglist", "keywords", "byline", "bio", "author",
            "authors", "hidden", "hide", "visuallyhidden", "sronly", "skip", "rail", "overlay", "banner",
            "login", "alert", "tooltip", "dropdown", "disqus", "follow", "print", "readmore", "morestories", "mostread",
            "mostpopular", "relatedposts", "relatedarticles", "caption", "credit", "credits", "copyright",
            "dateline", "timestamp", "meta", "headline", "kicker", "eyebrow", "newsletterbox", "cta", "paywall",
            "teaser", "teasers", "carousel", "slider", "gallery", "video", "audio", "podcast",
            "topics", "see", "also", "next", "prev", "previous", "upsell", "offer",
            "jump", "toc", "contents", "excerpt", "seealso", "readnext", "moreon", "morefrom", "relatedlinks",
            "relatedcontent", "newsletterform", "socialshare", "sharetools", "shareicons", "keypoints", "highlights");
    /** First words of the compound names in NEGATIVE, so that only promising pairs are concatenated. */
    private static final Set<String> PAIR_STARTS = Set.of("read", "more", "most", "related", "see", "social",
            "share", "key", "newsletter", "sr", "visually", "tag", "ad");
    /**
     * Furniture words that are also used for parts of articles or as layout modifiers (a "podcast" post
     * type, "story-contents", a "gallery" article, "hidden" labels): one content word outweighs them.
     * Every other word of NEGATIVE names furniture firmly and weighs as much as three content words.
     */
    private static final Set<String> WEAK_NEGATIVE = Set.of("hidden", "hide", "print", "gallery", "video", "audio",
            "podcast", "rail", "teaser", "teasers", "excerpt", "contents", "toc", "jump", "meta",
            "headline", "kicker", "eyebrow", "dateline", "timestamp", "tags", "taglist", "keywords", "topics", "see",
            "also", "next", "prev", "previous", "offer", "paywall", "carousel", "slider", "banner", "overlay", "alert",
            "follow", "keypoints", "highlights", "skip");
    /**
     * Weak words that name a kind of content as often as furniture (a "podcast" or "gallery" post, a
     * "print-step" of a recipe, an "excerpt" or "paywall" wrapper around the text): alone, they leave the
     * verdict to the element's text. Words naming metadata or hidden text ("meta", "hidden") stay verdicts.
     */
    private static final Set<String> CONTENT_KIND = Set.of("podcast", "video", "audio", "gallery", "print",
            "excerpt", "contents", "paywall", "keypoints", "highlights");
    private static final int STRONG_WEIGHT = 3;
    /** Verdicts of {@link #furniture}. */
    static final int NOT_FURNITURE = 0;
    static final int CONTESTED = 1;
    static final int FURNITURE_NAMED = 2;
    /** Words that, just before a furniture word, make it a property of the element rather than its kind. */
    private static final Set<String> MODIFIERS = Set.of("has", "with", "no", "without", "label", "overflow",
            "enable", "enabled", "allow", "disable", "disabled");
    private static final Set<String> MEDIA = Set.of("caption", "credit", "image", "photo", "video", "ad", "ads",
            "gallery", "player");
    private static final Set<String> POSITIVE = Set.of("article", "articlebody", "body", "content", "entry",
            "main", "post", "story", "storybody", "text", "blog", "prose", "richtext", "postbody", "copy");
    /** Bits of {@link #kind}: what a tag is to the extractor. */
    public static final int BLOCK = 1;
    static final int DROPPED = 2;
    static final int FURNITURE = 4;
    static final int PLAIN_INLINE = 8;
    static final int ANCHOR = 16;
    static final String[] NO_TOKENS = new String[0];
    /** Class and id words that mark bylines and datelines (see {@link PageIndex}). */
    static final Set<String> AUTHOR_WORDS = Set.of("byline", "author", "authorname", "contributor");
    static final Set<String> DATE_WORDS = Set.of("date", "dateline", "timestamp", "published", "pubdate", "posted",
            "time");
    private static final Set<String> EMBED = Set.of("embed", "tweet", "embedded");
    private static final Set<String> HEADING_WORDS = Set.of("headline", "title");
    /** Every word a rule above or in {@link PageIndex} looks for, including second halves of compounds. */
    private static final NameWords WORDS = new NameWords(vocabulary());
    /** Second words by first word, for each compound of NEGATIVE that starts with a word of PAIR_STARTS. */
    private static final Map<String, Set<String>> NEGATIVE_PAIRS = negativePairs();
    /** Inline tags that only format or link text; their class names are not worth reading for furniture. */
    static final Set<String> PLAIN_INLINE_TAGS = Set.of("a", "b", "i", "em", "strong", "img", "br", "small", "sup",
            "sub", "u", "abbr", "code", "s", "mark", "wbr", "cite", "q");
    /** One table lookup per element gives all the bits, instead of one set lookup per question. */
    private static final Map<String, Integer> KINDS = kinds();

    private BoilerplateHints() {
    }

    /**
     * The words of the class, id and role attributes that some rule knows, lower-cased and in order
     * (see {@link NameWords}); {@link #NO_TOKENS} when there are none.
     */
    static String[] tokens(Element e) {
        return tokens(ElementNames.of(e));
    }

    /** As {@link #tokens(Element)} for an element whose attributes are {@code names}. */
    static String[] tokens(ElementNames names) {
        if (names.cls().isEmpty() && names.id().isEmpty() && names.role().isEmpty()) {
            return NO_TOKENS;
        }
        return WORDS.of(NO_TOKENS, names.cls(), names.id(), names.role());
    }

    private static Map<String, Integer> kinds() {
        Map<String, Integer> kinds = new HashMap<>();
        BLOCK_TAGS.forEach(t -> kinds.merge(t, BLOCK, (a, b) -> a | b));
        DROPPED_TAGS.forEach(t -> kinds.merge(t, DROPPED, (a, b) -> a | b));
        FURNITURE_TAGS.forEach(t -> kinds.merge(t, FURNITURE, (a, b) -> a | b));
        PLAIN_INLINE_TAGS.forEach(t -> kinds.merge(t, PLAIN_INLINE, (a, b) -> a | b));
        kinds.merge("a", ANCHOR, (a, b) -> a | b);
        return kinds;
    }

    /** The {@link #BLOCK}, {@link #DROPPED}... bits of a tag, by its normal (lower-case) name. */
    public static int kind(String normalName) {
        Integer kind = KINDS.get(normalName);
        return kind == null ? 0 : kind;
    }

    private static Set<String> vocabulary() {
        Set<String> words = new java.util.HashSet<>();
        for (Set<String> set : List.of(NEGATIVE, PAIR_STARTS, MODIFIERS, MEDIA, POSITIVE, AUTHOR_WORDS, DATE_WORDS, EMBED,
                HEADING_WORDS)) {
            words.addAll(set);
        }
        // "readmore" written "read-more": its second half must be known for the pair to be seen.
        for (String compound : NEGATIVE) {
            for (String first : PAIR_STARTS) {
                if (compound.length() > first.length() && compound.startsWith(first)) {
                    words.add(compound.substring(first.length()));
                }
            }
        }
        return words;
    }

    /** Whether two adjacent words form a compound of {@link #NEGATIVE} ("read", "more"), without joining them. */
    private static boolean isNegativePair(String first, String second) {
        Set<String> seconds = NEGATIVE_PAIRS.get(first);
        return seconds != null && seconds.contains(second);
    }

    private static Map<String, Set<String>> negativePairs() {
        Map<String, Set<String>> pairs = new HashMap<>();
        for (String compound : NEGATIVE) {
            for (String first : PAIR_STARTS) {
                if (compound.length() > first.length() && compound.startsWith(first)) {
                    pairs.computeIfAbsent(first, k -> new java.util.HashSet<>()).add(compound.substring(first.length()));
                }
            }
        }
        return pairs;
    }

    /**
     * True when the element's names ({@code tokens}, its {@link #tokens(Element)}, and {@code role}) mark it
     * as furniture. Names weigh evidence rather than veto: each distinct furniture word counts against the
     * element (a firm one such as "comments" or "menu" three times, see {@link #WEAK_NEGATIVE}), each distinct
     * content word ("post", "story", "body"...) and an article or main tag for it, so that "story-contents",
     * a "podcast" post type or an article with an "enable-share" option are left alone. A word
     * that a modifier qualifies ("has-ads", "with-sidebar", "label-hidden") says what the element holds or
     * how a part of it looks, not what it is, and does not count.
     *
     * @return {@link #FURNITURE_NAMED} when the furniture words weigh more, {@link #CONTESTED} when content
     *         words weigh as much (the element's text decides: the body cleaner keeps it when it holds prose), else {@link #NOT_FURNITURE}
     */
    static int furniture(Element e, String[] tokens, String role) {
        if (e.normalName().equals("blockquote")) {
            // Quotes and embedded posts are article content even when named after a social network.
            return NOT_FURNITURE;
        }
        int negative = isFurnitureRole(role) ? STRONG_WEIGHT : 0;
        if (tokens.length == 0 && negative == 0) {
            return NOT_FURNITURE;
        }
        int positive = 0;
        boolean firm = negative > 0;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            boolean first = firstOccurrence(tokens, i);
            // Adjacent words are joined too, so "read-more" and "see_also" match "readmore" and "seealso".
            if (i > 0 && tokens[i - 1] != NameWords.OTHER && isNegativePair(tokens[i - 1], t)) {
                negative += STRONG_WEIGHT;
                firm = true;
            } else if (NEGATIVE.contains(t) && first && !(i > 0 && MODIFIERS.contains(tokens[i - 1]))) {
                boolean weak = WEAK_NEGATIVE.contains(t);
                negative += weak ? 1 : STRONG_WEIGHT;
                firm |= !CONTENT_KIND.contains(t);
            } else if (POSITIVE.contains(t) && first) {
                positive++;
            }
        }
        if (negative == 0) {
            return NOT_FURNITURE;
        }
        String tag = e.normalName();
        if (tag.equals("article") || tag.equals("main")) {
            positive++;
        }
        // The embed test looks at children, so it only runs for the few elements named as furniture.
        if (isEmbed(e, tokens)) {
            return NOT_FURNITURE;
        }
        // A lone word of a content kind ("print-step", "podcast-description") is a hint, not a verdict: the
        // element's text decides, as for contested names.
        return negative > positive && (firm || negative > 1) ? FURNITURE_NAMED : CONTESTED;
    }

    /**
     * The furniture words of {@code e}'s names and its tag if a furniture tag ("aside"): the vocabulary a
     * page that wraps its article in such an element uses for layout, not for furniture.
     */
    public static Set<String> furnitureWords(Element e) {
        Set<String> words = new java.util.HashSet<>();
        if ((kind(e.normalName()) & FURNITURE) != 0) {
            words.add(e.normalName());
        }
        for (String t : tokens(e)) {
            if (NEGATIVE.contains(t)) {
                words.add(t);
            }
        }
        return words;
    }

    /**
     * Whether {@code e}'s names carry a content word ("entry", "post"...) or its tag is article or main; never
     * for furniture tags (a "main-footer" is a footer).
     */
    public static boolean hasContentWord(Element e) {
        if (e.normalName().equals("article") || e.normalName().equals("main")) {
            return true;
        }
        if ((kind(e.normalName()) & FURNITURE) != 0) {
            return false;
        }
        for (String t : tokens(e)) {
            if (POSITIVE.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFurnitureRole(String role) {
        return role.equals("navigation") || role.equals("complementary") || role.equals("banner")
                || role.equals("contentinfo") || role.equals("dialog") || role.equals("alert");
    }

    /** Whether {@code tokens[i]} is the first of its kind: "comment comment-body" names comments once. */
    private static boolean firstOccurrence(String[] tokens, int i) {
        for (int k = 0; k < i; k++) {
            if (tokens[k].equals(tokens[i])) {
                return false;
            }
        }
        return true;
    }

    /** Headings below the page title (h2-h6) and elements named as a headline or title. */
    static boolean isHeading(Element e, String[] tokens) {
        String tag = e.normalName();
        if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '2' && tag.charAt(1) <= '6') {
            return true;
        }
        if (tag.equals("h1")) {
            // The page's own headline often links to itself; it never marks a teaser.
            return false;
        }
        for (String t : tokens) {
            if (HEADING_WORDS.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Embedded posts and quotes (tweets, Instagram) carry article content even inside "social" wrappers. */
    private static boolean isEmbed(Element e, String[] tokens) {
        boolean embed = false;
        for (String t : tokens) {
            if (MEDIA.contains(t)) {
                return false;
            }
            embed |= EMBED.contains(t);
        }
        if (embed) {
            return true;
        }
        Element first = e.firstElementChild();
        return first != null && first.normalName().equals("blockquote") && e.childrenSize() <= 2;
    }

    /**
     * True when the element's names or itemprop mark it as the article body: two distinct content words
     * ("post-body", "entry-content"), an article tag or itemprop articleBody. The body element never is,
     * whatever its classes: themes name it after the page's template ("single-post").
     */
    public static boolean isPositive(Element e) {
        if (e.attr("itemprop").equalsIgnoreCase("articleBody")) {
            return true;
        }
        if (e.normalName().equals("body")) {
            return false;
        }
        int pos = 0;
        String[] tokens = tokens(e);
        for (int i = 0; i < tokens.length; i++) {
            if (POSITIVE.contains(tokens[i]) && firstOccurrence(tokens, i)) {
                pos++;
            }
        }
        return pos >= 2 || e.tagName().equals("article");
    }

    /** Inline styles and attributes that hide an element from readers, given its {@code names}. */
    static boolean isHiddenByAttributes(ElementNames names) {
        if (names.hidden()) {
            return true;
        }
        String style = names.style();
        if (style.isEmpty() || style.indexOf("none") < 0 && style.indexOf("hidden") < 0 && style.indexOf("-999") < 0) {
            return false;
        }
        String s = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return s.contains("display:none") || s.contains("visibility:hidden") || s.contains(":-9999")
                || s.contains(":-999em");
    }
}
