package io.vitrine.catalog;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Unit conversion by a unit's list of steps, which turn an amount in that unit into the family's
 * standard unit (Akeneo's {@code convert_from_standard} list means the same). The way back applies
 * the inverse steps in reverse order.
 */
public final class Conversion {

  private static final MathContext PRECISION = MathContext.DECIMAL128;

  private Conversion() {}

  public enum Operator {
    MUL,
    DIV,
    ADD,
    SUB;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    BigDecimal apply(BigDecimal amount, BigDecimal value) {
      return switch (this) {
        case MUL -> amount.multiply(value, PRECISION);
        case DIV -> amount.divide(value, PRECISION);
        case ADD -> amount.add(value, PRECISION);
        case SUB -> amount.subtract(value, PRECISION);
      };
    }

    Operator inverse() {
      return switch (this) {
        case MUL -> DIV;
        case DIV -> MUL;
        case ADD -> SUB;
        case SUB -> ADD;
      };
    }
  }

  public record Step(Operator operator, BigDecimal value) {}

  public static BigDecimal toStandard(BigDecimal amount, List<Step> steps) {
    BigDecimal result = amount;
    for (Step step : steps) {
      result = step.operator().apply(result, step.value());
    }
    return result;
  }

  public static BigDecimal fromStandard(BigDecimal amount, List<Step> steps) {
    BigDecimal result = amount;
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step step = steps.get(i);
      result = step.operator().inverse().apply(result, step.value());
    }
    return result;
  }

  /** An amount in {@code from} expressed in {@code to}, both units of the same family. */
  public static BigDecimal convert(BigDecimal amount, List<Step> from, List<Step> to) {
    return fromStandard(toStandard(amount, from), to);
  }
}
