package io.newsflow.ingest.service;

import io.newsflow.ingest.fetch.FetchStatus;
import io.newsflow.ingest.sources.SsrfHint;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an ingest run did, in counts that add up, and its exit status.
 *
 * @param sent             records sent to the raw topic (fetched pages, files, WARC records)
 * @param deadLetters      dead letters written
 * @param failedDeliveries records the broker never acknowledged
 * @param web              the web side's counts, or null if no source was on the web
 * @param sources          sources read
 * @param failedSources    names of the sources that failed: could not be read, or every page URL they gave failed
 * @param seconds          run time
 */
public record IngestSummary(long sent, long deadLetters, long failedDeliveries, Web web, int sources,
                            List<String> failedSources, double seconds) {

    /** Copies the list. */
    public IngestSummary {
        failedSources = List.copyOf(failedSources);
    }

    /**
     * The web side: each discovered URL ends in exactly one of fetched (by status), skipped, invalid
     * or unfinished, so {@code discovered == fetched() + skipped + invalid + unfinished}.
     *
     * @param discovered   distinct page URLs queued by this run
     * @param repeats      URLs found again within this run (by another source or poll), not queued twice
     * @param outcomes     fetched URLs by fetch status (the status recorded on the fetch-status topic)
     * @param expected     of the fetched, those that gave no page for an expected reason (robots.txt,
     *                     SSRF guard, 404/410, not HTML): a fetch status only
     * @param skipped      URLs an earlier run fetched already (per the fetch-status topic)
     * @param invalid      URLs that were not fetchable http(s) URLs (a dead letter each)
     * @param unfinished   URLs whose fetch had not ended when the run was stopped (fetched by the next run)
     * @param blockedHosts hosts the SSRF guard refused
     */
    public record Web(long discovered, long repeats, Map<FetchStatus, Long> outcomes, long expected, long skipped,
                      long invalid, long unfinished, Set<String> blockedHosts) {

        /** Copies the collections. */
        public Web {
            outcomes = outcomes.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(outcomes));
            blockedHosts = Set.copyOf(blockedHosts);
        }

        /** URLs fetched, whatever the outcome. */
        public long fetched() {
            return outcomes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Fetched URLs whose page was sent (whole or cut to the size limit). */
        public long pagesSent() {
            return outcomes.getOrDefault(FetchStatus.OK, 0L) + outcomes.getOrDefault(FetchStatus.TOO_LARGE_TRUNCATED, 0L);
        }

        /** Fetched URLs that gave no page because of a real failure (a dead letter each). */
        public long failed() {
            return fetched() - pagesSent() - expected;
        }
    }

    /** True if no record was sent, and nothing was skipped or was an expected no-page either. */
    public boolean nothingIngested() {
        return sent == 0 && (web == null || web.skipped() == 0 && web.expected() == 0);
    }

    /** True if there were sources and every one of them failed. */
    public boolean everySourceFailed() {
        return sources > 0 && failedSources.size() == sources;
    }

    /** 1 if a record was never acknowledged, or nothing was ingested because every source failed; else 0. */
    public int exitCode() {
        return failedDeliveries > 0 || everySourceFailed() && nothingIngested() ? 1 : 0;
    }

    /** The summary lines, each to be printed after the {@code newsflow ingest: } prefix. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (web != null) {
            out.addAll(webLines(web));
        }
        out.add(String.format(Locale.ROOT, "%d pages sent%s, %d dead letters, %d failed deliveries in %.1f s", sent,
                web == null ? "" : " (" + web.pagesSent() + " fetched, " + (sent - web.pagesSent())
                        + " from files and WARC archives)", deadLetters, failedDeliveries, seconds));
        if (everySourceFailed() && nothingIngested()) {
            out.add(String.format(Locale.ROOT, "nothing ingested: every source failed (%s); exit status 1",
                    String.join(", ", failedSources)));
        }
        return out;
    }

    private static List<String> webLines(Web w) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "web: %d URLs discovered = %d fetched + %d skipped (fetched by an earlier "
                        + "run; --refetch fetches again) + %d not URLs (dead letters) + %d unfinished (stopped; "
                        + "the next run fetches them)%s", w.discovered(), w.fetched(), w.skipped(), w.invalid(),
                w.unfinished(), w.repeats() == 0 ? "" : "; " + w.repeats() + " more found again, queued once"));
        out.add(String.format(Locale.ROOT, "web: %d fetched = %d pages sent + %d no page for an expected reason "
                + "(robots.txt, SSRF guard, 404/410, not HTML: a fetch status only) + %d failed (dead letters)",
                w.fetched(), w.pagesSent(), w.expected(), w.failed()));
        if (!w.outcomes().isEmpty()) {
            StringBuilder byStatus = new StringBuilder("web: fetch statuses:");
            new EnumMap<>(w.outcomes()).forEach((status, n) -> byStatus.append(' ').append(status).append('=').append(n));
            out.add(byStatus.toString());
        }
        if (!w.blockedHosts().isEmpty()) {
            out.add("web: the SSRF guard refused " + String.join(", ", w.blockedHosts().stream().sorted().toList())
                    + "; " + SsrfHint.forHosts(w.blockedHosts()));
        }
        return out;
    }
}
