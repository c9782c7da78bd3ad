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
    private static final double LEAD_WEIGHT = 2.0;
    private static final int LEAD_SENTENCES = 2;

    /** Mutable working group of one entity's occurrences. */
    private static final class Group {
        final List<Candidate> members = new ArrayList<>();
        final Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        final Map<EntityType, Integer> guesses = new EnumMap<>(EntityType.class);
        List<String> words;

        Group(List<String> words) {
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

    /** Resolves the candidates of one article (title ones first or mixed) into entities, most salient first. */
    public List<Entity> resolve(List<Candidate> candidates) {
        Map<String, Group> byKey = new LinkedHashMap<>();
        List<Candidate> shortForms = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.words().size() > 1 || c.cls().strength() >= 3) {
                byKey.computeIfAbsent(key(c), k -> new Group(c.words())).add(c, true);
            } else {
                shortForms.add(c);
            }
        }
        mergeTails(byKey);
        for (Candidate c : shortForms) {
            attachShortForm(c, byKey);
        }
        return toEntities(byKey.values());
    }

    /** "Communist Party" inside "Chinese Communist Party", "Hoyle Lindsay" never: only tails and heads of longer names. */
    private static void mergeTails(Map<String, Group> byKey) {
        List<String> keys = new ArrayList<>(byKey.keySet());
        keys.sort(Comparator.comparingInt((String k) -> byKey.get(k).words.size()));
        for (String k : keys) {
            Group g = byKey.get(k);
            if (g.members.stream().anyMatch(m -> m.cls().canonical() != null)) {
                continue;
            }
            Group host = findHost(g, byKey);
            if (host != null) {
                g.members.forEach(m -> host.add(m, false));
                byKey.remove(k);
            }
        }
    }

    private static Group findHost(Group g, Map<String, Group> byKey) {
        for (Group other : byKey.values()) {
            if (other == g || other.words.size() <= g.words.size()) {
                continue;
            }
            EntityType t = other.type();
            boolean tail = endsWith(other.words, g.words);
            boolean personPart = t == EntityType.PERSON && (tail || startsWith(other.words, g.words));
            boolean orgTail = tail && t == EntityType.ORGANIZATION
                    && (g.type() == EntityType.ORGANIZATION || g.votes.isEmpty());
            if (personPart || orgTail) {
                return other;
            }
        }
        return null;
    }

    private void attachShortForm(Candidate c, Map<String, Group> byKey) {
        Group same = byKey.get(key(c));
        if (same != null) {
            same.add(c, same.words.size() == 1);
            return;
        }
        String w = c.words().get(0);
        Group best = null;
        for (Group g : byKey.values()) {
            EntityType t = g.type();
            boolean match = t == EntityType.PERSON && (last(g.words).equals(w) || g.words.get(0).equals(w))
                    || t == EntityType.ORGANIZATION && (g.words.contains(w) && (w.length() > 3 || !g.words.get(0).equals(w))
                            || w.length() > 1 && w.equals(initials(g.words)));
            if (match && (best == null || t == EntityType.PERSON && best.type() != EntityType.PERSON)) {
                best = g;
            }
        }
        if (best != null) {
            best.add(c, false);
        } else {
            Group g = new Group(c.words());
            g.add(c, true);
            byKey.put(key(c), g);
        }
    }

    private List<Entity> toEntities(Iterable<Group> groups) {
        List<Entity> out = new ArrayList<>();
        double max = 0;
        Map<Group, Double> scores = new HashMap<>();
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
        out.sort(Comparator.comparingDouble(Entity::salience).reversed().thenComparing(Entity::name));
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

    private static String key(Candidate c) {
        String base = c.cls().canonical() != null ? c.cls().canonical() : String.join(" ", c.words());
        return base.toLowerCase(Locale.ROOT).replace('’', '\'');
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
