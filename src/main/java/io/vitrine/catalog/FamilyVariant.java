package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/**
 * How the products of a family vary: one or two levels below a root product model, each with its
 * axes and the attributes set at that level. Every other attribute of the family is common: set
 * once on the root model and inherited by everything below it. Levels are numbered as product
 * models and products sit in the tree: 0 is the root model, {@link #levelCount()} the variant
 * products.
 */
@Entity
@Table(name = "family_variant")
public class FamilyVariant extends CatalogEntity {

  @Id private String code;

  @Column(name = "family_code")
  private String family;

  @Column(name = "attribute_sets")
  @Convert(converter = VariantLevelsConverter.class)
  private List<VariantLevel> levels = List.of();

  protected FamilyVariant() {}

  public FamilyVariant(String code, String family) {
    this.code = code;
    this.family = family;
  }

  @Override
  public String code() {
    return code;
  }

  public String family() {
    return family;
  }

  public List<VariantLevel> levels() {
    return levels;
  }

  /** How many levels lie below the root model: 1 or 2. Variant products sit at this level. */
  public int levelCount() {
    return levels.size();
  }

  /** The axes of {@code level} (none for the root model, level 0). */
  public List<String> axes(int level) {
    return level < 1 || level > levels.size() ? List.of() : levels.get(level - 1).axes();
  }

  /**
   * The level at which {@code attribute}'s values are set: the level that lists it; else the
   * variant products for the identifier and unique attributes; else 0, the root model.
   */
  public int levelOf(Attribute attribute) {
    return listedLevel(attribute.code())
        .orElse(
            attribute.type() == AttributeType.IDENTIFIER || attribute.unique() ? levelCount() : 0);
  }

  /** The level whose axes or attributes list {@code attribute}, if any. */
  public Optional<Integer> listedLevel(String attribute) {
    for (VariantLevel level : levels) {
      if (level.axes().contains(attribute) || level.attributes().contains(attribute)) {
        return Optional.of(level.level());
      }
    }
    return Optional.empty();
  }

  /** Names a level for messages: "the root product model", "the variant products", … */
  public String describeLevel(int level) {
    if (level == 0) {
      return "the root product models (common attributes)";
    }
    if (level == levelCount()) {
      return "the variant products (level " + level + ")";
    }
    return "the sub-models (level " + level + ")";
  }

  void define(List<VariantLevel> levels) {
    this.levels = List.copyOf(levels);
  }
}
