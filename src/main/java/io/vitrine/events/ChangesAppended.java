package io.vitrine.events;

/**
 * Fired when a transaction appends change events; observe it {@code during =
 * TransactionPhase.AFTER_SUCCESS} to learn that they are committed, without polling for them.
 */
public record ChangesAppended(long lastSeq) {}
