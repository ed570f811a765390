/**
 * Search: a Lucene index of the products, fed only by the change events (one {@link
 * io.vitrine.search.Indexer} applies them in order and records the sequence it reached in each
 * commit), and {@link io.vitrine.search.ProductSearch}, which answers product lists from it with
 * filters in the Akeneo grammar, full text, facets, sorts and cursor pages, after waiting until the
 * index holds every change committed before the request. The index is derived: it can be rebuilt
 * from the database at any time, while searches go on against the current one.
 */
package io.vitrine.search;
