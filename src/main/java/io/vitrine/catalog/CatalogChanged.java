package io.vitrine.catalog;

/** Fired for every catalog write; observed after commit to refresh what is derived from it. */
public record CatalogChanged(String kind, String code) {}
