package io.newsflow.ingest.warc;

/**
 * Counts of what a {@link WarcSource} read and why records were not emitted, so skipped input is
 * visible rather than silently dropped.
 *
 * @param records      WARC records read (all types)
 * @param pages        pages emitted
 * @param notResponse  records skipped because they are not responses (request, metadata, revisit...)
 * @param notHtml      responses skipped because their content type is not HTML
 * @param alreadyDone  records skipped because they are at or before the resume checkpoint
 * @param malformed    responses whose HTTP message could not be parsed
 * @param truncated    pages emitted with a body cut at the size limit
 */
public record WarcStats(long records, long pages, long notResponse, long notHtml, long alreadyDone, long malformed,
                        long truncated) {
}
