/** The REST resource of products: one at a time, or many per NDJSON request. */
package io.vitrine.product.boundary;
