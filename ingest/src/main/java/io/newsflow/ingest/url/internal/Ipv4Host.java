package io.newsflow.ingest.url.internal;

/**
 * IPv4 hosts as the WHATWG URL standard reads them: a host whose last label is a number is an IPv4
 * address in one of its legacy forms ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}) or
 * no valid host at all. Browsers and most HTTP clients agree on this, so a canonical URL must too.
 */
public final class Ipv4Host {

    private Ipv4Host() {
    }

    /** True if the last label (a trailing dot aside) is decimal or {@code 0x} hex: the host must be IPv4. */
    public static boolean endsInNumber(String host) {
        String[] labels = labels(host);
        if (labels.length == 0) {
            return false;
        }
        String last = labels[labels.length - 1];
        if (last.startsWith("0x") || last.startsWith("0X")) {
            return last.substring(2).chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
        }
        return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The dotted-decimal form of {@code host}, or null if it is not a valid IPv4 address in any form. */
    public static String normalize(String host) {
        String[] parts = labels(host);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i]);
            if (numbers[i] < 0 || i < parts.length - 1 && numbers[i] > 255) {
                return null;
            }
        }
        long last = numbers[parts.length - 1];
        if (last >= 1L << (8 * (5 - parts.length))) {
            return null;
        }
        long address = last;
        for (int i = 0; i < parts.length - 1; i++) {
            address += numbers[i] << (8 * (3 - i));
        }
        return (address >> 24 & 0xFF) + "." + (address >> 16 & 0xFF) + "." + (address >> 8 & 0xFF) + "." + (address & 0xFF);
    }

    private static String[] labels(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        return h.isEmpty() ? new String[0] : h.split("\\.", -1);
    }

    /** A decimal, 0x-hex or 0-octal number, or -1 if the label is none of these or too large. */
    private static long number(String label) {
        int radix = 10;
        String digits = label;
        if (label.startsWith("0x") || label.startsWith("0X")) {
            radix = 16;
            digits = label.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (label.length() > 1 && label.startsWith("0")) {
            radix = 8;
            digits = label.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 12) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) < 128 ? Character.digit(digits.charAt(i), radix) : -1;
            if (d < 0) {
                return -1;
            }
            value = value * radix + d;
        }
        return value;
    }
}
