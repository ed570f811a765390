package io.vitrine.catalog;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The data types an attribute can have, and the properties that apply to each. */
public enum AttributeType {
  IDENTIFIER(
      Property.MAX_CHARACTERS,
      Property.VALIDATION_RULE,
      Property.VALIDATION_REGEXP,
      Property.UNIQUE),
  TEXT(
      Property.MAX_CHARACTERS,
      Property.VALIDATION_RULE,
      Property.VALIDATION_REGEXP,
      Property.UNIQUE,
      Property.GTIN),
  TEXTAREA(Property.MAX_CHARACTERS, Property.RICH_TEXT),
  NUMBER(
      Property.DECIMALS_ALLOWED,
      Property.NEGATIVE_ALLOWED,
      Property.NUMBER_MIN,
      Property.NUMBER_MAX,
      Property.UNIQUE),
  METRIC(
      Property.METRIC_FAMILY,
      Property.DEFAULT_METRIC_UNIT,
      Property.DECIMALS_ALLOWED,
      Property.NEGATIVE_ALLOWED,
      Property.NUMBER_MIN,
      Property.NUMBER_MAX),
  PRICE_COLLECTION(Property.DECIMALS_ALLOWED, Property.NUMBER_MIN, Property.NUMBER_MAX),
  BOOLEAN,
  DATE(Property.DATE_MIN, Property.DATE_MAX, Property.UNIQUE),
  SIMPLESELECT,
  MULTISELECT,
  ASSET_COLLECTION(Property.ASSET_FAMILY);

  /** Type-specific attribute properties, by their JSON names. */
  public enum Property {
    MAX_CHARACTERS,
    VALIDATION_RULE,
    VALIDATION_REGEXP,
    RICH_TEXT,
    DECIMALS_ALLOWED,
    NEGATIVE_ALLOWED,
    NUMBER_MIN,
    NUMBER_MAX,
    METRIC_FAMILY,
    DEFAULT_METRIC_UNIT,
    DATE_MIN,
    DATE_MAX,
    UNIQUE,
    GTIN,
    ASSET_FAMILY;

    public String field() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public static final int TEXT_MAX = 255;
  public static final int TEXTAREA_MAX = 65_535;

  private final Set<Property> properties;

  AttributeType(Property... properties) {
    this.properties =
        properties.length == 0
            ? EnumSet.noneOf(Property.class)
            : EnumSet.of(properties[0], properties);
  }

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public boolean accepts(Property property) {
    return properties.contains(property);
  }

  public boolean hasOptions() {
    return this == SIMPLESELECT || this == MULTISELECT;
  }

  /** The most characters a value may have, and the default for max_characters. */
  public int characterLimit() {
    return this == TEXTAREA ? TEXTAREA_MAX : TEXT_MAX;
  }

  public static Optional<AttributeType> fromCode(String code) {
    for (AttributeType type : values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  public static String codes() {
    var codes = new StringBuilder();
    for (AttributeType type : values()) {
      codes.append(codes.isEmpty() ? "" : ", ").append(type.code());
    }
    return codes.toString();
  }
}
