/**
 * Export formats for marketplaces: small writers over products resolved for a channel (CSV, XLSX,
 * Google Merchant Center RSS, JSON), each refusing with a reason what its format's rules would
 * reject, and {@link io.vitrine.publish.export.ProductFields}, how a flat format reads a product's
 * fields. Export profiles and the export jobs that drive them come next.
 */
package io.vitrine.publish.export;
