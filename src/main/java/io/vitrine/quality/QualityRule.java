package io.vitrine.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data quality rules, each with the points a problem costs: the score of a product in a channel
 * × locale is 100 minus the points of its problems (one per rule and attribute), at least 0. The
 * heavier a rule, the more likely the problem keeps a product off a marketplace or shows on the
 * storefront.
 */
public enum QualityRule {
  GTIN_CHECK_DIGIT(
      25, "A GTIN attribute's value is not 8, 12, 13 or 14 digits with a valid check digit."),
  PLACEHOLDER_TEXT(20, "A text holds placeholder text such as TBD, TODO or lorem ipsum."),
  IMAGE_MISSING(20, "The family's image attribute (attribute_as_image) has no value."),
  TITLE_LENGTH(
      15,
      "The title (the family's attribute_as_label) is shorter or longer than the channel asks."),
  HTML_IN_PLAIN_TEXT(15, "A plain-text attribute contains HTML tags or entities, shown as such."),
  CAPITAL_WORDS(10, "A text has words written in capitals (shouting)."),
  OPTION_LABEL_MISSING(
      10, "A selected option has no label in the locale: the storefront shows its code."),
  REPEATED_WORDS(5, "A text repeats a word (\"the the\")."),
  SURROUNDING_SPACES(5, "A plain text starts or ends with spaces."),
  MIXED_UNITS(5, "Metric values of one kind (weights, lengths) use different units.");

  private final int penalty;
  private final String description;

  QualityRule(int penalty, String description) {
    this.penalty = penalty;
    this.description = description;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The points one problem costs. */
  public int penalty() {
    return penalty;
  }

  public String description() {
    return description;
  }

  public static Optional<QualityRule> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
  }

  public static String codes() {
    return Arrays.stream(values()).map(QualityRule::code).collect(Collectors.joining(", "));
  }
}
