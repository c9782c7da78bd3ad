package io.newsflow.enrich.language.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Maps ISO 639-3 and page-declared language tags to ISO 639-1 codes. */
public final class IsoCodes {

    private static final Map<String, String> THREE_TO_TWO = buildThreeToTwo();

    private IsoCodes() {
    }

    /** Returns the two-letter code for an ISO 639-3 code, or null when it has none. */
    public static String toIso1(String iso3) {
        if (iso3 == null) {
            return null;
        }
        return THREE_TO_TWO.get(iso3.toLowerCase(Locale.ROOT));
    }

    /** Normalises a declared tag such as {@code "en-GB"}, {@code "EN_us"} or {@code "eng"} to ISO 639-1, or null. */
    public static String normaliseHint(String hint) {
        if (hint == null || hint.isBlank()) {
            return null;
        }
        String primary = hint.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        if (primary.length() == 2) {
            return modern(primary);
        }
        return toIso1(primary);
    }

    /** The current code of a two-letter code ISO 639 withdrew ({@code in}, {@code iw}, {@code ji}), else the code. */
    private static String modern(String two) {
        return switch (two) {
            case "in" -> "id";
            case "iw" -> "he";
            case "ji" -> "yi";
            default -> two;
        };
    }

    private static Map<String, String> buildThreeToTwo() {
        Map<String, String> map = new HashMap<>();
        for (String two : Locale.getISOLanguages()) {
            try {
                // The list holds both the withdrawn and the current code of Indonesian, Hebrew and
                // Yiddish; both name the same three-letter code, which must give the current one.
                map.put(Locale.of(two).getISO3Language(), modern(two));
            } catch (java.util.MissingResourceException e) {
                // A few legacy codes have no three-letter form: they cannot be produced by the model anyway.
            }
        }
        // Macro-language members that the OpenNLP model reports by their individual code.
        map.put("cmn", "zh");
        map.put("yue", "zh");
        map.put("pes", "fa");
        map.put("prs", "fa");
        map.put("zlm", "ms");
        map.put("zsm", "ms");
        map.put("nob", "nb");
        map.put("nno", "nn");
        map.put("ekk", "et");
        map.put("lvs", "lv");
        map.put("arb", "ar");
        map.put("swh", "sw");
        map.put("uzn", "uz");
        map.put("azj", "az");
        map.put("khk", "mn");
        map.put("plt", "mg");
        map.put("gug", "gn");
        map.put("npi", "ne");
        map.put("ory", "or");
        map.put("pbu", "ps");
        map.put("als", "sq");
        map.put("ydd", "yi");
        map.put("fil", "tl");
        // The model's "ger"/"fre" style bibliographic codes, should they appear.
        map.put("ger", "de");
        map.put("fre", "fr");
        map.put("dut", "nl");
        map.put("chi", "zh");
        return Map.copyOf(map);
    }
}
