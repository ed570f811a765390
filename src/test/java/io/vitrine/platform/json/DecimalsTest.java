package io.vitrine.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

  private static final long SEED = Long.getLong("tests.seed", 0xDEC1_3A15L);

  private static JsonValue json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readValue();
    }
  }

  private static BigDecimal parseText(String text) {
    return Decimals.parse(Json.createValue(text));
  }

  @Test
  void parsesJsonNumbersExactly() {
    assertEquals(new BigDecimal("12.50"), Decimals.parse(json("12.50")));
    assertEquals(new BigDecimal("-3"), Decimals.parse(json("-3")));
  }

  @Test
  void parsesJsonNumbersWithExponent() {
    assertEquals(0, new BigDecimal("1000").compareTo(Decimals.parse(json("1e3"))));
    assertEquals(0, new BigDecimal("0.0015").compareTo(Decimals.parse(json("1.5E-3"))));
  }

  @Test
  void parsesPlainDecimalStrings() {
    assertEquals(new BigDecimal("12.50"), parseText("12.50"));
    assertEquals(new BigDecimal("-3"), parseText("-3"));
    assertEquals(new BigDecimal("3"), parseText("+3"));
    assertEquals(new BigDecimal("0.5"), parseText(".5"));
    assertEquals(new BigDecimal("5"), parseText("5."));
    assertEquals(new BigDecimal("007"), parseText("007"));
  }

  @Test
  void stripsSpaceAroundStrings() {
    assertEquals(new BigDecimal("12.5"), parseText("  12.5\t"));
  }

  @Test
  void refusesOtherStrings() {
    for (String text :
        List.of(
            "",
            " ",
            "1e3",
            "1E3",
            "0x10",
            "1,5",
            "1 000",
            "12.5.1",
            "-",
            "+",
            ".",
            "--1",
            "NaN",
            "Infinity",
            "twelve",
            "\u0661")) {
      assertNull(parseText(text), "'" + text + "'");
    }
  }

  @Test
  void refusesOtherJsonTypes() {
    assertNull(Decimals.parse(JsonValue.TRUE));
    assertNull(Decimals.parse(JsonValue.NULL));
    assertNull(Decimals.parse(JsonValue.EMPTY_JSON_ARRAY));
    assertNull(Decimals.parse(JsonValue.EMPTY_JSON_OBJECT));
    assertNull(Decimals.parse(null));
  }

  @Test
  void plainDropsTrailingZeros() {
    assertEquals("12.5", Decimals.plain(new BigDecimal("12.50")));
    assertEquals("12", Decimals.plain(new BigDecimal("12.000")));
  }

  @Test
  void plainHasNoExponent() {
    assertEquals("1000", Decimals.plain(new BigDecimal("1E+3")));
    assertEquals("0.0000000001", Decimals.plain(new BigDecimal("1E-10")));
    assertEquals("100", Decimals.plain(new BigDecimal("100")));
  }

  @Test
  void plainZero() {
    assertEquals("0", Decimals.plain(new BigDecimal("0.000")));
    assertEquals("0", Decimals.plain(new BigDecimal("-0.0")));
    assertEquals("0", Decimals.plain(new BigDecimal("0E+5")));
  }

  @Test
  void plainNegative() {
    assertEquals("-3.25", Decimals.plain(new BigDecimal("-3.2500")));
  }

  @Test
  void plainOfParsedStringRoundTrips() {
    var random = new Random(SEED);
    for (int i = 0; i < 500; i++) {
      BigDecimal value =
          BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000L, random.nextInt(12) - 2);
      String plain = Decimals.plain(value);
      String where = "seed " + SEED + ", value " + value;
      assertEquals(0, value.compareTo(parseText(plain)), where);
      assertEquals(plain, Decimals.plain(parseText(plain)), where);
      assertEquals(-1, plain.indexOf('E'), where);
      assertEquals(false, plain.contains(".") && plain.endsWith("0"), where);
    }
  }
}
