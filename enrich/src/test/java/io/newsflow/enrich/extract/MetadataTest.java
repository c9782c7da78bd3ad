package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Title, authors, dates and the other page metadata, each with its preferred source. */
class MetadataTest {

    private static final String URL = "https://www.rivertongazette.example/local/2023/05/14/riverside-park-approved";

    private final ArticleExtractor extractor = new ArticleExtractor();

    private ExtractedArticle news() {
        return extractor.extract(Fixtures.bytes("news-article.html"), URL, "text/html; charset=utf-8");
    }

    private ExtractedArticle page(String head, String body, String url) {
        String html = "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "<article>"
                + Fixtures.prose(1) + Fixtures.prose(2) + "</article></body></html>";
        return extractor.extract(html.getBytes(StandardCharsets.UTF_8), url, null);
    }

    @Test
    void prefersOpenGraphTitleOverTitleTagWithSiteSuffix() {
        assertThat(news().title()).isEqualTo("Council approves new riverside park after five-year campaign");
    }

    @Test
    void stripsSiteNameFromTitleTagWhenNothingBetterExists() {
        ExtractedArticle a = page("<title>Storm closes ports for a second day - Daily Planet</title>"
                + "<meta property='og:site_name' content='Daily Planet'>", "", null);
        assertThat(a.title()).isEqualTo("Storm closes ports for a second day");
    }

    @Test
    void readsPersonAuthorsFromJsonLdArray() {
        assertThat(news().authors()).containsExactly("Priya Raman", "Tom O'Neill");
    }

    @Test
    void splitsBylineIntoPeopleWithoutByPrefixOrSiteName() {
        ExtractedArticle a = page("<meta property='og:site_name' content='Daily Planet'>",
                "<div class='byline'>By Lois Lane and Clark Kent, Daily Planet</div>", null);
        assertThat(a.authors()).containsExactly("Lois Lane", "Clark Kent");
    }

    @Test
    void dropsThePublishersDesksAndCompaniesBesideTheReporter() {
        ExtractedArticle a = page("<meta name='author' content='Lois Lane, Planet Business, Acme Verlag GmbH'>",
                "", "https://www.planet.example/business/story");
        assertThat(a.authors()).containsExactly("Lois Lane");
    }

    @Test
    void ignoresOrganisationAuthorsAndUserNames() {
        ExtractedArticle a = page("<meta name='author' content='admin'>"
                + "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":"
                + "{\"@type\":\"Organization\",\"name\":\"Daily Planet\"},\"publisher\":{\"name\":\"Daily Planet\"}}"
                + "</script>", "", null);
        assertThat(a.authors()).isEmpty();
    }

    @Test
    void takesDatesFromJsonLdWithTheirOffset() {
        ExtractedArticle a = news();
        assertThat(a.published()).isEqualTo(new DatedValue(OffsetDateTime.parse("2023-05-14T08:30+01:00"), "json-ld"));
        assertThat(a.modified()).isEqualTo(new DatedValue(OffsetDateTime.parse("2023-05-14T17:05+01:00"), "json-ld"));
    }

    @Test
    void takesDatesFromArticleMetaTags() {
        ExtractedArticle a = extractor.extract(Fixtures.bytes("blog-post.html"), null, null);
        assertThat(a.published()).isEqualTo(new DatedValue(OffsetDateTime.parse("2022-11-03T07:15+01:00"), "meta"));
        assertThat(a.modified()).isEqualTo(new DatedValue(OffsetDateTime.parse("2022-11-04T10:00+01:00"), "meta"));
    }

    @Test
    void fallsBackToTimeElementThenUrlThenText() {
        ExtractedArticle time = page("", "<time datetime='2021-02-03T04:05:06-05:00'>Feb 3</time>", null);
        assertThat(time.published()).isEqualTo(
                new DatedValue(OffsetDateTime.parse("2021-02-03T04:05:06-05:00"), "time-element"));
        ExtractedArticle url = page("", "", "https://news.example/2020/07/09/some-story");
        assertThat(url.published()).isEqualTo(new DatedValue(OffsetDateTime.parse("2020-07-09T00:00Z"), "url"));
        ExtractedArticle text = page("", "<span class='dateline'>Published March 5, 2019 at 3:15 PM</span>", null);
        assertThat(text.published()).isEqualTo(new DatedValue(OffsetDateTime.parse("2019-03-05T15:15Z"), "text"));
    }

    @Test
    void readsLanguageHintAsIsoCode() {
        assertThat(news().language()).isEqualTo("en");
        assertThat(extractor.extract(Fixtures.bytes("blog-post.html"), null, null).language()).isEqualTo("de");
        assertThat(page("<meta property='og:locale' content='pt_BR'>", "", null).language()).isEqualTo("pt");
    }

    @Test
    void resolvesCanonicalUrlAndImageAgainstPageUrl() {
        ExtractedArticle a = news();
        assertThat(a.canonicalUrl()).isEqualTo(URL);
        assertThat(a.image()).isEqualTo("https://www.rivertongazette.example/images/2023/riverside-park.jpg");
    }

    @Test
    void readsSiteSectionDescriptionAndKeywords() {
        ExtractedArticle a = news();
        assertThat(a.siteName()).isEqualTo("The Riverton Gazette");
        assertThat(a.section()).isEqualTo("Local news");
        assertThat(a.description()).startsWith("Residents celebrate");
        assertThat(a.keywords()).containsExactly("parks", "council", "dockyard");
        assertThat(extractor.extract(Fixtures.bytes("blog-post.html"), null, null).keywords())
                .containsExactly("Sauerteig", "Brot");
    }

    @Test
    void survivesBrokenJsonLd() {
        ExtractedArticle a = page("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": </script>"
                + "<meta property='og:title' content='Fine title'>", "", null);
        assertThat(a.title()).isEqualTo("Fine title");
        assertThat(a.text()).contains("Paragraph 1");
    }
}
