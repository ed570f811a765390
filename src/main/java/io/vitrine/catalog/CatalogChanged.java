package io.vitrine.catalog;

import jakarta.json.JsonObject;

/**
 * Fired synchronously inside a catalog write's transaction, with the resource's JSON before (null
 * when created) and after (null when deleted): work that depends on what exactly changed (a
 * family's requirements, a channel's locales) starts in the same transaction.
 */
public record CatalogChanged(String kind, String code, JsonObject before, JsonObject after) {

  /**
   * Whether {@code field} differs between before and after (a creation or deletion changes all).
   */
  public boolean changed(String field) {
    return before == null
        || after == null
        || !java.util.Objects.equals(before.get(field), after.get(field));
  }
}
