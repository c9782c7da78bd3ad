package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code newsflow bench} end to end on the embedded broker and registry, as a user runs it: the summary line
 * in the form the README gives, every article enriched, the tasks each thread runs, and the state report.
 * A handful of articles: this checks the command, not the figures (those are the README's, from longer runs).
 */
class BenchIT {

    private static final int ARTICLES = 40;
    private static final int WARM_UP = 10;

    @Test
    void enrichesEveryArticleAndReportsThroughputLatencyTasksAndState() {
        CliRun run = CliRun.run(new CommandLine(new Newsflow()), Duration.ofMinutes(10), "bench", "-n", Integer.toString(ARTICLES),
                "--warmup", Integer.toString(WARM_UP), "--no-loop", Path.of("..", "samples").toString());
        int exit = run.exit();
        String progress = run.err();
        List<String> lines = progress.lines().filter(l -> l.startsWith("bench: ")).toList();
        assertThat(exit).as(progress).isZero();

        // The summary, alone on standard output (progress and state go to standard error).
        assertThat(run.out().strip()).matches("bench: articles=" + ARTICLES
                + " throughput=\\d+\\.\\d/s p50=\\d+ ms p95=\\d+ ms p99=\\d+ ms cpu=\\d+% heap=\\d+ MB");
        assertThat(lines).anyMatch(l -> l.matches("bench: enriched " + ARTICLES + " of " + ARTICLES
                + " in \\d+\\.\\d s, dead letters 0; load .*"));
        // One instance of two threads on two partitions: every task of both sub-topologies is somewhere.
        assertThat(lines).anyMatch(l -> l.matches("bench: enrich instance 1 tasks by thread: \\[\\[.*], \\[.*]]")
                && l.contains("0_0") && l.contains("0_1") && l.contains("1_0") && l.contains("1_1"));
        // Each article joins its 33 band buckets: at least 33 changelog records each (commit markers come on top).
        assertThat(offsetsPerArticle(lines, "dedupe-band-buckets-changelog")).isGreaterThanOrEqualTo(33.0);
        assertThat(lines).anyMatch(l -> l.startsWith("bench: changelog bytes per article (all stores): "));
    }

    private static double offsetsPerArticle(List<String> lines, String topicSuffix) {
        Pattern p = Pattern.compile("bench: \\S+" + Pattern.quote(topicSuffix) + "\\s+(\\d+) bytes/article\\s+([\\d.]+) offsets/article");
        for (String line : lines) {
            Matcher m = p.matcher(line);
            if (m.matches()) {
                return Double.parseDouble(m.group(2));
            }
        }
        throw new AssertionError("no state line for " + topicSuffix + " in " + lines);
    }
}
