package io.vitrine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.catalog.TestCatalogs;
import io.vitrine.platform.problem.Violations;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class FiltersTest {

  private final Violations violations = new Violations();

  private Map<String, Query> parse(String search, String locale, String scope) {
    return Filters.parse(
        search.replace('\'', '"'),
        TestCatalogs.standard(),
        locale,
        scope,
        LocalDate.of(2026, 11, 22),
        violations);
  }

  private void assertRefused(String search, String property, String fragment) {
    parse(search, null, null);
    assertEquals(1, violations.size(), violations::toString);
    assertEquals(property, violations.list().get(0).property(), violations::toString);
    assertTrue(violations.list().get(0).message().contains(fragment), violations::toString);
  }

  @Test
  void validConditionsGiveOneQueryPerField() {
    Map<String, Query> queries =
        parse(
            "{'color':[{'operator':'IN','value':['Navy']}],"
                + "'name':[{'operator':'CONTAINS','value':'tee'},{'operator':'NOT EMPTY'}],"
                + "'weight':[{'operator':'BETWEEN','value':[{'amount':1,'unit':'GRAM'},{'amount':2,'unit':'KILOGRAM'}]}],"
                + "'price':[{'operator':'<','value':{'amount':'19.90','currency':'EUR'}}],"
                + "'updated':[{'operator':'SINCE LAST N DAYS','value':7}],"
                + "'categories':[{'operator':'IN CHILDREN','value':['men']}]}",
            "en_US",
            null);
    assertTrue(violations.isEmpty(), violations::toString);
    assertEquals(
        List.of("color", "name", "weight", "price", "updated", "categories"),
        List.copyOf(queries.keySet()));
    assertTrue(queries.get("color").toString().contains("navy"), "option codes ignore case");
  }

  @Test
  void anInListIsAtMostAThousandValues() {
    List<String> values = new ArrayList<>();
    for (int i = 0; i <= Filters.MAX_LIST; i++) {
      values.add("'c" + i + "'");
    }
    assertRefused(
        "{'color':[{'operator':'IN','value':" + values + "}]}", "search.color[0]", "at most 1000");
  }

  @Test
  void eachBadConditionIsNamed() {
    assertRefused(
        "{'nope':[{'operator':'=','value':1}]}", "search.nope[0]", "no field or attribute");
  }

  @Test
  void localizableAndScopableNeedTheirSlot() {
    assertRefused("{'name':[{'operator':'=','value':'x'}]}", "search.name[0]", "localizable");
  }

  @Test
  void aScopeOnANonScopableAttributeIsRefused() {
    assertRefused(
        "{'stock':[{'operator':'=','value':1,'scope':'ecommerce'}]}",
        "search.stock[0]",
        "not scopable");
  }

  @Test
  void operatorsAreThoseOfTheType() {
    assertRefused("{'color':[{'operator':'<','value':1}]}", "search.color[0]", "IN, NOT IN");
  }

  @Test
  void valuesHaveTheShapeOfTheType() {
    assertRefused("{'stock':[{'operator':'<','value':'many'}]}", "search.stock[0]", "number");
  }

  @Test
  void unitsAndCurrenciesMustExist() {
    assertRefused(
        "{'weight':[{'operator':'=','value':{'amount':1,'unit':'PARSEC'}}]}",
        "search.weight[0]",
        "not a unit");
  }

  @Test
  void unknownCurrency() {
    assertRefused(
        "{'price':[{'operator':'=','value':{'amount':1,'currency':'XYZ'}}]}",
        "search.price[0]",
        "no currency");
  }

  @Test
  void aMalformedSearchIsNamed() {
    assertRefused("[1,2]", "search", "JSON object");
  }

  @Test
  void daysAreWholeAndNotNegative() {
    assertRefused(
        "{'release_date':[{'operator':'SINCE LAST N DAYS','value':-1}]}",
        "search.release_date[0]",
        "whole number");
  }
}
