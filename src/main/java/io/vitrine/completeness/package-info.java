/**
 * Completeness per product, channel and locale: computed with every product write, recomputed by a
 * job when the rules change, shown with the product, indexed for search and summarised.
 */
package io.vitrine.completeness;
