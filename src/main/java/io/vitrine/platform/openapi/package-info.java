/** The OpenAPI document's examples, recorded from a live server and attached by operationId. */
package io.vitrine.platform.openapi;
