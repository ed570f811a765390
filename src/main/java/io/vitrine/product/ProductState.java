package io.vitrine.product;

import java.util.Set;

/** Everything a product holds apart from its bookkeeping (id, version, times). */
public record ProductState(
    String identifier,
    String family,
    Set<String> categories,
    boolean enabled,
    ProductValues values) {

  public ProductState {
    categories = Set.copyOf(categories);
  }

  static ProductState empty(String identifier) {
    return new ProductState(identifier, null, Set.of(), true, ProductValues.EMPTY);
  }
}
