package io.vitrine.catalog;

import io.vitrine.platform.problem.Usage;
import java.util.List;

/**
 * Fired synchronously before a catalog resource is deleted: other features add to {@code usages}
 * what of theirs still uses it (export profiles naming an attribute, say), and the deletion is
 * refused with them.
 */
public record DeletionAsked(String kind, String code, List<Usage> usages) {

  /** Adds that {@code users} (codes, of {@code what}) use the resource, when there are any. */
  public void usedBy(String what, List<String> users) {
    if (!users.isEmpty()) {
      usages.add(new Usage(what, users.size(), users.stream().limit(Usage.EXAMPLES).toList()));
    }
  }
}
