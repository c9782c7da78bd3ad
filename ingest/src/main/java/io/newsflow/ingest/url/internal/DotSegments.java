package io.newsflow.ingest.url.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** Removes {@code .} and {@code ..} path segments (RFC 3986 section 5.2.4). */
public final class DotSegments {

    private DotSegments() {
    }

    /** Returns {@code path} without dot segments; a leading {@code ..} above the root is dropped. */
    public static String remove(String path) {
        if (path.isEmpty()) {
            return path;
        }
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".") || seg.equals("..")) {
                if (seg.equals("..") && out.size() > 1) {
                    out.removeLast();
                }
                if (last) {
                    out.addLast(""); // "/a/b/.." keeps its trailing slash: "/a/"
                }
            } else {
                out.addLast(seg);
            }
        }
        String joined = String.join("/", out);
        return joined.startsWith("/") ? joined : "/" + joined;
    }
}
