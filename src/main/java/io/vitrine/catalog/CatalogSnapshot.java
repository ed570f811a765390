package io.vitrine.catalog;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog schema as product validation sees it: attributes and their groups, families,
 * channels, locales, currencies, measurement families, family variants and association types, read
 * once and shared until the catalog changes. Categories and options are not here (a catalog may
 * have hundreds of thousands); writers look them up in batches. The entities inside are detached
 * and must not be changed.
 */
public record CatalogSnapshot(
    long generation,
    Map<String, Attribute> attributes,
    Map<String, AttributeGroup> attributeGroups,
    Map<String, Family> families,
    Map<String, Channel> channels,
    Set<String> locales,
    Set<String> activeLocales,
    Map<String, Integer> currencyDecimals,
    Set<String> activeCurrencies,
    Map<String, MeasurementFamily> measurementFamilies,
    Map<String, FamilyVariant> familyVariants,
    Map<String, AssociationType> associationTypes) {

  public Optional<Attribute> attribute(String code) {
    return Optional.ofNullable(attributes.get(code));
  }

  /** The data quality rules switched off for {@code attribute} (by its group). */
  public java.util.List<String> disabledQualityRules(Attribute attribute) {
    AttributeGroup group =
        attribute.group() == null ? null : attributeGroups.get(attribute.group());
    return group == null ? java.util.List.of() : group.disabledQualityRules();
  }

  public Optional<Family> family(String code) {
    return Optional.ofNullable(families.get(code));
  }

  public Optional<FamilyVariant> familyVariant(String code) {
    return Optional.ofNullable(familyVariants.get(code));
  }

  public Optional<AssociationType> associationType(String code) {
    return Optional.ofNullable(associationTypes.get(code));
  }

  /** The identifier attribute, if the catalog defines one (it ships with {@code sku}). */
  public Optional<Attribute> identifier() {
    return attributes.values().stream()
        .filter(a -> a.type() == AttributeType.IDENTIFIER)
        .findFirst();
  }

  /**
   * Whether {@code attribute} belongs to {@code family}; the identifier belongs to every family.
   */
  public boolean inFamily(Family family, Attribute attribute) {
    return attribute.type() == AttributeType.IDENTIFIER
        || family.attributes().contains(attribute.code());
  }
}
