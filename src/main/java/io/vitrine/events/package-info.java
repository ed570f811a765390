/**
 * The change-event outbox: every committed write, numbered without gaps in commit order, and its
 * read-only API.
 */
package io.vitrine.events;
