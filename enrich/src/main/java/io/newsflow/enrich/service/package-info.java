/** The enrich service: loads configuration, builds the topology and runs it. */
package io.newsflow.enrich.service;
