package io.vitrine.catalog;

import java.util.List;

/**
 * One level of a family variant: the axes that tell its members apart and the other attributes
 * whose values are set at that level. Level 1 is the first level below the root model.
 *
 * @param axes the axis attributes, in the order they were given
 * @param attributes the other attributes set at this level, as given (axes, the identifier and
 *     unique attributes of the last level are implied)
 */
public record VariantLevel(int level, List<String> axes, List<String> attributes) {

  public static final int MAX_LEVELS = 2;
  public static final int MAX_AXES = 5;

  public VariantLevel {
    axes = List.copyOf(axes);
    attributes = List.copyOf(attributes);
  }
}
