/**
 * Guards against hostile input: the SSRF address guard and a hardened XML parser (no DOCTYPE, no
 * external entities).
 */
package io.newsflow.ingest.security;
