/**
 * The catalog schema: locales, currencies, channels, measurement families, attribute groups,
 * attributes and their options, families and category trees. Each kind of resource has a {@link
 * io.vitrine.catalog.CatalogKind} that reads it from JSON, validates it, shows it and says what
 * blocks its deletion; {@link io.vitrine.catalog.CatalogStore} runs every write the same way, with
 * its change event, and {@link io.vitrine.catalog.Catalog} gives product validation an immutable
 * snapshot of the schema.
 */
package io.vitrine.catalog;
