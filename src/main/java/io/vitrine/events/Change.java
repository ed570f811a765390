package io.vitrine.events;

/**
 * A change a transaction makes, to be recorded in the outbox: which entity (its type, its code, and
 * for products its id), what happened, and the version it now has.
 */
public record Change(
    String entityType, String entityCode, Long entityId, Action action, long version) {

  public enum Action {
    CREATED,
    UPDATED,
    DELETED,
    /**
     * The product no longer goes by the code of this event (its old identifier): readers keyed by
     * identifier drop that key. The product's own event with its new identifier follows.
     */
    RENAMED
  }
}
