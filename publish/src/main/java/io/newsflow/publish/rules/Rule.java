package io.newsflow.publish.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A condition on an article, built from a routes file, from query parameters ({@code /stream}) or
 * from command-line filters ({@code tail}). Immutable, side-effect free, cheap: routing evaluates
 * every rule of every route on every article.
 */
public sealed interface Rule {

    /** Whether the article satisfies the rule. */
    boolean test(ArticleView article);

    /** A rule that matches everything (an empty {@code all}). */
    Rule ANY = new All(List.of());

    /** Every part holds; an empty list holds always. */
    record All(List<Rule> parts) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            for (Rule r : parts) {
                if (!r.test(a)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one part holds. */
    record AnyOf(List<Rule> parts) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            for (Rule r : parts) {
                if (r.test(a)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The part does not hold. */
    record Not(Rule part) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            return !part.test(a);
        }
    }

    /** The detected language is one of the codes (lower case). */
    record Language(Set<String> codes) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            return a.language() != null && codes.contains(a.language().toLowerCase(Locale.ROOT));
        }
    }

    /** Some IPTC topic has this code or label (case-insensitive) with at least {@code minScore}. */
    record Topic(String codeOrLabel, double minScore) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            for (ArticleView.TopicView t : a.topics()) {
                if (t.score() >= minScore && (t.code().equalsIgnoreCase(codeOrLabel)
                        || t.label().equalsIgnoreCase(codeOrLabel))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Some entity has this name (case-insensitive; null: any) and type (null: any) with at least
     * {@code minSalience}.
     */
    record Entity(String name, String type, double minSalience) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            for (ArticleView.EntityView e : a.entities()) {
                if (e.salience() >= minSalience && (name == null || e.name().equalsIgnoreCase(name))
                        && (type == null || e.type().equals(type))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Some key phrase contains the text (lower case). */
    record Keyphrase(String text) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            for (String p : a.keyphrases()) {
                if (p.toLowerCase(Locale.ROOT).contains(text)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * The site name equals one of the names, or the URL's host is one of them or a subdomain of one
     * (all lower case).
     */
    record Site(Set<String> names) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            if (a.site() != null && names.contains(a.site().toLowerCase(Locale.ROOT))) {
                return true;
            }
            String host = a.host();
            while (host != null) {
                if (names.contains(host)) {
                    return true;
                }
                int dot = host.indexOf('.');
                host = dot < 0 ? null : host.substring(dot + 1);
            }
            return false;
        }
    }

    /** The word count is within {@code [min, max]}. */
    record Words(int min, int max) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            return a.wordCount() >= min && a.wordCount() <= max;
        }
    }

    /** The article is ({@code true}) or is not ({@code false}) a near-duplicate of an earlier one. */
    record Duplicate(boolean wanted) implements Rule {
        @Override
        public boolean test(ArticleView a) {
            return a.duplicate() == wanted;
        }
    }
}
