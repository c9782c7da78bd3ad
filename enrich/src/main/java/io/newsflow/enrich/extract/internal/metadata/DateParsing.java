package io.newsflow.enrich.extract.internal.metadata;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date notations found in news pages (ISO 8601 variants, RFC 1123, epoch numbers,
 * "November 19, 2019", "19 Nov 2019") into an offset date-time; times without a zone are taken as UTC.
 */
public final class DateParsing {

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}(?!\\d))?)?");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "\\b([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?(?:\\s*(GMT|UTC|Z|[+-]\\d{2}:?\\d{2}|"
                    + "[ECMP][SD]T|BST|CES?T|IST|JST|AEST|AEDT)\\b)?");
    private static final Map<String, String> ZONES = Map.ofEntries(Map.entry("EST", "-05:00"),
            Map.entry("EDT", "-04:00"), Map.entry("CST", "-06:00"), Map.entry("CDT", "-05:00"),
            Map.entry("MST", "-07:00"), Map.entry("MDT", "-06:00"), Map.entry("PST", "-08:00"),
            Map.entry("PDT", "-07:00"), Map.entry("BST", "+01:00"), Map.entry("CET", "+01:00"),
            Map.entry("CEST", "+02:00"), Map.entry("IST", "+05:30"), Map.entry("JST", "+09:00"),
            Map.entry("AEST", "+10:00"), Map.entry("AEDT", "+11:00"));
    private static final Pattern RFC_1123_SHAPE = Pattern.compile("(?i)[a-z]{3}, .*\\d{4}.*");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}(\\d{3})?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private DateParsing() {
    }

    /** Parses {@code raw}, or returns null when it holds no plausible date (years 1990 to 2100). */
    public static OffsetDateTime parse(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            return null;
        }
        String s = raw.trim();
        OffsetDateTime d = parseIso(s);
        if (d == null) {
            d = parseRfc1123(s);
        }
        if (d == null) {
            d = parseEpoch(s);
        }
        if (d == null) {
            d = parseWords(s);
        }
        return d != null && d.getYear() >= 1990 && d.getYear() <= 2100 ? d : null;
    }

    private static OffsetDateTime parseIso(String s) {
        Matcher m = ISO.matcher(s);
        if (!m.find()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT : LocalTime.of(Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                    nanos(m.group(7)));
            return OffsetDateTime.of(date, time, offset(m.group(8)));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String nine = (fraction + "000000000").substring(0, 9);
        return Integer.parseInt(nine);
    }

    static ZoneOffset offset(String zone) {
        if (zone == null || zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String z = ZONES.getOrDefault(zone, zone).replace(":", "");
        if (z.length() == 3) {
            z = z + "00";
        }
        return ZoneOffset.ofHoursMinutes(Integer.parseInt(z.substring(0, 3)),
                Integer.parseInt(z.charAt(0) + z.substring(3, 5)));
    }

    private static OffsetDateTime parseRfc1123(String s) {
        if (!RFC_1123_SHAPE.matcher(s).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OffsetDateTime parseEpoch(String s) {
        if (!EPOCH.matcher(s).matches()) {
            return null;
        }
        long v = Long.parseLong(s);
        Instant i = s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** Dates written with month names, with an optional clock time after them. */
    public static OffsetDateTime parseWords(String s) {
        Matcher m = MONTH_FIRST.matcher(s);
        Integer month = null;
        int day = 0;
        int year = 0;
        int end = 0;
        while (m.find()) {
            month = month(m.group(1));
            if (month != null) {
                day = Integer.parseInt(m.group(2));
                year = Integer.parseInt(m.group(3));
                end = m.end();
                break;
            }
        }
        if (month == null) {
            m = DAY_FIRST.matcher(s);
            while (m.find()) {
                month = month(m.group(2));
                if (month != null) {
                    day = Integer.parseInt(m.group(1));
                    year = Integer.parseInt(m.group(3));
                    end = m.end();
                    break;
                }
            }
        }
        if (month == null) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
        try {
            return OffsetDateTime.of(date, timeAfter(s, end), zoneAfter(s, end));
        } catch (DateTimeException | NumberFormatException e) {
            // A malformed clock time next to a valid date: keep the date.
            return OffsetDateTime.of(date, LocalTime.MIDNIGHT, ZoneOffset.UTC);
        }
    }

    /** The clock time right after the date, or else anywhere in a short string ("01:38 PM IST Nov 20, 2019"). */
    private static Matcher timeNear(String s, int from) {
        Matcher t = TIME.matcher(s);
        if (t.find(from) && t.start() - from <= 12) {
            return t;
        }
        return s.length() <= 40 && t.find(0) ? t : null;
    }

    private static LocalTime timeAfter(String s, int from) {
        Matcher t = timeNear(s, from);
        if (t == null) {
            return LocalTime.MIDNIGHT;
        }
        int h = Integer.parseInt(t.group(1));
        String ampm = t.group(4);
        if (ampm != null) {
            boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
            h = h % 12 + (pm ? 12 : 0);
        }
        return LocalTime.of(h, Integer.parseInt(t.group(2)), t.group(3) == null ? 0 : Integer.parseInt(t.group(3)));
    }

    private static ZoneOffset zoneAfter(String s, int from) {
        Matcher t = timeNear(s, from);
        if (t == null || t.group(5) == null) {
            return ZoneOffset.UTC;
        }
        return offset(t.group(5));
    }

    private static Integer month(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        Integer m = w.length() < 3 ? null : MONTHS.get(w.substring(0, 3));
        if (m == null) {
            return null;
        }
        // Full names must be real month names, so "Mayor" or "Marching" are not months.
        String[] full = {"january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"};
        return w.length() == 3 || w.equals("sept") || full[m - 1].equals(w) ? m : null;
    }
}
