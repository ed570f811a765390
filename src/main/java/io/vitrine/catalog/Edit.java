package io.vitrine.catalog;

import io.vitrine.platform.problem.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * One change to one catalog resource as a {@link CatalogKind} reads it: whether the resource is
 * new, and the refusals that are not about the request's form but about the catalog's state (a 409:
 * "this attribute cannot become localizable, 1,204 products have values for it").
 */
public final class Edit {

  private final boolean isNew;
  private final List<String> refusals = new ArrayList<>();
  private final List<Usage> usages = new ArrayList<>();

  Edit(boolean isNew) {
    this.isNew = isNew;
  }

  public boolean isNew() {
    return isNew;
  }

  public void refuse(String reason, List<Usage> blockedBy) {
    refusals.add(reason);
    usages.addAll(blockedBy);
  }

  public boolean isRefused() {
    return !refusals.isEmpty();
  }

  String reasons() {
    return String.join(" ", refusals);
  }

  List<Usage> usages() {
    return usages;
  }
}
