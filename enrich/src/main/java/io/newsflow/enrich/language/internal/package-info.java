/** ISO language code tables; not for outside use. */
package io.newsflow.enrich.language.internal;
