package io.newsflow.enrich.extract.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.extract.SharedBenchmark;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

class UnreadMarkupTest {

    /** What the parser reads of {@code html} once the skipped ranges are left out. */
    private static String kept(String html) {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return kept(bytes, UnreadMarkup.find(bytes, bytes.length));
    }

    private static String kept(byte[] bytes, int[] skip) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int i = 0; i < skip.length; i += 2) {
            out.append(new String(bytes, from, skip[i] - from, StandardCharsets.UTF_8));
            from = skip[i + 1];
        }
        return out.append(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8)).toString();
    }

    @Test
    void leavesOutScriptAndStyleContentsButKeepsJsonLdAndTheElements() {
        String html = "<head><style>p { color: red }</style><SCRIPT src=a.js>var x = 1 < 2;</SCRIPT>"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
                + "<body><p>Text é</p><script>if (a</b) {}</script ></body>";
        assertThat(kept(html)).isEqualTo("<head><style></style><SCRIPT ></SCRIPT>"
                + "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\"}</script></head>"
                + "<body><p>Text é</p><script></script ></body>");
    }

    @Test
    void keepsAnchorTargetsOnlyWhenAskedAndLeavesOutTheSameRangesOtherwise() {
        String html = "<p data-x=1><a href=\"/story?id=1\" data-y=\"2\">One</a><a href='#top'>Two</a>"
                + "<link rel=canonical href=\"https://a.example/s\"></p><script>x</script><!-- c -->";
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        UnreadMarkup.Ranges ranges = UnreadMarkup.findKeepingLinkTargets(bytes, bytes.length);
        assertThat(ranges.all()).isEqualTo(UnreadMarkup.find(bytes, bytes.length));
        assertThat(kept(bytes, ranges.all())).isEqualTo("<p ><a href=\"\" >One</a><a href=''>Two</a>"
                + "<link rel=canonical href=\"https://a.example/s\"></p><script></script>");
        assertThat(kept(bytes, ranges.allButLinkTargets())).isEqualTo("<p ><a href=\"/story?id=1\" >One</a>"
                + "<a href='#top'>Two</a><link rel=canonical href=\"https://a.example/s\"></p><script></script>");
    }

    @Test
    void scriptTagsInCommentsAttributeValuesAndTextareasAreNotScripts() {
        String html = "<p>One</p><div class='a > <script>'>Two</div>"
                + "<textarea><script></textarea><p>Three</p><![CDATA[<script>]]><p>Four</p>";
        assertThat(kept(html)).isEqualTo(html);
        assertThat(kept("<!-- <script> --><p>One</p>")).isEqualTo("<p>One</p>");
    }

    @Test
    void leavesOutCommentContentsWhereTheTokenizerEndsThemButKeepsTheComments() {
        assertThat(kept("a<!-- -->b<!-->c<!--->d<!-- x --!>e<!--!> still --> f"))
                .isEqualTo("a<!---->b<!-->c<!--->d<!----!>e<!----> f");
        // Without the comment "<" and "p>" would read as a tag, "&am" and "p;" as an entity.
        assertThat(kept("<<!-- x -->p>&am<!-- y -->p;")).isEqualTo("<<!---->p>&am<!---->p;");
        assertThat(kept("<svg><!-- icon --><path/></svg><p>x</p><!-- open")).isEqualTo("<svg></svg><p>x</p><!-- open");
    }

    @Test
    void aScriptEndsOnlyAtAnEndTagFollowedBySpaceSlashOrBracket() {
        assertThat(kept("<script>a = '</scripts>';</script><p>x</p>")).isEqualTo("<script></script><p>x</p>");
    }

    @Test
    void stopsWhereEscapedScriptDataMakesTheEndUnclear() {
        String html = "<script><!-- document.write('<script>x</script>') --></script><p>Kept</p><style>a{}</style>";
        // (from the first script on, nothing is left out)
        assertThat(kept(html)).isEqualTo(html);
        assertThat(kept("<script><!-- old hiding trick --></script><style>a{}</style>"))
                .isEqualTo("<script></script><style></style>");
    }

    @Test
    void leavesOutSvgAndMathContentsUnlessAnHtmlTagBreaksOutOfThem() {
        assertThat(kept("<svg viewBox='0 0 1 1'><g><path d='M0 0'/><title>Icon</title></g></svg><p>x</p>"))
                .isEqualTo("<svg ></svg><p>x</p>");
        assertThat(kept("<math><mi>x</mi></math><svg/><p>y</p>")).isEqualTo("<math></math><svg/><p>y</p>");
        String breakout = "<svg><g><p>Real text</p></g></svg><script>x</script>";
        assertThat(kept(breakout)).isEqualTo("<svg><g><p>Real text</p></g></svg><script></script>");
        String strayEnd = "<div><svg><path></div><p>After</p></svg>";
        assertThat(kept(strayEnd)).isEqualTo(strayEnd);
    }

    @Test
    void scriptsInSvgAreMarkupWhileUnterminatedScriptsStopTheScan() {
        String svg = "<svg><script>a<b>c</b></script></svg><script>x</script>";
        assertThat(kept(svg)).isEqualTo("<svg><script>a<b>c</b></script></svg><script></script>");
        assertThat(kept("<style>a{}</style><script>never closed")).isEqualTo("<style></style><script>never closed");
    }

    @Test
    void leavesOutAttributesThatAreNotReadAndTheValueOfAnAnchorsHref() {
        assertThat(kept("<div data-a=\"1\" class=\"c\" data-b='x>y' hidden title=t aria-label=\"Menu\">x</div>"))
                .isEqualTo("<div  class=\"c\"  hidden >x</div>");
        assertThat(kept("<a href=\"https://example.org/a\" target=\"_blank\" rel=author>x</a>"))
                .isEqualTo("<a href=\"\"  rel=author>x</a>");
        // The name after a left-out attribute must not join the tag name.
        assertThat(kept("<div data-x=\"1\"class=\"a\"><p STYLE=\"display:none\" ONCLICK=\"f()\">"))
                .isEqualTo("<div class=\"a\"><p STYLE=\"display:none\" >");
        // Meta tags and the base URL keep what the extractor and the tree builder read; end tags are left alone.
        String head = "<meta property=\"og:title\" content=\"T\"><meta charset=\"utf-8\"><base href=\"/x/\"></div x=1>";
        assertThat(kept(head)).isEqualTo(head);
    }

    @Test
    void attributesStayInsideSvgAndMathWhereAFontsColorBreaksOut() {
        assertThat(kept("<svg viewBox=\"0 0 1 1\"><font color=\"red\" data-x=1>x</font></svg>"))
                .isEqualTo("<svg ><font color=\"red\" data-x=1>x</font></svg>");
    }

    /**
     * On every benchmark page the document parsed without what is left out is the document parsed from all
     * the bytes, once script, style, svg and math contents, comments and unread attributes are removed from both.
     */
    @Test
    void benchmarkPagesParseToTheSameDocument() throws IOException {
        SharedBenchmark.assumePresent();
        List<Path> files;
        try (Stream<Path> list = Files.list(SharedBenchmark.dir().resolve("html"))) {
            files = list.sorted().toList();
        }
        PageDecoder decoder = new PageDecoder(4 << 20);
        List<String> differing = new ArrayList<>();
        for (Path file : files) {
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
            DecodedPage page = decoder.decode(bytes, null);
            Document skipped = parse(page.reader());
            Document full = parse(new DecodingReader(page.bytes(), page.length(), page.encoding(), new int[0]));
            if (!emptied(skipped).equals(emptied(full))) {
                differing.add(file.getFileName().toString());
            }
        }
        assertThat(differing).isEmpty();
        assertThat(files).hasSizeGreaterThan(80);
    }

    /**
     * Random pages built from the constructs the scan must not misread (quotes and brackets in attribute
     * values, every comment ending, raw-text elements, svg with breakouts, scripts with tricky bodies,
     * unterminated tags) parse to the same document with and without the left-out ranges.
     */
    @Test
    void randomTrickyMarkupParsesToTheSameDocument() {
        String[] pieces = {"<p>text ", "</p>", "<div class=\"a > b\" title='<script>'>", "</div>", "<a href=x>link</a>",
            "<!-- c -->", "<!-->", "<!--->", "<!-- x --!>", "<!--!> y -->", "<!-- <script> -->", "<![CDATA[ <script> ]]>",
            "<script>var a = 1 < 2;</script>", "<script>s = '</scripts>'</script >", "<SCRIPT type=module>x</SCRIPT>",
            "<script><!-- hide --></script>", "<script type=\"application/ld+json\">{\"a\":1}</script>",
            "<style>p > a { x: y }</style>", "<textarea><script>t</textarea>", "<title>T <b></title>",
            "<svg><g><path d='M0 0'/></g></svg>", "<svg><p>out</p></svg>", "<svg><title>i</title></svg>",
            "<math><mi>x</mi></math>", "<svg/>", "</svg>", "<div <p>", "<img alt=\"a>b\" src=y>",
            "<p data-a='1' class=c data-b>", "<a href=\"/u\" title=\"t\">",
            "<font color=red size=2>", "<b title=1>", "<b title=2>", "<input type=hidden data-x=1>", "<br/>",
            "a < b", "<span x=\"1\"y='2'z=3>", "</span>", "<xmp><script></xmp>", "<iframe><p></iframe>",
            "<noscript><p>n</p></noscript>", "<table><tr><td>c</td></tr></table>", "<", "<script>", "<!--", "<div a=\"",
            "<select><option>o</select>", "<template><p>t</p></template>", "é ", "\u00a0", "&am", "p;", "<", "/", "x"};
        java.util.Random random = new java.util.Random(42);
        for (int n = 0; n < 5000; n++) {
            StringBuilder html = new StringBuilder(n % 2 == 0 ? "<html><head><meta charset=utf-8></head><body>" : "");
            int parts = 1 + random.nextInt(16);
            for (int i = 0; i < parts; i++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = html.toString().getBytes(StandardCharsets.UTF_8);
            int[] skip = UnreadMarkup.find(bytes, bytes.length);
            Document skipped = parse(new DecodingReader(bytes, bytes.length, StandardCharsets.UTF_8, skip));
            Document full = parse(new DecodingReader(bytes, bytes.length, StandardCharsets.UTF_8, new int[0]));
            assertThat(emptied(skipped)).as(html.toString()).isEqualTo(emptied(full));
        }
    }

    private static Document parse(Reader reader) {
        return Parser.htmlParser().parseInput(reader, "https://example.org/");
    }

    private static String emptied(Document doc) {
        for (Element e : doc.select("script:not([type*=ld+json]), style, svg, math")) {
            e.empty();
        }
        for (Element e : doc.getAllElements()) {
            List<String> unread = new ArrayList<>();
            e.attributes().forEach(a -> {
                if (!UnreadMarkup.READ_ATTRIBUTES.contains(a.getKey())) {
                    unread.add(a.getKey());
                }
            });
            unread.forEach(e::removeAttr);
            if (e.normalName().equals("a") && e.hasAttr("href")) {
                e.attr("href", "");
            }
        }
        List<Node> comments = new ArrayList<>();
        doc.forEachNode(n -> {
            if (n instanceof Comment) {
                comments.add(n);
            }
        });
        comments.forEach(Node::remove);
        // Text on both sides of a left-out comment is one text node: print without reformatting.
        doc.outputSettings().prettyPrint(false);
        return doc.outerHtml();
    }
}
