package io.vitrine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.platform.problem.Violation;
import io.vitrine.platform.problem.Violations;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bugs found once (a repeated currency after a null amount, misplaced values returned as valid),
 * kept fixed.
 */
class ValueRulesRegressionTest {

  private final CatalogSnapshot catalog = TestCatalogs.standard();
  private final ValueRules rules = new ValueRules(catalog);
  private final Violations violations = new Violations();

  private static JsonValue json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  @Test
  void currencyGivenTwiceIsRefusedWhenTheFirstAmountIsNull() {
    var price = catalog.attributes().get("price");
    var result =
        rules.check(
            price,
            new ValueKey("price", null, null),
            json("[{'amount': null, 'currency': 'EUR'}, {'amount': '10', 'currency': 'EUR'}]"),
            violations);
    assertNull(result);
    assertEquals(
        List.of(Violation.of("price", "the price in EUR is given twice.")), violations.list());
  }

  @Test
  void misplacedValueIsInvalidSoCheckReturnsNull() {
    var stock = catalog.attributes().get("stock");
    var result = rules.check(stock, new ValueKey("stock", "en_US", null), json("3"), violations);
    assertEquals(1, violations.size());
    assertNull(result, "check() documents null for an invalid value");
  }
}
