package io.newsflow.enrich.steps;

import java.util.Map;

/**
 * The {@code enrich.*} settings steps read (store retention, limits), as plain strings.
 *
 * @param values settings with the {@code enrich.} prefix removed
 */
public record StepSettings(Map<String, String> values) {

    /** Copies the map. */
    public StepSettings {
        values = Map.copyOf(values);
    }

    /** An integer setting or its default. */
    public int getInt(String key, int fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    /** A long setting or its default. */
    public long getLong(String key, long fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : Long.parseLong(v.trim());
    }

    /** A double setting or its default. */
    public double getDouble(String key, double fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : Double.parseDouble(v.trim());
    }
}
