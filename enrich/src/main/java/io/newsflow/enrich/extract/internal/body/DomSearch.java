package io.newsflow.enrich.extract.internal.body;

import org.jsoup.nodes.Element;

/**
 * The few element searches the extractor runs per block, written as plain walks over children: a
 * jsoup selector query builds a collector and an iterator per call, which showed in profiles once
 * it ran for every heading and list item of a page.
 */
final class DomSearch {

    private DomSearch() {
    }

    /** The first {@code a[href]} at or below {@code e} in document order (as selectFirst finds it), or null. */
    static Element firstLink(Element e) {
        if (e.normalName().equals("a") && e.hasAttr("href")) {
            return e;
        }
        for (Element child = e.firstElementChild(); child != null; child = child.nextElementSibling()) {
            Element link = firstLink(child);
            if (link != null) {
                return link;
            }
        }
        return null;
    }

    /** The number of h1-h6 elements at or below {@code e}, counting no further than {@code limit}. */
    static int headingsUpTo(Element e, int limit) {
        String tag = e.normalName();
        int n = tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6' ? 1 : 0;
        for (Element child = e.firstElementChild(); child != null && n < limit; child = child.nextElementSibling()) {
            n += headingsUpTo(child, limit - n);
        }
        return n;
    }
}
