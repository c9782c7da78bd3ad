package io.newsflow.enrich.extract.internal.metadata;

import java.util.List;

/**
 * The fields of a schema.org Article-like JSON-LD node that the extractor uses; any may be null.
 *
 * @param headline      headline or name
 * @param authors       names of Person authors, or of other authors when no Person is given
 * @param authorsArePeople whether {@code authors} came from Person nodes
 * @param datePublished raw datePublished string
 * @param dateModified  raw dateModified string
 * @param image         image URL
 * @param publisher     publisher name
 * @param section       articleSection
 * @param keywords      keywords
 * @param description   description
 * @param language      inLanguage
 * @param url           url or mainEntityOfPage id
 * @param articleBody   articleBody, used only as a cross-check of the DOM extraction
 */
record JsonLdArticle(String headline, List<String> authors, boolean authorsArePeople, String datePublished, String dateModified,
        String image, String publisher, String section, List<String> keywords, String description,
        String language, String url, String articleBody) {

    static final JsonLdArticle NONE = new JsonLdArticle(null, List.of(), false, null, null, null, null, null,
            List.of(), null, null, null, null);
}
