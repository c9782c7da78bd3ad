package io.newsflow.enrich.entities;

/** The coarse entity classes of CoNLL-style named-entity recognition. */
public enum EntityType {
    /** A person, by name. */
    PERSON,
    /** A company, institution, party, team, outlet or other organised body. */
    ORGANIZATION,
    /** A country, region, city, geographic feature or address. */
    LOCATION,
    /** Other names: nationalities, events, products, works. */
    MISC
}
