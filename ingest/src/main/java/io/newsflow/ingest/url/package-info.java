/**
 * URL identity: canonicalisation (case, ports, tracking parameters, query order, IDN) and the
 * canonical/AMP links a page declares, so one article gets one id.
 */
package io.newsflow.ingest.url;
