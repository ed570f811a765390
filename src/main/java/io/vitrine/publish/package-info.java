/**
 * Publishing: channels as views of the catalog. A channel's eligibility rule says which products it
 * publishes, and {@link io.vitrine.publish.Verdict} explains, rule by rule, why a product is in or
 * out. Feeds and exports are built on it.
 */
package io.vitrine.publish;
