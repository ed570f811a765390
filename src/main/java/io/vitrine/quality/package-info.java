/**
 * Data quality: rules that look at the content of a product's values in each channel and locale
 * (GTIN check digits, title length, placeholder text, HTML in plain text, words in capitals,
 * repeated words, surrounding spaces, option labels, mixed units, a missing image), each problem
 * explained in a sentence and costing points, and the grade A to E those points give. Computed with
 * completeness, in the same pass and the same rows.
 */
package io.vitrine.quality;
