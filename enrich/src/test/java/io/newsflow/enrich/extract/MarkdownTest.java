package io.newsflow.enrich.extract;

import static io.newsflow.enrich.extract.Fixtures.page;
import static io.newsflow.enrich.extract.Fixtures.prose;
import static io.newsflow.enrich.extract.Fixtures.sentence;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The body as Markdown: the same content as the text, its structure kept. */
class MarkdownTest {

    private static final String URL = "https://news.example/city/story";
    private static final Path SAMPLES = Path.of("../samples");

    private final ArticleExtractor plain = new ArticleExtractor();
    private final ArticleExtractor markdown = new ArticleExtractor(ExtractorOptions.defaults().withMarkdown(true));

    private String md(String body) {
        return markdown.extract(page(body), URL, null).markdown();
    }

    @Test
    void headingsKeepTheirLevel() {
        String md = md("<article><h2>The plan</h2>" + prose(1) + "<h3>Who pays</h3>" + prose(2)
                + "<h4>Small print</h4>" + prose(3) + "</article>");
        assertThat(md).startsWith("## The plan\n\nParagraph 1 tells")
                .contains("\n\n### Who pays\n\nParagraph 2", "\n\n#### Small print\n\nParagraph 3");
    }

    @Test
    void nestsListsUnderTheirItemAndNumbersOrderedOnes() {
        String md = md("<article>" + prose(1) + "<ul><li>First point of the plan</li><li>Second point<ul>"
                + "<li>Nested detail one</li><li>Nested detail two</li></ul></li><li>Third point</li></ul>"
                + prose(2) + "<ol><li>Step one comes first</li><li>Step two comes next</li>"
                + "<li>Step three<ol><li>Inner step</li></ol></li></ol>" + prose(3) + "</article>");
        assertThat(md).contains("menu label.\n\n- First point of the plan\n- Second point\n  - Nested detail one\n"
                + "  - Nested detail two\n- Third point\n\nParagraph 2");
        assertThat(md).contains("menu label.\n\n1. Step one comes first\n2. Step two comes next\n3. Step three\n"
                + "   1. Inner step\n\nParagraph 3");
    }

    @Test
    void keepsTextAfterANestedListInItsOwnItem() {
        String md = md("<article>" + prose(1) + "<ul><li>Second point<ul><li>Nested detail one</li>"
                + "<li>Nested detail two</li></ul>and what follows it</li><li>Third point</li></ul>" + prose(2)
                + "<ol><li>Step three<ol><li>Inner step</li></ol>then <em>back</em> in step three</li></ol>" + prose(3)
                + "</article>");
        // Without the blank line the text would read as a lazy continuation of the last nested item.
        assertThat(md).contains("menu label.\n\n- Second point\n  - Nested detail one\n  - Nested detail two\n\n"
                + "  and what follows it\n- Third point\n\nParagraph 2");
        assertThat(md).contains("menu label.\n\n1. Step three\n   1. Inner step\n\n   then *back* in step three\n\n"
                + "Paragraph 3");
    }

    @Test
    void startsNumberingWhereTheListSays() {
        String md = md("<article>" + prose(1) + "<ol start=\"9\"><li>Ninth step</li><li>Tenth step<ol start=\"3\">"
                + "<li>Inner step</li></ol></li></ol>" + prose(2) + "<ol start=\"soon\"><li>Plain start</li></ol>"
                + prose(3) + "</article>");
        // A list that does not start at 1 cannot interrupt a paragraph, so a nested one follows a blank line.
        assertThat(md).contains("menu label.\n\n9. Ninth step\n10. Tenth step\n\n    3. Inner step\n\nParagraph 2")
                .contains("menu label.\n\n1. Plain start\n\nParagraph 3");
    }

    @Test
    void makesRelativeLinksAbsolute() {
        String md = md("<article>" + prose(1) + "<p>" + sentence(2) + " Read the <a href=\"/reports/park?id=4\">"
                + "council report</a>, the <a href=\"budget.pdf\">budget</a> and <a href=\"javascript:void(0)\">"
                + "nothing</a>.</p></article>");
        assertThat(md).contains("Read the [council report](https://news.example/reports/park?id=4), the "
                + "[budget](https://news.example/city/budget.pdf) and nothing.");
    }

