/** Model-free sentence splitting; not for outside use. */
package io.newsflow.enrich.summary.internal;
