package io.newsflow.enrich.extract;

import static io.newsflow.enrich.extract.Fixtures.page;
import static io.newsflow.enrich.extract.Fixtures.prose;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rules that decide what of a page is article body. */
class ArticleBodyTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private String body(byte[] html) {
        return extractor.extract(html, "https://news.example/story", null).text();
    }

    private String newsArticle() {
        return body(Fixtures.bytes("news-article.html"));
    }

    @Test
    void keepsEveryParagraphOfTheStory() {
        assertThat(newsArticle())
                .startsWith("Riverton's old dockyard will become a public park")
                .contains("£4.2 million", "Maria Okafor", "Councillor James Whitfield")
                .endsWith("the council said in a statement after the meeting.");
    }

    @Test
    void separatesParagraphsWithBlankLineAndKeepsLineBreaks() {
        assertThat(newsArticle())
                .contains("eastern wards.\n\nThe plan, which")
                .contains("12,000 signatures.\nIt was the largest petition");
    }

    @Test
    void keepsSubheadingsAndListItemsInsideTheArticle() {
        assertThat(newsArticle())
                .contains("\n\nA long campaign\n\n")
                .contains("Work on the playground starts in September.\nThe orchard will be planted next spring.");
    }

    @Test
    void keepsEmbeddedTweetText() {
        assertThat(newsArticle()).contains("the dockyard park is approved!");
    }

    @Test
    void dropsHeadlineStandfirstAndByline() {
        assertThat(newsArticle()).doesNotContain("Council approves new riverside park", "Residents celebrate",
                "By Priya", "8:30am");
    }

    @Test
    void dropsShareButtonsFromBody() {
        assertThat(newsArticle()).doesNotContain("Share on Facebook", "Share on Twitter");
    }

    @Test
    void dropsCaptionsAdsAndNewsletterBox() {
        assertThat(newsArticle()).doesNotContain("pictured in March", "Advertisement", "Get the Gazette daily",
                "free newsletter");
    }

    @Test
    void dropsRelatedStoriesCommentsAndSidebar() {
        assertThat(newsArticle()).doesNotContain("Related stories", "Harbour bridge", "Brilliant news",
                "Most read", "Man rescued");
    }

    @Test
    void dropsNavigationFooterAndCookieBanner() {
        assertThat(newsArticle()).doesNotContain("Sport", "All rights reserved", "cookies");
    }

    @Test
    void dropsShareListAtEndOfBlogPost() {
        String text = body(Fixtures.bytes("blog-post.html"));
        assertThat(text).startsWith("Viele Leserinnen").endsWith("das Frühstück ist gerettet.")
                .contains("350 g Wasser und 10 g Salz").doesNotContain("Teilen mit", "Pinterest", "Vorheriger");
    }

    @Test
    void mergesArticleSplitAcrossSiblingContainers() {
        String html = "<div class='wrap'><div class='part'>" + prose(1) + prose(2) + prose(3) + "</div>"
                + "<div class='inline-promo'><a href='/x'>Subscribe now for full access to every story</a></div>"
                + "<div class='part'>" + prose(4) + prose(5) + "</div></div>";
        assertThat(body(page(html))).contains("Paragraph 1", "Paragraph 5").doesNotContain("Subscribe");
    }

    @Test
    void dropsTeaserCardsWithLinkedHeadlines() {
        String teaser = "<div class='card'><h3><a href='/other'>Another story everyone is reading today</a></h3>"
                + "<p>A short summary of that other story, written to make you click through to it.</p></div>";
        String html = "<div class='main'><article>" + prose(1) + prose(2) + prose(3) + "</article>" + teaser + "</div>";
        assertThat(body(page(html))).contains("Paragraph 3").doesNotContain("Another story", "short summary");
    }

    @Test
    void keepsAShortSinglePostWhoseTitleLinksToItself() {
        String html = "<div class='main'><article class='post'><h2><a href='/2019/02/short-note'>A short note "
                + "from the road this week</a></h2><p>We reached the coast on Sunday, tired but happy, and the "
                + "weather held for the whole walk along the cliffs.</p></article>"
                + "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav></div>";
        assertThat(body(page(html))).contains("We reached the coast on Sunday");
    }

    @Test
    void dropsLinkListsInsideTheArticle() {
        String links = "<ul><li><a href='/1'>First related headline on the site</a></li>"
                + "<li><a href='/2'>Second related headline on the site</a></li></ul>";
        assertThat(body(page("<article>" + prose(1) + links + prose(2) + "</article>")))
                .contains("Paragraph 2").doesNotContain("related headline");
    }

    @Test
    void dropsHiddenElements() {
        String html = "<article>" + prose(1) + "<div style='display: none'>" + prose(99) + "</div>"
                + "<p hidden>Hidden paragraph that no reader can see on the rendered page at all.</p>" + prose(2)
                + "</article>";
        assertThat(body(page(html))).contains("Paragraph 2").doesNotContain("Paragraph 99", "Hidden paragraph");
    }

    @Test
    void dropsShortFurnitureLinesAndDatelines() {
        String html = "<article><div>Advertisement</div><div>Updated: 19 November 2019, 09:01 AM</div>" + prose(1)
                + "<div>Read more</div>" + prose(2) + "<p>(Reporting by Jane Roe; Editing by John Doe)</p></article>";
        assertThat(body(page(html))).contains("Paragraph 1", "Paragraph 2")
                .doesNotContain("Advertisement", "Updated", "Read more", "Reporting by");
    }

    @Test
    void keepsWrapperNamedLikeFurnitureWhenItHoldsTheStory() {
        String html = "<div class='layout with-sidebar'><div class='story'>" + prose(1) + prose(2) + prose(3)
                + "</div></div>";
        assertThat(body(page(html))).contains("Paragraph 1", "Paragraph 3");
    }

    @Test
    void rendersTableRowsOnTheirOwnLines() {
        String html = "<article>" + prose(1) + "<table><tr><td>Kyle</td><td>5040</td></tr>"
                + "<tr><td>Martin</td><td>5035</td></tr></table>" + prose(2) + "</article>";
        assertThat(body(page(html))).contains("Kyle 5040\nMartin 5035");
    }

    @Test
    void keepsDataTableRowsWhoseClassesSoundLikeMedia() {
        String html = "<article>" + prose(1) + "<table><tr class='row player-580'><td>Kyle Busch</td><td>5040</td></tr>"
                + "<tr class='row player-416'><td>Martin Truex Jr.</td><td>5035</td></tr></table>" + prose(2) + "</article>";
        assertThat(body(page(html))).contains("Kyle Busch 5040\nMartin Truex Jr. 5035");
    }

    @Test
    void prefersBlockMatchingJsonLdArticleBodyOverLargerLookalike() {
        StringBuilder story = new StringBuilder();
        StringBuilder storyText = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            String p = "Story sentence " + i + " describes the council decision on the harbour, its budget of four "
                    + "million and the reaction of residents from the eastern wards to the vote.";
            story.append("<p>").append(p).append("</p>");
            storyText.append(p).append(' ');
        }
        StringBuilder other = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            other.append("<p>Reader ").append(i).append(" writes at length about something else entirely, mostly the ")
                    .append("weather, the trains and the price of coffee, with plenty of words to look like prose.</p>");
        }
        String ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\""
                + storyText.toString().trim() + "\"}</script>";
        String html = "<html><head><meta charset='utf-8'>" + ld + "</head><body><div class='a'>" + story
                + "</div><div class='b'>" + other + "</div></body></html>";
        String text = body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(text).contains("Story sentence 0", "Story sentence 3").doesNotContain("Reader 0");
    }

    @Test
    void keepsShortParagraphWhoseFewLinksAreWordsOfTheSentence() {
        String html = "<article><p><a href='/p/jvdb'>James Van Der Beek</a> has been eliminated from "
                + "<a href='/c/dwts'>Dancing with the Stars</a>.</p>" + prose(1) + prose(2) + "</article>";
        assertThat(body(page(html))).startsWith("James Van Der Beek has been eliminated from Dancing with the Stars.");
    }

    @Test
    void dropsAHoverCardOfLinksNestedInASentenceAndKeepsTheSentence() {
        String card = "<span><a href='/who/ruiz'>Ana Ruiz</a><span><span><img src='/img/ruiz.jpg' alt=''>"
                + "<a href='/who/ruiz'>Ana Maria Ruiz</a><a href='/s/1'>Mayor opens the new library in the north</a> "
                + "<a href='/s/2'>Budget vote delayed again after a long night</a> "
                + "<a href='/s/3'>Council agrees on the bus lane plan</a><a href='/who/ruiz'>All stories</a>"
                + "</span></span></span>";
        String html = "<article><p>The mayor, " + card + ", said on Tuesday that the ferry will run again in May.</p>"
                + prose(1) + prose(2) + "</article>";
        assertThat(body(page(html)))
                .startsWith("The mayor, Ana Ruiz, said on Tuesday that the ferry will run again in May.\n\nParagraph 1")
                .doesNotContain("library", "Budget vote", "bus lane", "All stories", "Ana Maria");
    }

    @Test
    void stillDropsParagraphsThatAreLinkListsWithOrWithoutAWrapper() {
        String bare = "<p><a href='/1'>Harbour bridge to close for repairs</a> | <a href='/2'>Ferry fares rise in "
                + "spring</a> | <a href='/3'>New pier opens in March</a></p>";
        String wrapped = "<p>See also: <span><a href='/4'>Storm closes ports for a second day</a>, "
                + "<a href='/5'>Dockyard park approved by the council</a>, <a href='/6'>Tram line extended to "
                + "the airport</a></span></p>";
        assertThat(body(page("<article>" + prose(1) + bare + prose(2) + wrapped + prose(3) + "</article>")))
                .contains("Paragraph 2", "Paragraph 3")
                .doesNotContain("Harbour bridge", "New pier", "See also", "Storm closes", "Tram line");
    }

    @Test
    void keepsAParagraphWithAFewOrdinaryLinksInItsSentences() {
        String html = "<article>" + prose(1) + "<p>The report, published by <a href='/a'>the harbour authority</a> "
                + "and checked by <a href='/b'>two engineers</a>, found that <a href='/c'>the old pier</a> "
                + "was unsafe.</p>" + prose(2) + "</article>";
        assertThat(body(page(html))).contains("The report, published by the harbour authority and checked by two "
                + "engineers, found that the old pier was unsafe.", "Paragraph 2");
    }

    @Test
    void dropsSharePromptsCopyrightFollowLinesAndNumericDatelines() {
        String html = "<article><div>기사입력 :[ 2018-08-25 15:24 ]</div>" + prose(1)
                + "<p>Like this story? Share it with a friend!</p>" + prose(2)
                + "<p>Follow The Daily Planet Opinion section on Facebook, Twitter (@dpopinion) and Instagram, "
                + "and sign up for the Opinion Today newsletter.</p><p>Copyright © Daily Planet. All rights reserved.</p>"
                + "</article>";
        assertThat(body(page(html))).contains("Paragraph 1", "Paragraph 2")
                .doesNotContain("기사입력", "Share it", "Follow The", "Copyright");
    }

    @Test
    void dropsHeadlineRepeatedInPlainBlock() {
        String html = "<!DOCTYPE html><html><head><meta charset='utf-8'>"
                + "<meta property='og:title' content='Storm closes ports for a second day'></head><body><article>"
                + "<div class='title-text'>Storm closes ports for a second day</div>" + prose(1) + prose(2)
                + "</article></body></html>";
        assertThat(body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .startsWith("Paragraph 1").doesNotContain("Storm closes");
    }

    @Test
    void dropsListWhoseEveryItemLinksElsewhere() {
        String more = "<div>More great stories</div><ul>"
                + "<li>Paid political ads are not the problem. <a href='/1'>Our perceptions are</a></li>"
                + "<li>Could an astronaut lost in space <a href='/2'>use gravity to get around</a>?</li>"
                + "<li>The plan to boost drone batteries <a href='/3'>with a teensy jet engine</a></li></ul>";
        String steps = "<ul><li>Preheat the oven to 200 degrees.</li><li>Knead the dough for ten minutes.</li>"
                + "<li>Bake for forty minutes.</li></ul>";
        assertThat(body(page("<article>" + prose(1) + steps + prose(2) + more + "</article>")))
                .contains("Knead the dough", "Paragraph 2").doesNotContain("teensy jet engine", "Paid political");
    }

    @Test
    void dropsNewsletterPromoParagraphsWithoutNamedContainer() {
        String html = "<article><p>Start your day with the Morning Bell, the briefing thousands of readers rely on. "
                + "Sign up for the free daily newsletter.</p>" + prose(1) + prose(2) + "</article>";
        assertThat(body(page(html))).startsWith("Paragraph 1").doesNotContain("Morning Bell");
    }

    @Test
    void keepsArticleWhoseContainerNamesAFurnitureWordAsAModifier() {
        String html = "<section class='o-section o-section--has-ads'><div class='copy'>" + prose(1) + prose(2)
                + "</div></section><div class='related-articles'>" + prose(90) + prose(91) + prose(92)
                + "</div><div class='cookie-banner'>" + prose(93) + "</div>";
        assertThat(body(page(html))).contains("Paragraph 1", "Paragraph 2").doesNotContain("Paragraph 9");
    }

    @Test
    void keepsParagraphsNamedForContentAndFurnitureAlike() {
        String html = "<div class='story-contents'><p class='story-contents__paragraph'>" + Fixtures.sentence(1)
                + "</p><p class='story-contents__paragraph'>" + Fixtures.sentence(2) + "</p></div>"
                + "<div class='field field-label-hidden'><p>" + Fixtures.sentence(3) + "</p></div>";
        assertThat(body(page(html))).contains("Sentence 1", "Sentence 2", "Sentence 3");
    }

    @Test
    void dropsContentNamedWidgetWithoutProse() {
        String html = "<article class='post'>" + prose(1) + prose(2)
                + "<div class='likes-widget post-likes'>Like this: Like Loading...</div></article>";
        assertThat(body(page(html))).contains("Paragraph 2").doesNotContain("Like Loading");
    }

    @Test
    void dropsZeroWidthSpacesButKeepsSoftHyphensAsTheReferenceTextsDo() {
        String html = "<article>" + prose(1) + "<p>The Kern\u00adwerk\u00adzeuge were found in a cave near the "
                + "river,\u200b and the team dated them to the early stone age.</p></article>";
        assertThat(body(page(html))).contains("Kern\u00adwerk\u00adzeuge", "river, and").doesNotContain("\u200b");
    }

    @Test
    void keepsArticleWrapperNamedForSharingWhenCommentsOutweighItAndDropsTheComments() {
        StringBuilder comments = new StringBuilder("<section id='comments'>");
        for (int i = 50; i < 56; i++) {
            comments.append("<div class='comment'>").append(prose(i)).append("</div>");
        }
        String html = "<div class='entry share'>" + prose(1) + prose(2) + prose(3) + prose(4) + "</div>"
                + comments + "</section>";
        assertThat(body(page(html))).contains("Paragraph 1", "Paragraph 4").doesNotContain("Paragraph 5");
    }

    @Test
    void keepsProseInABlockNamedOnlyForAKindOfContent() {
        // "podcast" and "print" name a podcast post's description or a recipe's printable step as often as
        // furniture: alone they leave the verdict to the text, here two paragraphs beside longer comments.
        StringBuilder comments = new StringBuilder("<section class='comments'>");
        for (int i = 50; i < 52; i++) {
            comments.append(prose(i));
        }
        String html = "<article><div class='podcast-description__inner'>" + prose(1) + "</div>"
                + "<div class='recipe-print-step'>" + prose(2) + "</div></article>" + comments + "</section>";
        assertThat(body(page(html))).contains("Paragraph 1", "Paragraph 2").doesNotContain("Paragraph 5");
    }

    @Test
    void stillDropsMetadataNamedBlocksAndBareAddressesInTheArticle() {
        // "meta" and "hidden" are not kinds of content: a lone such word still removes the block. A print
        // header holding only the page's URL is no sentence of the article.
        String html = "<article><div class='print-header'>https://news.example/2024/05/a-long-story-slug-1234.html"
                + "</div><div class='meta'><div>Published May 5, 2024 at 8:59 pm and updated the same evening"
                + "</div></div>" + prose(1) + prose(2) + "<span class='hidden'>Hidden gallery data for scripts, "
                + "long enough to look like a paragraph of prose.</span></article>";
        assertThat(body(page(html))).startsWith("Paragraph 1").endsWith("menu label.")
                .doesNotContain("https://", "Published", "Hidden gallery");
    }

    @Test
    void keepsThePostsLinkListWhenThePageHasNoProse() {
        // A link-roll post has no paragraph of prose: the block named as the article body is its content,
        // link lists included, rather than an empty result. Site menus outside it stay out.
        StringBuilder roll = new StringBuilder("<ul>");
        for (int i = 1; i <= 5; i++) {
            roll.append("<li><p><a href='https://other.example/").append(i).append("'>Linked headline number ")
                    .append(i).append(" about the budget</a></p><p>via Other Example</p></li>");
        }
        String html = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/about'>About us</a></li></ul></nav>"
                + "<article class='post'><h1>Links of the day</h1><div class='entry-content'>" + roll
                + "</ul></div></article>";
        assertThat(body(page(html))).contains("Linked headline number 1 about the budget", "via Other Example",
                "number 5").doesNotContain("About us", "Links of the day");
    }

    @Test
    void keepsSubheadingsWhoseAnchorIdsHoldFurnitureWords() {
        // Heading ids are anchors made from the heading's text for a table of contents; a navigation block
        // named "nav" by its id is still furniture.
        String html = "<article>" + prose(1) + "<h3 id='nav-only-the-foil-remains'>Only the foil remains</h3>"
                + prose(2) + "<h2 id='share-of-the-vote'>Share of the vote</h2>" + prose(3) + "</article>"
                + "<div id='nav'><a href='/a'>Section A</a> <a href='/b'>Section B</a></div>";
        assertThat(body(page(html))).contains("Only the foil remains", "Share of the vote", "Paragraph 3")
                .doesNotContain("Section A");
    }

    @Test
    void dropsCaptionsThatCloseWithAPhotoCreditButKeepsParagraphsCitingASource() {
        String html = "<article>" + prose(1) + "<p>The harbour at dusk, with the last ferries of the day coming "
                + "back from the islands. \u00a9 Agency / Jane Roe</p>" + prose(2)
                + "<p>Investigators said on Monday that a technical fault, not sabotage, caused both outages at the "
                + "plant. (Source: Regional Radio)</p></article>";
        assertThat(body(page(html))).contains("Paragraph 2", "not sabotage, caused both outages")
                .doesNotContain("last ferries", "Jane Roe");
    }

    @Test
    void keepsALeadParagraphThatRepeatsTheDescriptionButDropsAOneLineSubtitle() {
        String lead = "The harbour authority will close the old ferry terminal in spring. Passengers are to use the new "
                + "pier, which opens in March after two years of building work and a long dispute over its cost.";
        String dek = "A new pier opens in March after two years of work.";
        String story = "<div class='teaser-text'><p>" + lead + "</p></div><div class='text'>" + prose(1) + prose(2)
                + prose(3) + "</div>";
        String subtitled = "<div class='hero'><p class='dek'>" + dek + "</p></div><div class='text'>" + prose(1)
                + prose(2) + prose(3) + "</div>";
        assertThat(body(withDescription(lead, story))).startsWith("The harbour authority").contains("Paragraph 3");
        assertThat(body(withDescription(dek, subtitled))).startsWith("Paragraph 1").doesNotContain("new pier");
    }

    private static byte[] withDescription(String description, String bodyHtml) {
        return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>T</title><meta name=\"description\" content=\""
                + description + "\"></head><body><article>" + bodyHtml + "</article></body></html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
