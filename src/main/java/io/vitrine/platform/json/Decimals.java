package io.vitrine.platform.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Decimal numbers as the API accepts them (JSON numbers or strings) and writes them (strings). */
public final class Decimals {

  private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

  /**
   * The longest number text read. BigDecimal parsing and arithmetic grow quadratically with the
   * digits; no product data needs more than this (values are bounded to 15 + 10 digits anyway).
   */
  public static final int MAX_LENGTH = 50;

  private Decimals() {}

  /** The number in {@code value}, or null if it is not one (or is longer than any number read). */
  public static BigDecimal parse(JsonValue value) {
    if (isTooLong(value)) {
      return null;
    }
    if (value instanceof JsonNumber number) {
      return number.bigDecimalValue();
    }
    if (value instanceof JsonString string) {
      String text = string.getString().strip();
      if (PLAIN.matcher(text).matches()) {
        return new BigDecimal(text);
      }
    }
    return null;
  }

  /** True for a number (or numeric-looking text) too long to be worth reading. */
  public static boolean isTooLong(JsonValue value) {
    if (value instanceof JsonString string) {
      return string.getString().length() > MAX_LENGTH;
    }
    return value instanceof JsonNumber number && number.toString().length() > MAX_LENGTH;
  }

  /** "12.5" for 12.50, "1000" for 1E+3: no exponent, no trailing zeros. */
  public static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }
}
