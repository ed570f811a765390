package io.vitrine.search;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.problem.Violations;

/**
 * An attribute that a sort or a facet names, as {@code <code>} or {@code <price
 * attribute>.<currency>}, with the field of its slot in the request's locale and scope.
 */
record NamedAttribute(Attribute attribute, String field) {

  /**
   * The attribute {@code name} names, or null with a violation of {@code property}: {@code unknown}
   * completes the message for a name that is no attribute.
   */
  static NamedAttribute resolve(
      String name,
      CatalogSnapshot schema,
      String locale,
      String scope,
      String property,
      String unknown,
      Violations violations) {
    Attribute attribute = schema.attributes().get(name);
    String currency = null;
    int dot = name.lastIndexOf('.');
    if (attribute == null && dot > 0) {
      attribute = schema.attributes().get(name.substring(0, dot));
      currency = name.substring(dot + 1);
      if (attribute != null && attribute.type() != AttributeType.PRICE_COLLECTION) {
        attribute = null;
      }
    }
    if (attribute == null) {
      violations.add(property, "'" + name + "' " + unknown);
      return null;
    }
    String code = attribute.code();
    if (attribute.localizable() && locale == null) {
      violations.add(property, "'" + code + "' is localizable: give a locale.");
      return null;
    }
    if (attribute.scopable() && scope == null) {
      violations.add(property, "'" + code + "' is scopable: give a scope (a channel).");
      return null;
    }
    String slotLocale = attribute.localizable() ? locale : null;
    String slotScope = attribute.scopable() ? scope : null;
    if (attribute.type() != AttributeType.PRICE_COLLECTION) {
      return new NamedAttribute(
          attribute, SearchFields.value(attribute.type(), code, slotLocale, slotScope));
    }
    if (currency == null || !schema.currencyDecimals().containsKey(currency)) {
      violations.add(property, "name a price with its currency, as in '" + code + ".EUR'.");
      return null;
    }
    return new NamedAttribute(attribute, SearchFields.price(code, slotLocale, slotScope, currency));
  }

  String typeName() {
    return attribute.type().name().toLowerCase(java.util.Locale.ROOT);
  }
}
