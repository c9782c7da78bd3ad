package io.newsflow.enrich;

import java.util.Locale;
import java.util.Random;

/** Generated texts of the shapes that once made enrichment steps do quadratic work; seeded, so repeatable. */
public final class HostileText {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tas", "vo", "dri", "bel", "nor", "quin",
        "sa", "te", "zu", "pha", "gor", "lin", "mar", "ost", "ul", "wey"};

    private HostileText() {
    }

    /** {@code n} distinct capitalised words separated by single spaces: one endless title-case sentence. */
    public static String capitalisedWords(int n, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(n * 9);
        for (int i = 0; i < n; i++) {
            sb.append(name(random)).append(' ');
        }
        return sb.toString();
    }

    /** {@code n} sentences, each naming two people never named before ("Kalomi Renta met Vodri Belnor."). */
    public static String distinctPeople(int n, long seed) {
        Random random = new Random(seed);
        StringBuilder sb = new StringBuilder(n * 40);
        for (int i = 0; i < n; i++) {
            sb.append(name(random)).append(' ').append(name(random)).append(" met ")
                    .append(name(random)).append(' ').append(name(random)).append(" in ")
                    .append(name(random)).append(". ");
            if (i % 20 == 19) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A capitalised invented word of two to four syllables plus a number-free suffix that keeps it distinct. */
    private static String name(Random random) {
        StringBuilder w = new StringBuilder();
        int parts = 2 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        return Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT);
    }
}
