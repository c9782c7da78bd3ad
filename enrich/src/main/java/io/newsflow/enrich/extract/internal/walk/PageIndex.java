package io.newsflow.enrich.extract.internal.walk;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * The elements metadata rules look at, gathered in a single walk of the document so that no rule
 * runs its own full-document selector query (the walk costs about as much as one query).
 */
public final class PageIndex {


    public final List<Element> metas = new ArrayList<>();
    public final List<Element> jsonLd = new ArrayList<>();
    public final List<Element> links = new ArrayList<>();
    public final List<Element> publishedElements = new ArrayList<>();
    public final List<Element> modifiedElements = new ArrayList<>();
    public final List<Element> authorElements = new ArrayList<>();
    public final List<Element> dateTextElements = new ArrayList<>();
    public Element firstH1;
    public String title;
    private boolean inBody;

    PageIndex() {
    }

    /** Indexes a whole document in its own walk (when no {@link PageWalk} is run). */
    public static PageIndex of(Document doc) {
        PageIndex index = new PageIndex();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element e) {
                ElementNames names = ElementNames.of(e);
                index.visit(e, BoilerplateHints.tokens(names), names);
            }
        }, doc);
        return index;
    }

    /**
     * Records {@code e} if a metadata rule needs it; {@code tokens} are its class/id words and {@code names}
     * its attributes ({@link ElementNames#NONE} if none).
     */
    void visit(Element e, String[] tokens, ElementNames names) {
        switch (e.normalName()) {
            case "meta" -> metas.add(e);
            case "link" -> links.add(e);
            case "title" -> {
                if (title == null && !inBody) {
                  title = e.text();
                }
            }
            case "body" -> inBody = true;
            case "script" -> {
                if (e.attr("type").toLowerCase(Locale.ROOT).contains("ld+json")) {
                    jsonLd.add(e);
                }
            }
            case "h1" -> {
                if (firstH1 == null && inBody) {
                  firstH1 = e;
                }
            }
            case "time" -> {
                if (e.hasAttr("datetime") || e.hasAttr("pubdate")) {
                    publishedElements.add(e);
                }
            }
            default -> {
                // other tags are only interesting for their attributes, below
            }
        }
        if (names != ElementNames.NONE) {
            indexAttributes(e, tokens, names);
        }
    }

    /** Cheap substring filter run before tokenising a class attribute (most classes name neither). */
    static boolean mayNameByline(String cls) {
        return cls.contains("uthor") || cls.contains("yline") || cls.contains("ate") || cls.contains("ime")
                || cls.contains("ublish") || cls.contains("osted") || cls.contains("ontributor");
    }

    private void indexAttributes(Element e, String[] tokens, ElementNames names) {
        String itemprop = names.itemprop();
        if (itemprop.equalsIgnoreCase("datePublished") && !e.normalName().equals("time")) {
            publishedElements.add(e);
        } else if (itemprop.equalsIgnoreCase("dateModified")) {
            modifiedElements.add(e);
        }
        if (itemprop.equalsIgnoreCase("author") || names.rel().equalsIgnoreCase("author")) {
            authorElements.add(e);
            return;
        }
        if (!inBody) {
            return;
        }
        // The first byline or date word decides; the class (not only the id) must name one too.
        for (String t : tokens) {
            boolean author = BoilerplateHints.AUTHOR_WORDS.contains(t);
            if (author || BoilerplateHints.DATE_WORDS.contains(t)) {
                if (mayNameByline(names.cls())) {
                    (author ? authorElements : dateTextElements).add(e);
                }
                return;
            }
        }
    }
}
