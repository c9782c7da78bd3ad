/**
 * First stage of extraction, bytes to characters: size cap, gzip and binary sniffing, charset resolution,
 * and the markup no rule reads (script and style contents, unread attributes) left out of what the parser
 * is given. Not for outside use.
 */
package io.newsflow.enrich.extract.internal.decode;
