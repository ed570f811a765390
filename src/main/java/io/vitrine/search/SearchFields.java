package io.vitrine.search;

import io.vitrine.catalog.AttributeType;
import java.util.Locale;

/**
 * The names of the fields of a product document. A value slot's fields carry the attribute type in
 * their name, so that an attribute deleted and created again with another type never meets its old
 * fields (Lucene keeps one schema per field name for the life of an index).
 */
final class SearchFields {

  /** The product id: a keyword to replace or delete the document, and doc values to read it. */
  static final String ID = "id";

  /** The identifier in lower case: keyword, prefix and sort. */
  static final String IDENTIFIER = "identifier";

  static final String FAMILY = "family";
  static final String ENABLED = "enabled";

  /** The product's own and inherited categories. */
  static final String CATEGORIES = "categories";

  /** Those categories and all their ancestors. */
  static final String CATEGORY_PATHS = "category_paths";

  /** "true" when the product has at least one category. */
  static final String CLASSIFIED = "classified";

  /** The product models above a variant, lower-cased codes. */
  static final String MODELS = "models";

  /** "true" for a variant product (one with a parent). */
  static final String VARIANT = "variant";

  static final String CREATED = "created";
  static final String UPDATED = "updated";

  /** The slots that hold a value: {@code attribute|locale|scope}. */
  static final String FILLED = "filled";

  /**
   * The attributes that hold a value anywhere, to find the products an attribute change touches.
   */
  static final String ATTRIBUTES = "attributes";

  /** {@code attribute.option} for every option held, to find the products of an option. */
  static final String OPTIONS = "options";

  /** The identifier cut into words, for full text. */
  static final String IDENTIFIER_WORDS = "ft.identifier";

  /** Full-text field families, one field per locale: {@code ft.<kind>.<locale>}. */
  enum TextKind {
    SHORT,
    LABEL,
    LONG;

    String field(String locale) {
      return "ft." + name().toLowerCase(Locale.ROOT) + "." + locale;
    }
  }

  private SearchFields() {}

  /** The completeness ratio of a channel × locale: an int point and doc values. */
  static String completeness(String channel, String locale) {
    return "completeness|" + channel + "|" + locale;
  }

  /** The attributes missing in a channel × locale, as doc values (the summary counts them). */
  static String missing(String channel, String locale) {
    return "missing|" + channel + "|" + locale;
  }

  /** The data quality score (0 to 100) of a channel × locale: an int point and doc values. */
  static String quality(String channel, String locale) {
    return "quality|" + channel + "|" + locale;
  }

  /**
   * The data quality problems of a channel × locale, as doc values of "rule attribute" (the summary
   * counts them).
   */
  static String issues(String channel, String locale) {
    return "issues|" + channel + "|" + locale;
  }

  static String slot(String attribute, String locale, String scope) {
    return attribute + "|" + (locale == null ? "" : locale) + "|" + (scope == null ? "" : scope);
  }

  /** The field of one value slot of an attribute of {@code type}. */
  static String value(AttributeType type, String attribute, String locale, String scope) {
    return tag(type) + "." + slot(attribute, locale, scope);
  }

  /** The field of a price in one currency. */
  static String price(String attribute, String locale, String scope, String currency) {
    return value(AttributeType.PRICE_COLLECTION, attribute, locale, scope) + "|" + currency;
  }

  private static String tag(AttributeType type) {
    return switch (type) {
      case TEXT, TEXTAREA, IDENTIFIER -> "k";
      case SIMPLESELECT, MULTISELECT -> "o";
      case BOOLEAN -> "b";
      case NUMBER, METRIC -> "n";
      case PRICE_COLLECTION -> "p";
      case DATE -> "d";
      case ASSET_COLLECTION -> "a";
    };
  }

  /** The locale of a full-text field, or null for any other field. */
  static String localeOf(String field) {
    if (!field.startsWith("ft.") || field.equals(IDENTIFIER_WORDS)) {
      return null;
    }
    return field.substring(field.lastIndexOf('.') + 1);
  }
}
