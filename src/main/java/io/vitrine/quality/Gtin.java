package io.vitrine.quality;

/**
 * GTINs (EAN-8, UPC-A, EAN-13, GTIN-14): digits whose last one checks the others, GS1's modulo 10
 * with weights 3 and 1 from the right.
 */
public final class Gtin {

  private Gtin() {}

  /** What is wrong with {@code value} as a GTIN, in words; null when it is a valid GTIN. */
  public static String problem(String value) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return "is not a GTIN: it may only hold digits";
      }
    }
    if (length != 8 && length != 12 && length != 13 && length != 14) {
      return "is not a GTIN: it has " + length + " digits, not 8, 12, 13 or 14";
    }
    int expected = checkDigit(value.substring(0, length - 1));
    int actual = value.charAt(length - 1) - '0';
    return expected == actual
        ? null
        : "has a wrong check digit: a GTIN starting "
            + value.substring(0, length - 1)
            + " ends in "
            + expected;
  }

  /** The check digit of the digits before it. */
  static int checkDigit(String body) {
    int sum = 0;
    for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
      sum += (body.charAt(i) - '0') * weight;
    }
    return (10 - sum % 10) % 10;
  }
}
