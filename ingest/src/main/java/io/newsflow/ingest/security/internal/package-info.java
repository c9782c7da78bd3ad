/**
 * CIDR matching and IP-literal detection for the SSRF guard; not for outside use.
 */
package io.newsflow.ingest.security.internal;
