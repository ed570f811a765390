/**
 * Products: {@link io.vitrine.product.ValueRules} judges each value against its attribute, {@link
 * io.vitrine.product.ProductWriter} writes batches of products in one transaction with their
 * reference rows and change events, and {@link io.vitrine.product.Products} retries what racing
 * writers refused. Values are one JSON document per product, merged per attribute, locale and
 * scope.
 */
package io.vitrine.product;
