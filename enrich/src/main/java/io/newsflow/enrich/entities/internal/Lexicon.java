package io.newsflow.enrich.entities.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The word lists the rule-based recognizer relies on, loaded once from the classpath. Immutable. */
public final class Lexicon {

    private static final String BASE = "/io/newsflow/enrich/entities/";

    private final Map<String, String> locations;
    private final Map<String, String> organizations;
    private final Set<String> demonyms;
    private final Set<String> givenNames;
    private final Set<String> honorifics = new HashSet<>();
    private final Set<String> titles = new HashSet<>();
    private final Set<String> titleQualifiers = new HashSet<>();
    private final Set<String> roles = new HashSet<>();
    private final Set<String> orgHeads = new HashSet<>();
    private final Set<String> orgOpeners = new HashSet<>();
    private final Set<String> orgSuffixes = new HashSet<>();
    private final Set<String> locHeads = new HashSet<>();
    private final Set<String> locOpeners = new HashSet<>();
    private final Set<String> common;

    private Lexicon() {
        locations = new HashMap<>(aliases("locations.txt"));
        locations.putAll(aliases("places.txt"));
        organizations = aliases("organizations.txt");
        demonyms = new HashSet<>(words("demonyms.txt"));
        givenNames = new HashSet<>(words("given-names.txt"));
        common = new HashSet<>();
        words("common-words.txt").forEach(w -> common.add(w.toLowerCase(Locale.ROOT)));
        for (String w : words("titles.txt")) {
            if (w.charAt(0) == '%') {
                roles.add(w.substring(1));
            } else {
                sort(w, '@', honorifics, '~', titleQualifiers, titles);
            }
        }
        for (String w : words("org-words.txt")) {
            sortMarked(w, orgHeads, orgOpeners, orgSuffixes);
        }
        for (String w : words("location-words.txt")) {
            sortMarked(w, locHeads, locOpeners, null);
        }
    }

    /** Loads the bundled lists. */
    public static Lexicon load() {
        return new Lexicon();
    }

    /** Every location name and alias the lists know (for the tagger's gazetteer features). */
    public Set<String> locationNames() {
        return Collections.unmodifiableSet(locations.keySet());
    }

    /** Every organisation name and alias the lists know. */
    public Set<String> organizationNames() {
        return Collections.unmodifiableSet(organizations.keySet());
    }

    /** Nationalities, religions and political groupings. */
    public Set<String> demonymWords() {
        return Collections.unmodifiableSet(demonyms);
    }

    /** Common given names. */
    public Set<String> givenNameWords() {
        return Collections.unmodifiableSet(givenNames);
    }

    /** Honorifics, titles and roles that stand before names ("Mr", "President", "coach"). */
    public Set<String> titleWords() {
        Set<String> all = new HashSet<>(honorifics);
        all.addAll(titles);
        all.addAll(roles);
        return Collections.unmodifiableSet(all);
    }

    /** Canonical location name for a surface form ("UK" → "United Kingdom"), or null. */
    public String location(String name) {
        return locations.get(name);
    }

    /** Canonical name of a well-known institution, or null. */
    public String organization(String name) {
        return organizations.get(name);
    }

    /** Whether the word is a nationality, religion or political grouping. */
    public boolean isDemonym(String word) {
        return demonyms.contains(word) || word.endsWith("s") && demonyms.contains(word.substring(0, word.length() - 1));
    }

    /** Whether the word is a common given name. */
    public boolean isGivenName(String word) {
        return givenNames.contains(word);
    }

    /** Whether the word is an honorific such as Mr or Sir (with or without a trailing dot). */
    public boolean isHonorific(String word) {
        return honorifics.contains(stripDot(word));
    }

    /** Whether the word is a job title that can precede a name, such as Senator. */
    public boolean isTitle(String word) {
        return titles.contains(stripDot(word)) || honorifics.contains(stripDot(word));
    }

    /** Whether the word only qualifies a following title, such as Foreign in Foreign Secretary. */
    public boolean isTitleQualifier(String word) {
        return titleQualifiers.contains(word);
    }

    /** Whether a name ending in this word (or its singular or plural) is an organisation. */
    public boolean isOrgHead(String word) {
        return orgHeads.contains(word) || orgSuffixes.contains(word) || orgHeads.contains(word + "s")
                || word.length() > 3 && word.endsWith("s") && orgHeads.contains(word.substring(0, word.length() - 1));
    }

    /** Whether the lower-case noun announces a person's name that follows ("analyst", "singer"). */
    public boolean isRole(String word) {
        return roles.contains(word);
    }

    /** Whether a name opening with this word (followed by "of") is an organisation. */
    public boolean isOrgOpener(String word) {
        return orgOpeners.contains(word);
    }

    /** Whether a name ending in this word is a place. */
    public boolean isLocationHead(String word) {
        return locHeads.contains(word);
    }

    /** Whether a name opening with this word is likely a place (Mount, Lake, Fort). */
    public boolean isLocationOpener(String word) {
        return locOpeners.contains(word);
    }

    /** Whether the capitalised word is a function word, calendar word or similar non-name. */
    public boolean isCommon(String word) {
        if (word.length() == 2 && word.charAt(1) == '.') {
            return false; // an initial, "A." in "Sonya A. Zoghlin"
        }
        String w = stripDot(word);
        // "US" is a name even though "Us" opens sentences; "IN" shouted in a tweet is still "in".
        boolean acronym = w.length() > 1 && w.chars().allMatch(Character::isUpperCase);
        if (acronym && (locations.containsKey(w) || organizations.containsKey(w))) {
            return false;
        }
        return common.contains(w.toLowerCase(Locale.ROOT));
    }

    private static String stripDot(String w) {
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    private static void sort(String w, char a, Set<String> toA, char b, Set<String> toB, Set<String> rest) {
        if (w.charAt(0) == a) {
            toA.add(w.substring(1));
        } else if (w.charAt(0) == b) {
            toB.add(w.substring(1));
        } else {
            rest.add(w);
        }
    }

    private static void sortMarked(String w, Set<String> heads, Set<String> openers, Set<String> suffixes) {
        switch (w.charAt(0)) {
            case '>' -> heads.add(w.substring(1));
            case '<' -> openers.add(w.substring(1));
            case '$' -> {
                if (suffixes != null) {
                    suffixes.add(w.substring(1));
                }
            }
            default -> throw new IllegalStateException("Unmarked lexicon word: " + w);
        }
    }

    private static Map<String, String> aliases(String file) {
        Map<String, String> map = new HashMap<>();
        for (String line : lines(file)) {
            String[] names = line.split("\\|");
            for (String n : names) {
                map.put(n.trim(), names[0].trim());
            }
        }
        return map;
    }

    private static List<String> words(String file) {
        List<String> out = new ArrayList<>();
        for (String line : lines(file)) {
            for (String w : line.split("\\s+")) {
                if (!w.isEmpty()) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static List<String> lines(String file) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing lexicon resource " + BASE + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read lexicon " + file, e);
        }
        return out;
    }
}
