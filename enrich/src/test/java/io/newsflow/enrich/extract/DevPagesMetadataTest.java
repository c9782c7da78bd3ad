package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Title, authors and publication time of development benchmark pages, checked by hand against each
 * page's HTML (visible headline and byline, JSON-LD and meta tags). Skipped where the benchmark is absent.
 */
class DevPagesMetadataTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
        042bb7b5 | Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay | Sarah E. Needleman | 2019-11-19T13:03Z | json-ld
        04a6711c | Republicans Are Following Trump to Nowhere | Jamelle Bouie | 2019-11-19T11:00:09Z | meta
        05844573 | New SUVs and electric vehicles highlight L.A. Auto Show | TOM KRISHER | 2019-11-20T06:35:39Z | json-ld
        06ee193d | The VW ID. SPACE VIZZION is a weird EV sports wagon with a secret message | Chris Davies | 2019-11-20T04:31:13-06:00 | json-ld
        156770d6 | South Dakota governor doubles down on 'meth, we're on it' anti-drug campaign | Tess Bonn | 2019-11-19T06:56:43-05:00 | json-ld
        16c30add | The law that’s helping fuel Delhi’s deadly air pollution | Umair Irfan | 2019-11-08T15:30-05:00 | json-ld
        1ace8c85 | New York State Attorney General reportedly investigating WeWork | Catherine Shu | 2019-11-19T04:58:46Z | json-ld
        232a43fb | 13-Inch MacBook Pro With Scissor Keyboard Expected in First Half of 2020 | Joe Rossignol | 2019-11-18T10:45Z | json-ld
        264dc3ae | Zach Parise heating up, scores twice as Wild beat Sabres 4-1 | Bill Hoppe | 2019-11-20T02:59:46Z | json-ld
        291a8bf3 | Tim Cook On Apple Being ‘Pulled Into The Enterprise’ | Joseph Tsidulko | 2019-11-19T19:47-05:00 | meta
        2f42ef1d | The Future of Banking Is … You're Broke | Molly Wood | 2019-11-14T14:00Z | json-ld
        3c5bf8db | Physicists Just Created the Most Detailed Simulation of the Universe in History | Tim Childers | 2019-11-19T12:48:14Z | json-ld
        3cb22bfa | 2020 Audi e-tron Sportback revealed as electric 4-door coupe | Chris Davies | 2019-11-20T02:15:49-06:00 | json-ld
        3f65af7b | South Dakota doubles down on ‘Meth. We’re on it.’ They just might be. | Amy Kuperinsky | 2019-11-19T01:19:34.819Z | json-ld
        42aad16b | NASA’s commercial moon shot: Musk's and Bezos's firms to bid | Laura Winter | 2019-11-19T07:09Z | json-ld
        432362af | Chinese hunter catches bubonic plague after eating wild rabbit | Natalie Musumeci | 2019-11-18T21:10:29Z | json-ld
        4a44ab3e | ‘He died in my hands’: 3 pro-Morales demonstrators killed in clashes with Bolivia’s police & soldiers near barricaded fuel plant | | 2019-11-20T05:47Z | json-ld
        51374560 | Home Depot sales miss, shares plunge | Jonathan Garber | 2019-11-19T06:12:56-05:00 | json-ld
        57d46c9d | Oversupply angst drags oil lower, stocks drift near highs | Rodrigo Campos | 2019-11-19T21:57:01Z | json-ld
        624fcd90 | Hong Kong chaos: China deploys troops and warns SURRENDER is only option | Laura Mowat | 2019-11-19T10:48Z | json-ld
        63db31a1 | Star Wars Jedi: Fallen Order review - shoots for the moon, lands among the stars | Sherif Saed | 2019-11-20T08:05:26Z | json-ld
        65408257 | Economy in stress and markets on a high; time to be careful? | Nishant Kumar | 2019-11-20T13:38:07+05:30 | json-ld
        65bf3048 | 16-inch MacBook Pro review: The keyboard is probably enough to convince those waiting | Mike Wuerthele; Malcolm Owen | 2019-11-18T19:05-05:00 | json-ld
        6ebac05f | New York man pleads guilty to threatening to kill Omar | Justine Coleman | 2019-11-18T23:04:24-05:00 | json-ld
        785affa2 | Star Trek 4 eyes Fargo, Legion creator Noah Hawley to direct | Chaim Gartenberg | 2019-11-19T19:53:52-05:00 | json-ld
        7a457a4f | New York man pleads guilty to threatening to kill Rep. Ilhan Omar | Phil Helsel | 2019-11-19T08:41Z | json-ld
        7dfc3e35 | James Van Der Beek eliminated from 'Dancing with the Stars' after announcing wife suffered miscarriage | Andy Sahadeo | 2019-11-19T07:43:27-05:00 | json-ld
        7f93c194 | Cannabis use disorder is rising in U.S. states where weed is legal | Kashmira Gander | 2019-11-13T16:00:01-05:00 | json-ld
        """)
    void readsHandCheckedMetadata(String idPrefix, String title, String authors, String published, String source)
            throws IOException {
        SharedBenchmark.assumePresent();
        ExtractedArticle a = extractor.extract(SharedBenchmark.page(SharedBenchmark.idStartingWith(idPrefix)), null, null);
        assertThat(a.title()).isEqualTo(title);
        assertThat(a.authors()).isEqualTo(authors == null ? List.of() : List.of(authors.split("; ")));
        assertThat(a.published()).isEqualTo(new DatedValue(OffsetDateTime.parse(published), source));
    }
}
