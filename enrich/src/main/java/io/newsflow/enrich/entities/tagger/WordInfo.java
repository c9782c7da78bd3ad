package io.newsflow.enrich.entities.tagger;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything about a word that does not depend on where it stands: its hashes, shapes and affixes, its word-list
 * marks and its prior. Words recur (a few thousand make most of any text), so a tagger keeps these in a bounded
 * cache and most tokens cost one lookup instead of a dozen string operations.
 */
final class WordInfo {

    final String lower;
    final long word;
    final long low;
    final long shape;
    final long fullShape;
    /** Hashes of the lower-cased prefixes of 1..4 characters, then the suffixes; 0 where the word is too short. */
    final long[] affixes = new long[8];
    /** Gazetteer bits that need no neighbours (given name, surname, title). */
    final int single;
    /** Whether some listed name starts with this word. */
    final boolean listFirst;
    /**
     * Whether the word is plainly not a name: not capitalised, and outside names in at least 95% of two or more
     * training occurrences. Such a token outside an open name is tagged O without scoring (most tokens are).
     */
    final boolean plain;
    /** Whether some name of the training data starts with this word. */
    final boolean nameFirst;
    /** The prior over all the training data (see {@link Priors#word}). */
    final int prior;

    WordInfo(String w, Gazetteer gazetteer, Priors priors) {
        lower = Gazetteer.lower(w);
        word = Features.hash(w);
        low = Features.hash(lower);
        shape = Features.hash(Features.shape(w, true));
        fullShape = Features.hash(Features.shape(w, false));
        int len = lower.length();
        for (int k = 1; k <= 4 && k < len; k++) {
            affixes[k - 1] = Features.hash(lower, 0, k);
            affixes[3 + k] = Features.hash(lower, len - k, len);
        }
        single = gazetteer.single(lower);
        listFirst = gazetteer.startsName(lower);
        prior = priors.word(lower, -1);
        nameFirst = priors.startsName(lower);
        plain = Priors.plainlyOutside(prior) && !w.isEmpty() && !Character.isUpperCase(w.charAt(0))
                && w.chars().noneMatch(Character::isUpperCase);
    }

    /** Where a document's words come from: computed afresh, or through a bounded cache shared by threads. */
    static final class Source {

        private final Gazetteer gazetteer;
        private final Priors priors;
        private final ConcurrentHashMap<String, WordInfo> cache;
        private final int maxEntries;

        private Source(Gazetteer gazetteer, Priors priors, int maxEntries) {
            this.gazetteer = gazetteer;
            this.priors = priors;
            this.maxEntries = maxEntries;
            this.cache = maxEntries > 0 ? new ConcurrentHashMap<>() : null;
        }

        /** A source without a cache (training: the priors differ by fold). */
        static Source uncached(Gazetteer gazetteer, Priors priors) {
            return new Source(gazetteer, priors, 0);
        }

        /**
         * A source caching at most {@code maxEntries} words; past that it starts over, which keeps memory bounded
         * on text with endless distinct tokens (numbers, junk) at the cost of recomputing the common words once.
         */
        static Source cached(Gazetteer gazetteer, Priors priors, int maxEntries) {
            return new Source(gazetteer, priors, maxEntries);
        }

        WordInfo get(String w) {
            if (cache == null) {
                return new WordInfo(w, gazetteer, priors);
            }
            WordInfo info = cache.get(w);
            if (info == null) {
                if (cache.size() >= maxEntries) {
                    cache.clear();
                }
                info = new WordInfo(w, gazetteer, priors);
                cache.put(w, info);
            }
            return info;
        }

        Gazetteer gazetteer() {
            return gazetteer;
        }

        Priors priors() {
            return priors;
        }
    }
}
