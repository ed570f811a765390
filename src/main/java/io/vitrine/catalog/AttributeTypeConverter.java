package io.vitrine.catalog;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores an attribute type by its API code ("price_collection"). */
@Converter
public class AttributeTypeConverter implements AttributeConverter<AttributeType, String> {

  @Override
  public String convertToDatabaseColumn(AttributeType type) {
    return type.code();
  }

  @Override
  public AttributeType convertToEntityAttribute(String code) {
    return AttributeType.fromCode(code)
        .orElseThrow(() -> new IllegalStateException("Unknown attribute type " + code));
  }
}
