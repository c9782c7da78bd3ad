package io.newsflow.enrich.entities.internal;

import io.newsflow.enrich.entities.Entity;
import io.newsflow.enrich.entities.EntityType;
import io.newsflow.enrich.entities.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Groups typed name occurrences into entities within one article: exact repeats, short forms of people
 * ("Hoyle" → "Lindsay Hoyle"), tails and acronyms of organisations, and gazetteer aliases ("UK" → "United
 * Kingdom"); then names each entity and scores its salience.
 */
public final class Resolver {

    private static final double TITLE_WEIGHT = 3.0;
    /** Tells apart same-named entities of different types ("Washington" the man and the city). */
    private final boolean typedKeys;

    /** A resolver that groups equal names whatever their type guesses, the type decided by vote. */
    public Resolver() {
        this(false);
    }

    /**
     * A resolver; with {@code typedKeys}, equal names of different types stay different entities: for a trained
     * tagger, whose types already read the context of each mention, a vote would only undo its decisions.
     */
    public Resolver(boolean typedKeys) {
        this.typedKeys = typedKeys;
    }
    private static final double LEAD_WEIGHT = 2.0;
    private static final int LEAD_SENTENCES = 2;

    /** Mutable working group of one entity's occurrences; {@code order} is its place in the article. */
    private static final class Group {
        final int order;
        final List<Candidate> members = new ArrayList<>();
        final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        final Map<EntityType, Integer> guesses = new EnumMap<>(EntityType.class);
        List<String> words;
        boolean merged;

        Group(int order, List<String> words) {
            this.order = order;
            this.words = words;
        }

        void add(Candidate c, boolean votes) {
            members.add(c);
            if (votes) {
                vote(c);
            }
            if (c.words().size() > words.size()) {
                words = c.words();
            }
        }

        EntityType type() {
            Map<EntityType, Integer> from = votes.isEmpty() ? guesses : votes;
            return from.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        /** Evidence outvotes any number of default guesses: guesses count only while there is no evidence. */
        void vote(Candidate c) {
            int s = c.cls().strength();
            (s > 1 ? votes : guesses).merge(c.cls().type(), s, Integer::sum);
        }
    }

    /**
     * Resolves the candidates of one article (title ones first or mixed) into entities, most salient first.
     * Near-linear in the number of candidates: groups are found through indexes by word, never by comparing
     * every pair (an article of thousands of distinct names once took minutes).
     */
    public List<Entity> resolve(List<Candidate> candidates) {
        Map<String, Group> byKey = new LinkedHashMap<>();
        List<Candidate> shortForms = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.words().size() > 1 || c.cls().strength() >= 3) {
                byKey.computeIfAbsent(key(c), k -> new Group(byKey.size(), c.words())).add(c, true);
            } else {
                shortForms.add(c);
            }
        }
        int order = byKey.size();
        mergeTails(byKey, typedKeys);
        ShortFormIndex index = new ShortFormIndex(byKey.values());
        for (Candidate c : shortForms) {
            if (attachShortForm(c, byKey, index, order) != null) {
                order++;
            }
        }
        return toEntities(byKey.values());
    }

    /** "Communist Party" inside "Chinese Communist Party", "Hoyle Lindsay" never: only tails and heads of longer names. */
    private static void mergeTails(Map<String, Group> byKey, boolean sameTypeOnly) {
        List<Group> groups = new ArrayList<>(byKey.values());
        Map<List<String>, List<Group>> byTail = new HashMap<>();
        Map<List<String>, List<Group>> byHead = new HashMap<>();
        for (Group g : groups) {
            EntityType t = g.type();
            for (int n = 1; n < g.words.size(); n++) {
                if (t == EntityType.PERSON || t == EntityType.ORGANIZATION) {
                    byTail.computeIfAbsent(g.words.subList(g.words.size() - n, g.words.size()), k -> new ArrayList<>())
                            .add(g);
                }
                if (t == EntityType.PERSON) {
                    byHead.computeIfAbsent(g.words.subList(0, n), k -> new ArrayList<>()).add(g);
                }
            }
        }
        groups.sort(Comparator.comparingInt((Group g) -> g.words.size()));
        for (Group g : groups) {
            if (g.members.stream().anyMatch(m -> m.cls().canonical() != null)) {
                continue;
            }
            Group host = findHost(g, byTail.getOrDefault(g.words, List.of()), byHead.getOrDefault(g.words, List.of()));
            if (host != null && (!sameTypeOnly || host.type() == g.type())) {
                g.members.forEach(m -> host.add(m, false));
                g.merged = true;
            }
        }
        byKey.values().removeIf(g -> g.merged);
    }

    /**
     * The first group in article order that takes {@code g} in: a person whose name ends or starts with it, or
     * an organisation whose name ends with it when {@code g} is an organisation or a mere guess.
     */
    private static Group findHost(Group g, List<Group> withTail, List<Group> withHead) {
        boolean orgTail = g.type() == EntityType.ORGANIZATION || g.votes.isEmpty();
        Group host = null;
        for (Group other : withTail) {
            if (!other.merged && (other.type() == EntityType.PERSON || orgTail)) {
                host = other;
                break;
            }
        }
        for (Group other : withHead) {
            if (!other.merged && (host == null || other.order < host.order)) {
                return other;
            }
        }
        return host;
    }

    /** Attaches a one-word name to its entity, or makes it a new one and returns that; {@code order} numbers it. */
    private Group attachShortForm(Candidate c, Map<String, Group> byKey, ShortFormIndex index, int order) {
        Group same = byKey.get(key(c));
        if (same != null) {
            same.add(c, same.words.size() == 1);
            return null;
        }
        Group best = index.find(c.words().get(0));
        // A headline's short form joins a body entity whatever its own type: a headline is the least context a
        // type decision gets ("Merkel and Macron meet in Paris"), the body the most.
        if (best != null && (!typedKeys || best.type() == c.cls().type() || c.inTitle())) {
            best.add(c, false);
            return null;
        }
        Group g = new Group(order, c.words());
        g.add(c, true);
        byKey.put(key(c), g);
        index.add(g);
        return g;
    }

    /**
     * Groups by the one word that may stand for them: a person's first or last name, a word of an organisation's
     * name (short words only when they are not its first), an organisation's initials. Lists keep article order.
     * One-word groups are kept apart: a repeat of their word may still change their type.
     */
    private static final class ShortFormIndex {
        private final Map<String, List<Group>> people = new HashMap<>();
        private final Map<String, List<Group>> organisations = new HashMap<>();
        private final Map<String, List<Group>> singles = new HashMap<>();

        ShortFormIndex(Iterable<Group> groups) {
            groups.forEach(this::add);
        }

        void add(Group g) {
            if (g.words.size() == 1) {
                put(singles, g.words.get(0), g);
                return;
            }
            EntityType t = g.type();
            if (t == EntityType.PERSON) {
                put(people, g.words.get(0), g);
                put(people, last(g.words), g);
            } else if (t == EntityType.ORGANIZATION) {
                for (String w : g.words) {
                    if (w.length() > 3 || !g.words.get(0).equals(w)) {
                        put(organisations, w, g);
                    }
                }
                String initials = initials(g.words);
                if (initials.length() > 1) {
                    put(organisations, initials, g);
                }
            }
        }

        /** The first person in article order, else the first organisation; null when none. */
        Group find(String word) {
            List<Group> sameWord = singles.getOrDefault(word, List.of());
            Group person = earlier(first(people, word), firstOfType(sameWord, EntityType.PERSON));
            if (person != null) {
                return person;
            }
            return earlier(first(organisations, word), word.length() > 3
                    ? firstOfType(sameWord, EntityType.ORGANIZATION) : null);
        }

        private static Group first(Map<String, List<Group>> index, String word) {
            List<Group> list = index.get(word);
            return list == null ? null : list.get(0);
        }

        private static Group firstOfType(List<Group> groups, EntityType type) {
            for (Group g : groups) {
                if (g.type() == type) {
                    return g;
                }
            }
            return null;
        }

        private static Group earlier(Group a, Group b) {
            return a == null || b != null && b.order < a.order ? b : a;
        }

        private static void put(Map<String, List<Group>> index, String word, Group g) {
            List<Group> list = index.computeIfAbsent(word, k -> new ArrayList<>());
            if (list.isEmpty() || list.get(list.size() - 1) != g) {
                list.add(g);
            }
        }
    }

    private List<Entity> toEntities(Iterable<Group> groups) {
        List<Entity> out = new ArrayList<>();
        double max = 0;
        // In the groups' order, not by identity hash: ties in salience and name must come out the same on every
        // run, or a replayed article would differ from the first time in its order and in which entities the
        // step's limit keeps.
        Map<Group, Double> scores = new LinkedHashMap<>();
        for (Group g : groups) {
            EntityType type = g.type();
            if (type == null) {
                continue;
            }
            double s = g.members.stream().mapToDouble(Resolver::weight).sum();
            scores.put(g, s);
            max = Math.max(max, s);
        }
        for (Map.Entry<Group, Double> e : scores.entrySet()) {
            Group g = e.getKey();
            List<Mention> spans = g.members.stream().filter(m -> !m.inTitle())
                    .sorted(Comparator.comparingInt(Candidate::start))
                    .map(m -> new Mention(m.start(), m.end())).distinct().toList();
            double salience = Math.round(e.getValue() / max * 1000) / 1000.0;
            out.add(new Entity(name(g), g.type(), g.members.size(), spans, salience));
        }
        out.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name)
                .thenComparing(Entity::type));
        return out;
    }

    private static double weight(Candidate c) {
        if (c.inTitle()) {
            return TITLE_WEIGHT;
        }
        return c.sentence() < LEAD_SENTENCES ? LEAD_WEIGHT : 1.0;
    }

    private static String name(Group g) {
        for (Candidate c : g.members) {
            if (c.cls().canonical() != null) {
                return c.cls().canonical();
            }
        }
        if (g.type() == EntityType.PERSON) {
            return String.join(" ", g.words);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        int longest = g.members.stream().mapToInt(m -> m.words().size()).max().orElse(1);
        g.members.stream().filter(m -> m.words().size() == longest)
                .forEach(m -> counts.merge(m.surface(), 1, Integer::sum));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private String key(Candidate c) {
        String base = c.cls().canonical() != null ? c.cls().canonical() : String.join(" ", c.words());
        String key = base.toLowerCase(Locale.ROOT).replace('’', '\'');
        return typedKeys ? c.cls().type() + " " + key : key;
    }

    private static String initials(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (Character.isUpperCase(w.charAt(0))) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }

    private static String last(List<String> words) {
        return words.get(words.size() - 1);
    }

    private static boolean endsWith(List<String> longer, List<String> tail) {
        return longer.size() > tail.size() && longer.subList(longer.size() - tail.size(), longer.size()).equals(tail);
    }

    private static boolean startsWith(List<String> longer, List<String> head) {
        return longer.size() > head.size() && longer.subList(0, head.size()).equals(head);
    }
}
