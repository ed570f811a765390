package io.vitrine.quality;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The data quality rules, each with the points a problem costs: the score of a product in a channel
 * × locale is 100 minus the points of its problems (one per rule and attribute), at least 0. The
 * heavier a rule, the more likely the problem keeps a product off a marketplace or shows on the
 * storefront.
 */
public enum QualityRule {
  GTIN_CHECK_DIGIT(25),
  PLACEHOLDER_TEXT(20),
  IMAGE_MISSING(20),
  TITLE_LENGTH(15),
  HTML_IN_PLAIN_TEXT(15),
  CAPITAL_WORDS(10),
  OPTION_LABEL_MISSING(10),
  REPEATED_WORDS(5),
  SURROUNDING_SPACES(5),
  MIXED_UNITS(5);

  private static final Map<String, QualityRule> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(QualityRule::code, r -> r));

  private final int penalty;
  private final String code;

  QualityRule(int penalty) {
    this.penalty = penalty;
    this.code = name().toLowerCase(Locale.ROOT);
  }

  public String code() {
    return code;
  }

  /** The points one problem costs. */
  public int penalty() {
    return penalty;
  }

  public static Optional<QualityRule> fromCode(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  public static String codes() {
    return Arrays.stream(values()).map(QualityRule::code).collect(Collectors.joining(", "));
  }
}
