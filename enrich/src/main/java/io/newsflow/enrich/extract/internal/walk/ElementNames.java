package io.newsflow.enrich.extract.internal.walk;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The attributes the page walk's rules read of one element (names, microdata, hiding), gathered in
 * one pass over its attribute list instead of a look-up per rule, each of which scans the list.
 * Values are "" when absent; the HTML parser has lower-cased every attribute name.
 *
 * @param cls      the class attribute, trimmed (as {@link Element#className()})
 * @param id       the id attribute
 * @param role     the ARIA role
 * @param itemprop the microdata property
 * @param rel      the link relation
 * @param style    the inline style
 * @param hidden   whether the hidden attribute is present
 */
record ElementNames(String cls, String id, String role, String itemprop, String rel, String style, boolean hidden) {

    static final ElementNames NONE = new ElementNames("", "", "", "", "", "", false);

    /** The names of {@code e}; {@link #NONE} when it has no attributes. */
    static ElementNames of(Element e) {
        if (e.attributesSize() == 0) {
            return NONE;
        }
        String cls = "";
        String id = "";
        String role = "";
        String itemprop = "";
        String rel = "";
        String style = "";
        boolean hidden = false;
        for (Attribute a : e.attributes()) {
            switch (a.getKey()) {
                case "class" -> cls = a.getValue().trim();
                case "id" -> id = isHeading(e) ? "" : a.getValue();
                case "role" -> role = a.getValue();
                case "itemprop" -> itemprop = a.getValue();
                case "rel" -> rel = a.getValue();
                case "style" -> style = a.getValue();
                case "hidden" -> hidden = true;
                default -> {
                    // not read by the walk's rules
                }
            }
        }
        return new ElementNames(cls, id, role, itemprop, rel, style, hidden);
    }

    /**
     * Whether {@code e} is a heading (h1-h6), whose id is an anchor made from its own text for a table of
     * contents to link to ("nav-the-results", "comments-from-readers"), not a name for its role: it is not read.
     */
    private static boolean isHeading(Element e) {
        String tag = e.normalName();
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }
}