    @Test
    void resolvesLinksOfAPageWithoutUrlAgainstItsCanonicalUrl() {
        byte[] html = ("<html><head><title>T</title><link rel=\"canonical\" href=\"https://news.example/a/story\">"
                + "</head><body><article>" + prose(1) + "<p>" + sentence(2) + " See <a href=\"more\">more</a>.</p>"
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
        assertThat(markdown.extract(html, null, null).markdown()).contains("See [more](https://news.example/a/more).");
    }

    @Test
    void quotesEveryLineOfABlockquote() {
        String md = md("<article>" + prose(1) + "<blockquote><p>" + sentence(2) + "</p><p>Said the mayor.</p>"
                + "</blockquote>" + prose(3) + "</article>");
        assertThat(md).contains("menu label.\n\n> Sentence 2 tells the reader something about the story, with enough"
                + " words, commas and detail to read like real article prose rather than a menu label.\n>\n"
                + "> Said the mayor.\n\nParagraph 3");
    }

    @Test
    void keepsEmphasisCodeBlocksAndSimpleTables() {
        String md = md("<article>" + prose(1) + "<p>" + sentence(2) + " It is <em>final</em>, <strong>really</strong>"
                + " and runs <code>make all</code>.</p><pre class=\"language-java\">int x = 1;\n  return x;\n</pre>"
                + "<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>East</td><td>1,200</td></tr>"
                + "<tr><td>West | North</td><td></td></tr></table>" + prose(3) + "</article>");
        assertThat(md).contains("It is *final*, **really** and runs `make all`.")
                .contains("\n\n```java\nint x = 1;\n  return x;\n```\n\n")
                .contains("\n\n| Ward | Votes |\n| --- | --- |\n| East | 1,200 |\n| West \\| North | |\n\n");
    }

    @Test
    void escapesTextThatWouldReadAsMarkup() {
        String md = md("<article>" + prose(1) + "<p>1. Not a list, # not a heading, * a star, _under_ and"
                + " [brackets] stay text " + sentence(2) + "</p><p>- not an item either " + sentence(3) + "</p>"
                + "<p>" + sentence(4) + " See <a href=\"/n\">[1] note</a>.</p></article>");
        assertThat(md).contains("\n\n1\\. Not a list, # not a heading, \\* a star, \\_under\\_ and [brackets] stay")
                .contains("\n\n\\- not an item either")
                .contains("See [\\[1\\] note](https://news.example/n).");
    }

    @Test
    void leavesOutTheSameFurnitureAsTheText() {
        String html = "<header><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav></header><article>"
                + "<h1>Bridge reopens</h1>" + prose(1) + "<div class=\"share\">Share on Facebook</div>" + prose(2)
                + "<ul class=\"related\"><li><a href=\"/a\">Other story one</a></li><li><a href=\"/b\">Other story"
                + " two</a></li><li><a href=\"/c\">Other story three</a></li></ul></article>"
                + "<footer>Copyright News Example</footer>";
        ExtractedArticle withMarkdown = markdown.extract(page(html), URL, null);
        assertThat(withMarkdown.markdown()).doesNotContain("Share", "Home", "Other story", "Copyright", "Bridge")
                .isEqualTo(withMarkdown.text());
        assertThat(withMarkdown.text()).isEqualTo(plain.extract(page(html), URL, null).text());
    }

    @Test
    void writesNoMarkdownUnlessAskedFor() {
        assertThat(plain.extract(page("<article>" + prose(1) + prose(2) + "</article>"), URL, null).markdown())
                .isNull();
        assertThat(markdown.extract(page("<p>Too short.</p>"), URL, null).markdown()).isEmpty();
    }

    @Test
    void leavesTheTextOfSamplePagesUnchanged() throws IOException {
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(SAMPLES)) {
            files.filter(p -> p.toString().matches(".*\\.html(\\.gz)?$")).sorted().forEach(pages::add);
        }
        for (String fixture : List.of("news-article.html", "blog-post.html", "home-page.html")) {
            pages.add(Path.of("src/test/resources/extract", fixture));
        }
        assertThat(pages).hasSizeGreaterThan(5);
        for (Path file : pages) {
            assertSameText(file.getFileName().toString(), Files.readAllBytes(file));
        }
    }

    @Test
    void leavesTheTextOfBenchmarkPagesUnchanged() throws IOException {
        SharedBenchmark.assumePresent();
        List<Path> pages;
        try (Stream<Path> files = Files.list(SharedBenchmark.dir().resolve("html"))) {
            pages = files.sorted().toList();
        }
        for (Path file : pages) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                assertSameText(file.getFileName().toString(), in.readAllBytes());
            }
        }
    }

    private void assertSameText(String name, byte[] html) {
        ExtractedArticle withMarkdown = markdown.extract(html, null, null);
        assertThat(withMarkdown.text()).as(name).isEqualTo(plain.extract(html, null, null).text());
        assertThat(withMarkdown.markdown()).as(name).isNotNull();
        if (!withMarkdown.text().isEmpty()) {
            assertThat(withMarkdown.markdown()).as(name).isNotBlank();
        }
    }
}
