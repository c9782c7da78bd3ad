/** Language detection (ISO 639-1) from the text, with the page's declared language as a tie-breaker. */
package io.newsflow.enrich.language;
