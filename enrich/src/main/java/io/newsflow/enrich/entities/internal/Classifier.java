package io.newsflow.enrich.entities.internal;

import io.newsflow.enrich.entities.EntityType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Types a candidate name from its words, the word lists and the words around it. */
public final class Classifier {

    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "wrote", "tweeted",
            "explained", "argued", "noted", "stated", "asked", "insisted", "recalled", "admitted", "claimed", "warned",
            "replied", "believes", "thinks", "testified", "posted", "continued", "quipped", "confessed", "vowed");
    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "near", "outside", "across", "throughout",
            "towards", "toward", "around");
    private static final Set<String> FAMILY = Set.of("wife", "husband", "son", "daughter", "mother", "father",
            "brother", "sister", "family", "parents", "lawyer", "attorney", "spokesman", "spokeswoman", "death", "career",
            "government", "administration", "regime", "presidency", "premiership", "campaign", "supporters", "aides");
    /** Nouns that, just before a name, say it is an organisation ("publication DigiTimes", "carrier SunExpress"). */
    private static final Set<String> ORG_NOUNS = Set.of("company", "firm", "retailer", "carrier", "airline", "startup",
            "outlet", "publication", "newspaper", "network", "agency", "giant", "maker", "rival", "platform", "brand",
            "bank", "broadcaster", "chain", "manufacturer", "supplier", "insurer", "operator", "studio", "label",
            "website", "site", "magazine", "journal", "tabloid", "daily", "conglomerate", "automaker", "developer",
            "group", "party", "club", "team", "band", "charity", "university", "school", "regulator", "union");
    /** Words that, just after a name, say it is an organisation ("Home Depot shares", "Alibaba spokesperson"). */
    private static final Set<String> ORG_FOLLOWERS = Set.of("shares", "stock", "stocks", "spokesperson", "spokesman",
            "spokeswoman", "executives", "employees", "staff", "customers", "users", "subscribers", "headquarters",
            "ceo", "app", "platform", "account", "accounts", "stores", "products", "earnings", "revenue", "investors",
            "shareholders", "lawmakers", "members", "fans", "co-founder", "founder", "chairman", "subsidiary");
    private static final Set<String> PLACE_FOLLOWERS = Set.of("police", "residents", "mayor", "county", "suburb",
            "neighborhood", "neighbourhood", "province", "region", "airport");
    private static final Set<String> PLACE_NOUNS = Set.of("village", "town", "city", "county", "province", "state",
            "region", "district", "island", "suburb", "neighborhood", "neighbourhood", "area", "municipality", "capital",
            "port", "settlement", "camp", "territory", "republic", "country", "kingdom", "prefecture", "moon", "planet");
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "outskirts", "heart", "suburbs", "centre", "center", "edge");
    private static final Set<String> APPOSITION_DETERMINERS = Set.of("a", "an", "another", "the", "its", "his", "her");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "this", "that", "its", "their");
    private static final Set<String> DATELINE_MARKS = Set.of(",", "—", "–", "-", ":", "(");

    private final Lexicon lexicon;

    /** Creates a classifier over the given word lists. */
    public Classifier(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Returns the type of the candidate, or {@link Classification#NONE} when it is not a name. */
    public Classification classify(Chunk chunk, String name, DocContext doc) {
        Classification known = fromLexicon(chunk, name);
        if (known != null) {
            return known;
        }
        if (chunk.tokens().size() == 1 && doc.seenLowerCase(name) && !chunk.first().isAllCaps()) {
            return Classification.NONE; // "Meth" in a text about meth is the word, capitalised for emphasis
        }
        if (doc.commonAcronyms().contains(name)) {
            return Classification.NONE; // "hypersensitivity pneumonitis, or HP": HP is no name anywhere
        }
        if (insideQuotedTitle(chunk)) {
            return new Classification(EntityType.MISC, 2, null); // “Takin’ It to the Streets”: a work's title
        }
        Classification structural = fromStructure(chunk);
        if (structural != null) {
            return structural;
        }
        Classification context = fromContext(chunk);
        return context != null ? context : byDefault(chunk);
    }

    private Classification fromLexicon(Chunk chunk, String name) {
        String plain = chunk.tokens().stream().allMatch(Token::isAllCaps) ? titleCase(name) : name;
        String org = lexicon.organization(name);
        if (org != null) {
            return new Classification(EntityType.ORGANIZATION, 3, org);
        }
        String loc = lexicon.location(name) != null ? lexicon.location(name) : lexicon.location(plain);
        if (loc != null && !chunk.personCue()) {
            return new Classification(EntityType.LOCATION, 3, loc);
        }
        if (chunk.tokens().stream().allMatch(t -> lexicon.isTitle(t.text()) || lexicon.isTitleQualifier(t.text())
                || lexicon.isCommon(t.text()))) {
            return Classification.NONE;
        }
        if (chunk.tokens().stream().allMatch(t -> lexicon.isDemonym(t.text())) || isResidentNoun(chunk)) {
            return new Classification(EntityType.MISC, 3, null);
        }
        if (isDateline(chunk)) {
            return new Classification(EntityType.LOCATION, 3, null);
        }
        if (chunk.tokens().stream().anyMatch(t -> t.text().chars().anyMatch(Character::isDigit))) {
            return new Classification(EntityType.MISC, 2, null); // "A350-900", "S-1": products and codes
        }
        return null;
    }

    /** Whether the name sits in a quotation whose words are mostly capitalised, i.e. a quoted title. */
    private static boolean insideQuotedTitle(Chunk chunk) {
        List<Token> s = chunk.sentence();
        int open = -1;
        for (int i = chunk.from() - 1; i >= 0 && open < 0; i--) {
            String w = s.get(i).text();
            if ("”".equals(w)) {
                return false;
            }
            if ("“".equals(w)) {
                open = i;
            }
        }
        if (open < 0) {
            return false;
        }
        int words = 0;
        int caps = 0;
        for (int i = open + 1; i < s.size() && !"”".equals(s.get(i).text()); i++) {
            if (s.get(i).isWord() && s.get(i).text().length() > 3) {
                words++;
                caps += Character.isUpperCase(s.get(i).text().charAt(0)) ? 1 : 0;
            }
        }
        return words > 0 && caps * 10 >= words * 7;
    }

    /** "South Dakotans", "Texans": residents of a place, not the place. */
    private boolean isResidentNoun(Chunk chunk) {
        String last = chunk.last().text();
        return last.endsWith("ans") && lexicon.location(chunk.tokens().size() == 1 ? last : joinWithout(chunk)) == null
                && !lexicon.isOrgHead(last) && Character.isLowerCase(last.charAt(last.length() - 4));
    }

    private static String joinWithout(Chunk chunk) {
        StringBuilder sb = new StringBuilder();
        for (Token t : chunk.tokens()) {
            sb.append(sb.length() > 0 ? " " : "").append(t.text());
        }
        return sb.toString();
    }

    /** "VIENNA —", "SIOUX FALLS, S.D. –", "Dekalb, Ill. —": the place an article is filed from. */
    private static boolean isDateline(Chunk chunk) {
        Token next = chunk.after(1);
        boolean opens = chunk.from() == 0 && chunk.first().sentenceStart();
        boolean marked = next != null && DATELINE_MARKS.contains(next.text());
        boolean shouted = chunk.tokens().stream().allMatch(t -> t.isAllCaps() && t.text().length() > 2);
        return opens && marked && (shouted || chunk.first().sentence() == 0 && ",".equals(next.text()));
    }

    private Classification fromStructure(Chunk chunk) {
        int n = chunk.tokens().size();
        String first = chunk.first().text();
        String last = chunk.last().text();
        Classification headed = headBeforeConnector(chunk);
        if (headed != null) {
            return headed;
        }
        if (n == 1 && (isNumber(chunk.before(1)) || isNumber(chunk.after(1)))) {
            // "Rs 24 lakh", "737 Max", "14th Century" - but also "30 Boeing jets", so only a guess.
            return new Classification(EntityType.MISC, 1, null);
        }
        if (lexicon.isOrgHead(last) && (n > 1 || chunk.before(1) != null && "the".equals(lower(chunk.before(1))))) {
            return new Classification(EntityType.ORGANIZATION, 3, null);
        }
        if (n > 2 && lexicon.isOrgOpener(first) && "of".equals(chunk.tokens().get(1).text())) {
            return new Classification(EntityType.ORGANIZATION, 3, null);
        }
        if (n > 1 && lexicon.isLocationHead(last)) {
            return new Classification(EntityType.LOCATION, 3, null);
        }
        Token prev = chunk.before(1);
        boolean honorific = prev != null && lexicon.isHonorific(prev.text());
        if (chunk.personCue() || honorific || hasRoleBefore(chunk)) {
            return new Classification(EntityType.PERSON, 3, null);
        }
        if (n > 1 && n <= 4 && lexicon.isGivenName(first) && !chunk.last().isAllCaps()) {
            return new Classification(EntityType.PERSON, 3, null);
        }
        if (n > 1 && lexicon.isDemonym(first) && chunk.tokens().stream().skip(1).allMatch(Token::isCapitalised)) {
            return new Classification(EntityType.MISC, 2, null);
        }
        return null;
    }

    /** "Institute on Drug Abuse", "Department of Social Services", "District of Columbia". */
    private Classification headBeforeConnector(Chunk chunk) {
        List<Token> t = chunk.tokens();
        for (int i = 0; i < t.size() - 2; i++) {
            String next = t.get(i + 1).text();
            if (!"of".equals(next) && !"on".equals(next) && !"for".equals(next)) {
                continue;
            }
            if (lexicon.isOrgHead(t.get(i).text())) {
                return new Classification(EntityType.ORGANIZATION, 3, null);
            }
            if (lexicon.isLocationHead(t.get(i).text())) {
                return new Classification(EntityType.LOCATION, 3, null);
            }
        }
        return null;
    }

    private static boolean isNumber(Token t) {
        return t != null && Character.isDigit(t.text().charAt(0));
    }

    /** "singer Michael McDonald", "member, Funke Adedoyin", "One MP, Nusrat Ghani". */
    private boolean hasRoleBefore(Chunk chunk) {
        Token prev = chunk.before(1);
        if (prev != null && ",".equals(prev.text())) {
            prev = chunk.before(2);
        }
        if (prev == null) {
            return false;
        }
        return Character.isLowerCase(prev.text().charAt(0)) ? lexicon.isRole(prev.text())
                : lexicon.isTitle(prev.text()) && !lexicon.isHonorific(prev.text());
    }

    private Classification fromContext(Chunk chunk) {
        int n = chunk.tokens().size();
        Token next = chunk.after(1);
        Token prev = chunk.before(1);
        if (next != null && SPEECH_VERBS.contains(lower(next)) && n > 1) {
            return new Classification(EntityType.PERSON, 2, null);
        }
        if (next != null && ",".equals(next.text()) && chunk.after(2) != null
                && ("who".equals(lower(chunk.after(2))) || chunk.after(2).text().matches("\\d{1,2}"))) {
            return new Classification(EntityType.PERSON, 2, null); // "Webb, who ..."; "Webb, 51,"
        }
        Token possessed = chunk.after(2);
        if (next != null && next.text().matches("['’]s") && possessed != null && FAMILY.contains(lower(possessed))) {
            return new Classification(EntityType.PERSON, 2, null);
        }
        if (prev != null && ORG_NOUNS.contains(lower(prev)) && Character.isLowerCase(prev.text().charAt(0))
                || next != null && ORG_FOLLOWERS.contains(lower(next))) {
            return new Classification(EntityType.ORGANIZATION, 2, null);
        }
        if (prev != null && "to".equals(prev.text()) && chunk.before(2) != null && "according".equals(lower(chunk.before(2)))
                && n > 1) {
            return new Classification(EntityType.ORGANIZATION, 2, null); // "according to Box Office Mojo"
        }
        Classification apposed = fromApposition(chunk);
        if (apposed != null) {
            return apposed;
        }
        if (next != null && PLACE_FOLLOWERS.contains(next.text()) || isPlaceContext(chunk)
                || prev != null && PLACE_NOUNS.contains(prev.text())) {
            return new Classification(EntityType.LOCATION, 2, null);
        }
        if (prev != null && PLACE_PREPOSITIONS.contains(lower(prev)) && !chunk.first().isAllCaps()) {
            return new Classification(EntityType.LOCATION, 2, null);
        }
        if (n > 1 && lexicon.isLocationOpener(chunk.first().text())) {
            return new Classification(EntityType.LOCATION, 2, null);
        }
        return null;
    }

    /** "Lakshiwnder Singh, another deportee,"; "Addison, a village"; "Meetup, a startup". */
    private Classification fromApposition(Chunk chunk) {
        Token comma = chunk.after(1);
        Token det = chunk.after(2);
        if (comma == null || !",".equals(comma.text()) || det == null || !APPOSITION_DETERMINERS.contains(lower(det))) {
            return null;
        }
        for (int d = 3; d <= 6 && chunk.after(d) != null; d++) {
            String w = lower(chunk.after(d));
            if (PLACE_NOUNS.contains(w)) {
                return new Classification(EntityType.LOCATION, 2, null);
            }
            if (ORG_NOUNS.contains(w)) {
                return new Classification(EntityType.ORGANIZATION, 2, null);
            }
            if (lexicon.isRole(w)) {
                return new Classification(EntityType.PERSON, 2, null);
            }
        }
        return null;
    }

    /** "Sarkh, Logar"-style "X, Known Place"; "county of Huade"; "Xilingol in Inner Mongolia". */
    private boolean isPlaceContext(Chunk chunk) {
        Token next = chunk.after(1);
        if (next != null && (",".equals(next.text()) || "in".equals(next.text())) && placeFollows(chunk, 2)) {
            return true;
        }
        Token prev = chunk.before(1);
        Token prev2 = chunk.before(2);
        return prev != null && prev2 != null && "of".equals(prev.text())
                && (PLACE_NOUNS.contains(lower(prev2)) || DIRECTIONS.contains(lower(prev2)));
    }

    /** Whether a gazetteer place of one to three words starts at {@code after(distance)}. */
    private boolean placeFollows(Chunk chunk, int distance) {
        StringBuilder name = new StringBuilder();
        for (int d = distance; d < distance + 3 && chunk.after(d) != null; d++) {
            name.append(name.length() > 0 ? " " : "").append(chunk.after(d).text());
            if (lexicon.location(name.toString()) != null) {
                Token then = chunk.after(d + 1);
                return then == null || !Character.isUpperCase(then.text().charAt(0));
            }
        }
        return false;
    }

    private Classification byDefault(Chunk chunk) {
        if (chunk.tokens().size() == 1) {
            return new Classification(EntityType.ORGANIZATION, 1, null);
        }
        Token prev = chunk.before(1);
        if (prev != null && DETERMINERS.contains(lower(prev))) {
            return new Classification(EntityType.MISC, 1, null); // people take no article: "the National Intelligence law"
        }
        if (chunk.tokens().stream().allMatch(Token::isAllCaps)) {
            return new Classification(EntityType.ORGANIZATION, 1, null); // "CBS DFW"
        }
        if (looksLikePersonName(chunk)) {
            return new Classification(EntityType.PERSON, 1, null);
        }
        // Unknown multi-word names are people, products, works or events; without evidence, claim nothing
        // specific. The recognizer upgrades them to PERSON when the last word recurs alone (a surname).
        return new Classification(EntityType.MISC, 1, null);
    }

    /**
     * "Barack Obama", "Evo Morales": two plain capitalised words tagged as proper nouns that do not modify a
     * following noun ("Star Trek film") are most often a person; a guess that any evidence outvotes.
     */
    private static boolean looksLikePersonName(Chunk chunk) {
        if (chunk.tokens().size() != 2) {
            return false;
        }
        for (Token t : chunk.tokens()) {
            if (!t.text().matches("\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?") || !"PROPN".equals(t.pos())) {
                return false;
            }
        }
        Token next = chunk.after(1);
        return next == null || !"NOUN".equals(next.pos()) && !"PROPN".equals(next.pos());
    }

    private static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            sb.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetter(c);
        }
        return sb.toString();
    }

    private static String lower(Token t) {
        return t.text().toLowerCase(Locale.ROOT);
    }
}
