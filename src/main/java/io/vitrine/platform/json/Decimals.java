package io.vitrine.platform.json;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/** Decimal numbers as the API accepts them (JSON numbers or strings) and writes them (strings). */
public final class Decimals {

  private static final Pattern PLAIN = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private Decimals() {}

  /** The number in {@code value}, or null if it is not one. */
  public static BigDecimal parse(JsonValue value) {
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

  /** "12.5" for 12.50, "1000" for 1E+3: no exponent, no trailing zeros. */
  public static String plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() < 0) {
      stripped = stripped.setScale(0);
    }
    return stripped.toPlainString();
  }
}
