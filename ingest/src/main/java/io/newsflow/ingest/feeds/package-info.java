/**
 * RSS, Atom and JSON Feed: parsing into FeedItems, feed discovery from HTML, and scheduled
 * polling with conditional GET and back-off.
 */
package io.newsflow.ingest.feeds;
