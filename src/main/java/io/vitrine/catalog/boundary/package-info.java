/**
 * The REST resources of the catalog schema, under {@code /api/v1}; thin, documented, shared steps.
 */
package io.vitrine.catalog.boundary;
