package io.vitrine.catalog;

import static io.vitrine.catalog.TestCatalogs.add;
import static io.vitrine.catalog.TestCatalogs.div;
import static io.vitrine.catalog.TestCatalogs.mul;
import static io.vitrine.catalog.TestCatalogs.sub;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.catalog.Conversion.Operator;
import io.vitrine.catalog.Conversion.Step;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConversionTest {

  private static final long SEED = Long.getLong("tests.seed", 0xC0_4E57L);

  private static final List<Step> GRAM = List.of(mul("0.001"));
  private static final List<Step> KILOGRAM = List.of(mul("1"));
  private static final List<Step> POUND = List.of(mul("0.45359237"));
  private static final List<Step> CELSIUS = List.of(add("273.15"));
  private static final List<Step> FAHRENHEIT = List.of(sub("32"), div("1.8"), add("273.15"));
  private static final List<Step> KELVIN = List.of(mul("1"));
  private static final List<Step> RANKINE = List.of(div("1.8"));
  private static final List<Step> REAUMUR = List.of(mul("1.25"), add("273.15"));

  /** Operation lists as the reference data has them. */
  private static final List<List<Step>> SEEDED =
      List.of(
          GRAM,
          KILOGRAM,
          POUND,
          CELSIUS,
          FAHRENHEIT,
          KELVIN,
          RANKINE,
          REAUMUR,
          List.of(mul("0.000000001")),
          List.of(mul("1000")),
          List.of(mul("0.00006479891")),
          List.of(mul("0.028349523125")),
          List.of(mul("0.0311034768")),
          List.of(mul("2628000")),
          List.of(mul("31536000")),
          List.of(mul("0.000016387064")),
          List.of(mul("0.028316846592")));

  private static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  private static void assertSameNumber(String expected, BigDecimal actual) {
    assertEquals(
        0,
        d(expected).compareTo(actual),
        () -> "expected " + expected + " but was " + actual.toPlainString());
  }

  @Test
  void gramsToStandard() {
    assertSameNumber("0.25", Conversion.toStandard(d("250"), GRAM));
  }

  @Test
  void standardToGrams() {
    assertSameNumber("250", Conversion.fromStandard(d("0.25"), GRAM));
  }

  @Test
  void poundToStandard() {
    assertSameNumber("0.45359237", Conversion.toStandard(BigDecimal.ONE, POUND));
  }

  @Test
  void poundToGram() {
    assertSameNumber("453.59237", Conversion.convert(BigDecimal.ONE, POUND, GRAM));
  }

  @Test
  void gramToPound() {
    assertSameNumber("1", Conversion.convert(d("453.59237"), GRAM, POUND));
  }

  @Test
  void kilogramToPoundIsRoundedToDecimal128() {
    BigDecimal pounds = Conversion.convert(BigDecimal.ONE, KILOGRAM, POUND);
    assertTrue(pounds.precision() <= 34, pounds.toPlainString());
    assertEquals(d("2.204622621848775807"), pounds.setScale(18, java.math.RoundingMode.HALF_EVEN));
  }

  @Test
  void sameUnitIsUnchanged() {
    assertSameNumber("12.5", Conversion.convert(d("12.5"), POUND, POUND));
  }

  @Test
  void emptyStepsAreTheStandardUnit() {
    assertSameNumber("7", Conversion.toStandard(d("7"), List.of()));
    assertSameNumber("7", Conversion.fromStandard(d("7"), List.of()));
  }

  @Test
  void celsiusToStandard() {
    assertSameNumber("273.15", Conversion.toStandard(BigDecimal.ZERO, CELSIUS));
  }

  @Test
  void fahrenheitStepsApplyInOrder() {
    assertSameNumber("373.15", Conversion.toStandard(d("212"), FAHRENHEIT));
  }

  @Test
  void fromStandardAppliesInverseStepsInReverseOrder() {
    assertSameNumber("212", Conversion.fromStandard(d("373.15"), FAHRENHEIT));
  }

  @Test
  void fahrenheitToCelsius() {
    assertSameNumber("100", Conversion.convert(d("212"), FAHRENHEIT, CELSIUS));
    assertSameNumber("0", Conversion.convert(d("32"), FAHRENHEIT, CELSIUS));
    assertSameNumber("37", Conversion.convert(d("98.6"), FAHRENHEIT, CELSIUS));
    assertSameNumber("-40", Conversion.convert(d("-40"), FAHRENHEIT, CELSIUS));
  }

  @Test
  void celsiusToFahrenheit() {
    assertSameNumber("212", Conversion.convert(d("100"), CELSIUS, FAHRENHEIT));
    assertSameNumber("-459.67", Conversion.convert(d("-273.15"), CELSIUS, FAHRENHEIT));
  }

  @Test
  void fahrenheitToCelsiusOfOneThirdIsCloseEnough() {
    BigDecimal celsius = Conversion.convert(d("33"), FAHRENHEIT, CELSIUS);
    BigDecimal error = celsius.subtract(d("0.5555555555555555555555555555555556")).abs();
    assertTrue(error.compareTo(d("1e-30")) < 0, celsius.toPlainString());
  }

  @Test
  void reaumurToKelvin() {
    assertSameNumber("373.15", Conversion.convert(d("80"), REAUMUR, KELVIN));
  }

  @Test
  void rankineToCelsius() {
    assertSameNumber("0", Conversion.convert(d("491.67"), RANKINE, CELSIUS));
  }

  @Test
  void operatorsApply() {
    assertSameNumber("6", Operator.MUL.apply(d("2"), d("3")));
    assertSameNumber("0.5", Operator.DIV.apply(d("1"), d("2")));
    assertSameNumber("5", Operator.ADD.apply(d("2"), d("3")));
    assertSameNumber("-1", Operator.SUB.apply(d("2"), d("3")));
  }

  @Test
  void operatorsHaveInverses() {
    assertEquals(Operator.DIV, Operator.MUL.inverse());
    assertEquals(Operator.MUL, Operator.DIV.inverse());
    assertEquals(Operator.SUB, Operator.ADD.inverse());
    assertEquals(Operator.ADD, Operator.SUB.inverse());
    for (Operator operator : Operator.values()) {
      assertEquals(operator, operator.inverse().inverse());
    }
  }

  @Test
  void operatorCodesAreLowerCase() {
    assertEquals(
        List.of("mul", "div", "add", "sub"),
        List.of(Operator.values()).stream().map(Operator::code).toList());
  }

  @Test
  void divisionThatDoesNotEndIsRounded() {
    assertEquals(34, Operator.DIV.apply(BigDecimal.ONE, d("3")).precision());
  }

  @Test
  void divisionByZeroFails() {
    assertThrows(
        ArithmeticException.class, () -> Conversion.toStandard(BigDecimal.ONE, List.of(div("0"))));
  }

  @Test
  void seededUnitsRoundTrip() {
    var random = new Random(SEED);
    for (List<Step> steps : SEEDED) {
      for (int i = 0; i < 200; i++) {
        BigDecimal amount = randomAmount(random);
        BigDecimal back = Conversion.fromStandard(Conversion.toStandard(amount, steps), steps);
        assertClose(
            amount,
            back,
            d("1e-25"),
            "seed " + SEED + ", steps " + steps + ", amount " + amount.toPlainString());
      }
    }
  }

  @Test
  void seededUnitsConvertBetweenEachOtherAndBack() {
    var random = new Random(SEED + 1);
    var weights =
        List.of(GRAM, KILOGRAM, POUND, List.of(mul("0.028349523125")), List.of(mul("1000")));
    var temperatures = List.of(CELSIUS, FAHRENHEIT, KELVIN, RANKINE, REAUMUR);
    for (var family : List.of(weights, temperatures)) {
      for (int i = 0; i < 500; i++) {
        List<Step> from = family.get(random.nextInt(family.size()));
        List<Step> to = family.get(random.nextInt(family.size()));
        BigDecimal amount = randomAmount(random);
        BigDecimal back = Conversion.convert(Conversion.convert(amount, from, to), to, from);
        assertClose(
            amount,
            back,
            d("1e-25"),
            "seed " + SEED + ", " + from + " -> " + to + ", amount " + amount.toPlainString());
      }
    }
  }

  @Test
  void randomStepListsRoundTrip() {
    var random = new Random(SEED + 2);
    for (int i = 0; i < 2000; i++) {
      List<Step> steps = randomSteps(random);
      BigDecimal amount = randomAmount(random);
      BigDecimal back = Conversion.fromStandard(Conversion.toStandard(amount, steps), steps);
      assertClose(
          amount,
          back,
          d("1e-15"),
          "seed " + SEED + ", steps " + steps + ", amount " + amount.toPlainString());
    }
  }

  @Test
  void addAndSubStepsRoundTripExactly() {
    var random = new Random(SEED + 3);
    for (int i = 0; i < 500; i++) {
      List<Step> steps = new ArrayList<>();
      for (int s = random.nextInt(4); s >= 0; s--) {
        String value = randomAmount(random).toPlainString();
        steps.add(random.nextBoolean() ? add(value) : sub(value));
      }
      BigDecimal amount = randomAmount(random);
      BigDecimal back = Conversion.fromStandard(Conversion.toStandard(amount, steps), steps);
      assertEquals(
          0,
          amount.compareTo(back),
          "seed " + SEED + ", steps " + steps + ", amount " + amount.toPlainString());
    }
  }

  /** |expected - actual| within {@code relative} of max(1, |expected|). */
  private static void assertClose(
      BigDecimal expected, BigDecimal actual, BigDecimal relative, String message) {
    BigDecimal scale = expected.abs().max(BigDecimal.ONE);
    BigDecimal error = expected.subtract(actual).abs();
    assertTrue(
        error.compareTo(scale.multiply(relative)) <= 0,
        message
            + ": came back as "
            + actual.toPlainString()
            + " (error "
            + error.toPlainString()
            + ")");
  }

  /** Amounts as products have them: up to 15 digits, up to 6 of them decimals, some negative. */
  private static BigDecimal randomAmount(Random random) {
    long unscaled = random.nextLong() % 1_000_000_000_000_000L;
    return BigDecimal.valueOf(unscaled, random.nextInt(7));
  }

  /**
   * An optional offset, a factor between 1e-9 and 1e6, an optional offset: the shapes units have.
   */
  private static List<Step> randomSteps(Random random) {
    List<Step> steps = new ArrayList<>();
    if (random.nextBoolean()) {
      steps.add(randomOffset(random));
    }
    BigDecimal factor = BigDecimal.valueOf(1 + random.nextInt(999_999), random.nextInt(10));
    steps.add(new Step(random.nextBoolean() ? Operator.MUL : Operator.DIV, factor));
    if (random.nextBoolean()) {
      steps.add(randomOffset(random));
    }
    return steps;
  }

  private static Step randomOffset(Random random) {
    return new Step(
        random.nextBoolean() ? Operator.ADD : Operator.SUB,
        BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(3)));
  }
}
