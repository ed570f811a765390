/**
 * Strict JSON input (positions of syntax errors, unknown fields named) and JSON-P through one
 * cached provider.
 */
package io.vitrine.platform.json;
