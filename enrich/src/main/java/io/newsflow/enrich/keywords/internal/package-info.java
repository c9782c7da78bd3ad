/** Key-phrase candidate extraction; not for outside use. */
package io.newsflow.enrich.keywords.internal;
