package io.newsflow.enrich.entities;

/** Entity types. */
public enum EntityType { PERSON, ORGANIZATION, LOCATION, MISC }
