package io.newsflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.publish.rules.ArticleView;
import io.newsflow.publish.rules.Route;
import io.newsflow.publish.rules.Routes;
import io.newsflow.publish.rules.RulesException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Tools for routes files. */
@Command(name = "routes", mixinStandardHelpOptions = true, description = "Check a publish routes file.",
        subcommands = RoutesCommand.Check.class)
final class RoutesCommand {

    /** {@code routes check RULES.yaml [ARTICLES.jsonl]}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate a routes file; with sample articles (JSON lines as `newsflow tail` prints them),"
                    + " show which routes take each. Exit 1 when the file is invalid.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RULES.yaml", description = "The routes file.")
        Path rules;

        @Parameters(index = "1", arity = "0..1", paramLabel = "ARTICLES.jsonl",
                description = "Sample articles, one JSON object per line (the news.enriched.json.v1 format).")
        Path articles;

        @Override
        public Integer call() throws IOException {
            return check(rules, articles, System.out, System.err);
        }
    }

    /** Validates and, with samples, shows the routing; the exit status. */
    static int check(Path rules, Path articles, PrintStream out, PrintStream err) throws IOException {
        Routes routes;
        try {
            routes = Routes.load(rules);
        } catch (RulesException | java.io.UncheckedIOException e) {
            err.println("newsflow routes check: " + e.getMessage());
            return 1;
        }
        out.printf("%s: %d routes ok%n", rules, routes.routes().size());
        for (Route r : routes.routes()) {
            out.printf("  %-24s -> %s (%s)%n", r.name(), r.topic(), r.format().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (articles == null) {
            return 0;
        }
        Map<String, Integer> taken = new LinkedHashMap<>();
        routes.routes().forEach(r -> taken.put(r.name(), 0));
        ObjectMapper json = new ObjectMapper();
        int lineNo = 0;
        int unrouted = 0;
        int bad = 0;
        out.println(articles + ":");
        try (BufferedReader in = Files.newBufferedReader(articles, StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode a;
                try {
                    a = json.readTree(line);
                } catch (IOException e) {
                    err.printf("  line %d: not JSON: %s%n", lineNo, e.getMessage().lines().findFirst().orElse(""));
                    bad++;
                    continue;
                }
                List<Route> matched = routes.matching(ArticleView.of(a));
                matched.forEach(r -> taken.merge(r.name(), 1, Integer::sum));
                unrouted += matched.isEmpty() ? 1 : 0;
                out.printf("  %-16s %-50s -> %s%n", cut(a.path("id").asText("?"), 16),
                        cut(a.path("title").asText("(no title)"), 50),
                        matched.isEmpty() ? "(no route)" : String.join(", ", matched.stream().map(Route::name).toList()));
            }
        }
        out.println("per route:");
        taken.forEach((name, n) -> out.printf("  %-24s %d%n", name, n));
        out.printf("  %-24s %d%n", "(no route)", unrouted);
        return bad == 0 ? 0 : 1;
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
