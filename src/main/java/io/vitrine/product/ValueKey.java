package io.vitrine.product;

import java.util.Comparator;
import java.util.Objects;

/**
 * Which value of a product: an attribute, and for localizable or scopable attributes a locale and a
 * channel (scope). Ordered by attribute, then scope, then locale, nulls first.
 */
public record ValueKey(String attribute, String locale, String scope)
    implements Comparable<ValueKey> {

  private static final Comparator<String> NULLS_FIRST =
      Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<ValueKey> ORDER =
      Comparator.comparing(ValueKey::attribute)
          .thenComparing(ValueKey::scope, NULLS_FIRST)
          .thenComparing(ValueKey::locale, NULLS_FIRST);

  public ValueKey {
    Objects.requireNonNull(attribute);
  }

  @Override
  public int compareTo(ValueKey other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return attribute + (locale == null ? "" : "-" + locale) + (scope == null ? "" : "-" + scope);
  }
}
