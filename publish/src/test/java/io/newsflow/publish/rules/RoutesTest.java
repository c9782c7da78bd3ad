package io.newsflow.publish.rules;

import static io.newsflow.publish.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schemas.avro.EntityType;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class RoutesTest {

    private static final String FILE = """
            routes:
              - name: uk-politics
                topic: team.politics.v1
                format: json
                match:
                  all:
                    - language: en
                    - topic: {name: politics, min-score: 0.3}
                    - any:
                        - entity: Lindsay Hoyle
                        - entity: {type: ORGANIZATION, min-salience: 0.5}
                    - not: {site: [tabloid.test]}
                    - duplicate: false
              - name: long-reads
                topic: team.long.v1
                match: {words: {min: 1000}}
              - name: everything
                topic: team.all.v1
                match: {all: []}
            """;

    @Test
    void parsesRoutesInFileOrderWithFormatsAndLines() {
        Routes routes = Routes.parse("routes.yaml", FILE);
        assertThat(routes.routes()).extracting(Route::name).containsExactly("uk-politics", "long-reads", "everything");
        assertThat(routes.routes()).extracting(Route::format)
                .containsExactly(Route.Format.JSON, Route.Format.AVRO, Route.Format.AVRO);
        assertThat(routes.routes()).extracting(Route::line).containsExactly(2, 14, 17);
        assertThat(routes.topics()).containsExactly("team.politics.v1", "team.long.v1", "team.all.v1");
    }

    @Test
    void anArticleGoesToEveryRouteItMatchesAndANonMatchingOneToNone() {
        Routes routes = Routes.parse("routes.yaml", FILE);
        var politics = ArticleView.of(article("a").topic("medtop:11000000", "politics", 0.6)
                .entity("Lindsay Hoyle", EntityType.PERSON, 0.2).words(1500).build());
        assertThat(routes.matching(politics)).extracting(Route::name)
                .containsExactly("uk-politics", "long-reads", "everything");
        var weakTopic = ArticleView.of(article("b").topic("medtop:11000000", "politics", 0.2)
                .entity("Lindsay Hoyle", EntityType.PERSON, 0.2).build());
        assertThat(routes.matching(weakTopic)).extracting(Route::name).containsExactly("everything");
        var tabloid = ArticleView.of(article("c").url("https://www.tabloid.test/x").topic("m", "Politics", 0.9)
                .entity("ACME", EntityType.ORGANIZATION, 0.7).build());
        assertThat(routes.matching(tabloid)).extracting(Route::name).containsExactly("everything");
        var duplicate = ArticleView.of(article("d").topic("m", "politics", 0.9)
                .entity("Lindsay Hoyle", EntityType.PERSON, 0.9).duplicateOf("a").build());
        assertThat(routes.matching(duplicate)).extracting(Route::name).containsExactly("everything");
        Routes none = Routes.parse("r.yaml", "routes:\n  - {name: fr, topic: fr.v1, match: {language: fr}}\n");
        assertThat(none.matching(politics)).isEmpty();
    }

    @Test
    void keyphrasesMatchCaseInsensitivelyAndSitesByNameOrHost() {
        Routes routes = Routes.parse("r.yaml", """
                routes:
                  - name: tram
                    topic: t.v1
                    match: {keyphrase: [tram line, budget], site: [courier.test, "The Herald"]}
                """);
        assertThat(routes.matching(ArticleView.of(article("a").keyphrase("New Tram Line opens")
                .url("https://news.courier.test/a").build()))).hasSize(1);
        assertThat(routes.matching(ArticleView.of(article("b").keyphrase("budget").site("the herald").build())))
                .hasSize(1);
        assertThat(routes.matching(ArticleView.of(article("c").keyphrase("budget").build()))).isEmpty();
    }

    @Test
    void anUnknownConditionNamesItsLineColumnAndRoute() {
        String yaml = """
                routes:
                  - name: ok
                    topic: ok.v1
                    match: {language: en}
                  - name: typo
                    topic: typo.v1
                    match:
                      any:
                        - lang: en
                """;
        assertThatThrownBy(() -> Routes.parse("routes.yaml", yaml))
                .isInstanceOf(RulesException.class)
                .hasMessageStartingWith("routes.yaml:9:11: route 'typo': unknown condition 'lang'")
                .asInstanceOf(InstanceOfAssertFactories.type(RulesException.class))
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.route()).isEqualTo("typo");
                });
    }

    @Test
    void eachKindOfMistakeIsReportedWithWhereAndWhat() {
        Map<String, String> cases = Map.of(
                "routes:\n  - {name: a, topic: a.v1, format: xml, match: {language: en}}\n",
                "r.yaml:2:36: route 'a': format must be avro or json, not 'xml'",
                "routes:\n  - {name: a, topic: a.v1, match: {language: en}}\n  - {name: a, topic: b.v1, match: {language: en}}\n",
                "r.yaml:3:5: route 'a': name already used by the route at line 2",
                "routes:\n  - {name: a, topic: 'bad topic', match: {language: en}}\n",
                "r.yaml:2:22: route 'a': needs a 'topic'",
                "routes:\n  - {name: a, topic: a.v1, match: {entity: {type: ANIMAL}}}\n",
                "r.yaml:2:51: route 'a': entity type must be one of [LOCATION, MISC, ORGANIZATION, PERSON], not 'ANIMAL'",
                "routes:\n  - {name: a, topic: a.v1, match: {topic: {name: x, min-score: 2}}}\n",
                "r.yaml:2:64: route 'a': expected a number from 0 to 1, not '2'",
                "routes:\n  - {name: a, topic: a.v1}\n",
                "r.yaml:2:5: route 'a': needs a 'match' condition",
                "routes:\n  - name: a\n    topic: a.v1\n    match: {language: en}\n    match: {language: fr}\n",
                "r.yaml:5:5: key 'match' appears twice (first at line 4)",
                "routes:\n  - {name: a, topic: a.v1, match: {words: {min: 10, max: 5}}}\n",
                "r.yaml:2:43: route 'a': words: min 10 is over max 5",
                "rules:\n  - {}\n",
                "r.yaml:1:1: expected a mapping with a 'routes:' list",
                "routes:\n  - {name: a, topic: a.v1, match: [oops\n",
                "r.yaml:3:1: not valid YAML: expected ',' or ']', but got <stream end>");
        cases.forEach((yaml, message) -> assertThatThrownBy(() -> Routes.parse("r.yaml", yaml))
                .as(yaml).isInstanceOf(RulesException.class).hasMessageStartingWith(message));
    }

    @Test
    void filtersSpeakTheSameLanguageAsRoutes() {
        Rule rule = Filters.parse(Map.of("lang", List.of("en"), "topic", List.of("politics"),
                "entity", List.of("Lindsay Hoyle", "Rishi Sunak"), "duplicates", List.of("exclude")));
        assertThat(rule.test(ArticleView.of(article("a").topic("m", "Politics", 0.5)
                .entity("rishi sunak", EntityType.PERSON, 0.3).build()))).isTrue();
        assertThat(rule.test(ArticleView.of(article("b").language("de").topic("m", "Politics", 0.5)
                .entity("Rishi Sunak", EntityType.PERSON, 0.3).build()))).isFalse();
        assertThat(Filters.parsePairs(List.of("type=person", "min-salience=0.5"))
                .test(ArticleView.of(article("c").entity("X", EntityType.PERSON, 0.4).build()))).isFalse();
        assertThat(Filters.parse(Map.of())).isSameAs(Rule.ANY);
        assertThatThrownBy(() -> Filters.parse(Map.of("langauge", List.of("en"))))
                .hasMessageStartingWith("filter: unknown filter 'langauge'");
    }
}
