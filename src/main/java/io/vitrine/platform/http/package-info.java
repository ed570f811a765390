/**
 * HTTP conventions shared by every resource: cursor pages, versions as ETags, body size limits,
 * answers, and files downloaded whole or by byte range.
 */
package io.vitrine.platform.http;
