package io.newsflow.ingest.discovery;

/**
 * A line of a URL list that was not used, with the reason, so bad input is reported, not lost.
 *
 * @param lineNumber 1-based line number
 * @param line       the line as read (trimmed)
 * @param reason     why it was rejected
 */
public record RejectedLine(int lineNumber, String line, String reason) {
}
