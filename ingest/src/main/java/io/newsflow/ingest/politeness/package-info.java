/**
 * Being a good citizen: robots.txt (cached, Crawl-delay), per-host spacing and concurrency, a
 * global limit, and a listener plus metrics that see every outcome.
 */
package io.newsflow.ingest.politeness;
