/**
 * HTTP conventions shared by every resource: cursor pages, versions as ETags, body size limits,
 * answers.
 */
package io.vitrine.platform.http;
