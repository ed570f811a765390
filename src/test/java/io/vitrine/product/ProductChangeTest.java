package io.vitrine.product;

import static io.vitrine.catalog.TestCatalogs.ECOMMERCE;
import static io.vitrine.catalog.TestCatalogs.EN;
import static io.vitrine.catalog.TestCatalogs.FR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.platform.problem.Violation;
import io.vitrine.platform.problem.Violations;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductChangeTest {

  private final CatalogSnapshot catalog = TestCatalogs.standard();
  private final Violations violations = new Violations();

  private static JsonValue json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  private ProductChange read(String body) {
    return ProductChange.read((JsonObject) json(body), catalog, violations);
  }

  private void assertOnly(Violation violation) {
    assertEquals(List.of(violation), violations.list());
  }

  private void assertValid() {
    assertEquals(List.of(), violations.list());
  }

  @Test
  void emptyBodyChangesNothing() {
    var change = read("{}");
    assertValid();
    assertNull(change.identifier());
    assertFalse(change.familyGiven());
    assertNull(change.family());
    assertNull(change.categories());
    assertNull(change.enabled());
    assertEquals(Map.of(), change.values());
    assertNull(change.identifierValue());
  }

  @Test
  void readsEveryField() {
    var change =
        read(
            """
        {'identifier': 'tee-1', 'family': 'clothing', 'categories': ['men', 'summer'], 'enabled': false,
         'values': {'name': [{'locale': 'en_US', 'scope': null, 'data': 'Tee'}]}}""");
    assertValid();
    assertEquals("tee-1", change.identifier());
    assertTrue(change.familyGiven());
    assertEquals("clothing", change.family());
    assertEquals(List.of("men", "summer"), change.categories());
    assertEquals(Boolean.FALSE, change.enabled());
    assertEquals(Map.of(new ValueKey("name", EN, null), json("'Tee'")), change.values());
  }

  @Test
  void valuesAreNormalised() {
    var change =
        read(
            "{'values': {'price': [{'locale': null, 'scope': null, 'data': [{'amount': 29.9, 'currency': 'EUR'}]}]}}");
    assertValid();
    assertEquals(
        json("[{'amount': '29.90', 'currency': 'EUR'}]"),
        change.values().get(new ValueKey("price", null, null)));
  }

  @Test
  void emptyDataRemovesTheValue() {
    var change =
        read(
            "{'values': {'name': [{'locale': 'en_US', 'scope': null, 'data': ''}, {'locale': 'fr_FR', 'scope': null, 'data': null}]}}");
    assertValid();
    assertSame(JsonValue.NULL, change.values().get(new ValueKey("name", EN, null)));
    assertSame(JsonValue.NULL, change.values().get(new ValueKey("name", FR, null)));
  }

  @Test
  void createdAndUpdatedAreIgnored() {
    read(
        "{'identifier': 'x', 'created': '2024-01-01T00:00:00Z', 'updated': '2024-01-02T00:00:00Z'}");
    assertValid();
  }

  @Test
  void unknownTopLevelFieldIsRefusedListingTheKnownOnes() {
    read("{'identifier': 'x', 'colour': 'red'}");
    assertOnly(
        Violation.of(
            "colour",
            "is not a field of a product; known fields are identifier, family, categories, enabled, parent, values, associations, quantified_associations."));
  }

  @Test
  void everyUnknownFieldIsReported() {
    read("{'a': 1, 'b': 2}");
    assertEquals(List.of("a", "b"), violations.list().stream().map(Violation::property).toList());
  }

  @Test
  void identifierMustBeAString() {
    var change = read("{'identifier': 12}");
    assertOnly(Violation.of("identifier", "must be a string, not a number."));
    assertNull(change.identifier());
  }

  @Test
  void enabledMustBeABoolean() {
    read("{'enabled': 'yes'}");
    assertOnly(Violation.of("enabled", "must be true or false, not a string."));
  }

  @Test
  void enabledTrue() {
    assertEquals(Boolean.TRUE, read("{'enabled': true}").enabled());
  }

  @Test
  void familyMustBeACode() {
    read("{'family': 'summer clothes'}");
    assertOnly(
        Violation.of(
            "family",
            "may contain only letters, digits and underscores ('summer clothes' does not)."));
  }

  @Test
  void familyMustExist() {
    var change = read("{'family': 'furniture'}");
    assertOnly(Violation.of("family", "there is no family 'furniture'."));
    assertEquals("furniture", change.family());
  }

  @Test
  void familyNullIsGivenAndRemovesTheFamily() {
    var change = read("{'family': null}");
    assertValid();
    assertTrue(change.familyGiven());
    assertNull(change.family());
  }

  @Test
  void familyAbsentIsNotGiven() {
    assertFalse(read("{'identifier': 'x'}").familyGiven());
  }

  @Test
  void categoriesNullIsAnEmptyList() {
    var change = read("{'categories': null}");
    assertValid();
    assertEquals(List.of(), change.categories());
  }

  @Test
  void categoriesAbsentAreKept() {
    assertNull(read("{'enabled': true}").categories());
  }

  @Test
  void categoriesMustBeAList() {
    read("{'categories': 'men'}");
    assertOnly(Violation.of("categories", "must be a list, not a string."));
  }

  @Test
  void categoryListedTwiceIsRefused() {
    read("{'categories': ['men', 'men']}");
    assertOnly(Violation.of("categories[1]", "'men' is listed twice."));
  }

  @Test
  void valuesMustBeAnObject() {
    read("{'values': [{'name': 'x'}]}");
    assertOnly(Violation.of("values", "must be an object, not a list."));
  }

  @Test
  void attributeValuesMustBeAList() {
    read("{'values': {'name': {'locale': 'en_US', 'scope': null, 'data': 'Tee'}}}");
    assertOnly(
        Violation.of(
            "name",
            "must be a list of values such as [{\"locale\": null, \"scope\": null, \"data\": …}], not an object."));
  }

  @Test
  void valueEntryMustBeAnObject() {
    read("{'values': {'name': ['Tee']}}");
    assertOnly(
        Violation.of(
            "name", "each value must be an object with locale, scope and data, not a string."));
  }

  @Test
  void valueEntryNeedsData() {
    var change = read("{'values': {'name': [{'locale': 'en_US', 'scope': null}]}}");
    assertOnly(
        new Violation(
            "name", EN, null, "data is required; send \"data\": null to remove the value."));
    assertEquals(Map.of(), change.values());
  }

  @Test
  void valueEntryUnknownFieldIsRefused() {
    read(
        "{'values': {'name': [{'locale': 'en_US', 'scope': null, 'data': 'Tee', 'channel': 'ecommerce'}]}}");
    assertOnly(
        new Violation(
            "name",
            EN,
            null,
            "'channel' is not part of a value; a value has locale, scope and data."));
  }

  @Test
  void valueEntryLocaleMustBeText() {
    read("{'values': {'stock': [{'locale': 1, 'scope': null, 'data': 3}]}}");
    assertOnly(Violation.of("stock", "locale must be a code or null, not a number."));
  }

  @Test
  void valueEntryScopeMustBeText() {
    read("{'values': {'stock': [{'locale': null, 'scope': ['ecommerce'], 'data': 3}]}}");
    assertOnly(Violation.of("stock", "scope must be a code or null, not a list."));
  }

  @Test
  void absentLocaleAndScopeAreNull() {
    var change = read("{'values': {'stock': [{'data': 3}]}}");
    assertValid();
    assertEquals(json("3"), change.values().get(new ValueKey("stock", null, null)));
  }

  @Test
  void sameLocaleAndScopeTwiceIsRefused() {
    var change =
        read(
            """
        {'values': {'description': [
          {'locale': 'en_US', 'scope': 'ecommerce', 'data': 'a'},
          {'locale': 'en_US', 'scope': 'ecommerce', 'data': 'b'}]}}""");
    assertOnly(
        new Violation(
            "description", EN, ECOMMERCE, "is given twice for the same locale and scope."));
    assertEquals(json("'a'"), change.values().get(new ValueKey("description", EN, ECOMMERCE)));
  }

  @Test
  void sameLocaleInTwoScopesIsFine() {
    var change =
        read(
            """
        {'values': {'description': [
          {'locale': 'fr_FR', 'scope': 'ecommerce', 'data': 'a'},
          {'locale': 'fr_FR', 'scope': 'print', 'data': 'b'}]}}""");
    assertValid();
    assertEquals(2, change.values().size());
  }

  @Test
  void unknownAttributeIsRefused() {
    read("{'values': {'colour': [{'locale': null, 'scope': null, 'data': 'red'}]}}");
    assertOnly(Violation.of("colour", "there is no attribute 'colour'."));
  }

  @Test
  void invalidValueIsLeftOut() {
    var change =
        read(
            "{'values': {'stock': [{'locale': null, 'scope': null, 'data': 'many'}], 'color': [{'data': 'red'}]}}");
    assertOnly(Violation.of("stock", "must be a number, not a string."));
    assertEquals(Map.of(new ValueKey("color", null, null), json("'red'")), change.values());
  }

  @Test
  void problemsOfEveryFieldAndValueAreReportedTogether() {
    read(
        "{'identifier': 1, 'enabled': 0, 'colour': 1, 'values': {'nope': [], 'stock': [{'data': -1}]}}");
    assertEquals(
        List.of("identifier", "enabled", "colour", "nope", "stock"),
        violations.list().stream().map(Violation::property).toList());
  }

  @Test
  void identifierValueIsAcceptedAsASingleUnlocalizedValue() {
    var change =
        read(
            "{'identifier': 'tee-1', 'values': {'sku': [{'locale': null, 'scope': null, 'data': 'tee-1'}]}}");
    assertValid();
    assertEquals("tee-1", change.identifierValue());
    assertEquals(Map.of(), change.values(), "the identifier is not kept as a value");
  }

  @Test
  void identifierValueWithoutLocaleAndScopeFields() {
    assertEquals("tee-1", read("{'values': {'sku': [{'data': 'tee-1'}]}}").identifierValue());
    assertValid();
  }

  @Test
  void identifierValueWithALocaleIsRefused() {
    var change = read("{'values': {'sku': [{'locale': 'en_US', 'scope': null, 'data': 'tee-1'}]}}");
    assertOnly(Violation.of("sku", "is the identifier: set it with the identifier field."));
    assertNull(change.identifierValue());
  }

  @Test
  void identifierValueWithAScopeIsRefused() {
    read("{'values': {'sku': [{'locale': null, 'scope': 'ecommerce', 'data': 'tee-1'}]}}");
    assertOnly(Violation.of("sku", "is the identifier: set it with the identifier field."));
  }

  @Test
  void identifierGivenTwiceAsValuesIsRefused() {
    read(
        "{'values': {'sku': [{'locale': null, 'scope': null, 'data': 'a'}, {'locale': null, 'scope': null, 'data': 'a'}]}}");
    assertOnly(Violation.of("sku", "is the identifier: set it with the identifier field."));
  }

  @Test
  void identifierValueMustBeText() {
    read("{'values': {'sku': [{'locale': null, 'scope': null, 'data': 12}]}}");
    assertOnly(Violation.of("sku", "is the identifier: set it with the identifier field."));
  }

  @Test
  void identifierValueNotInAListIsRefused() {
    read("{'values': {'sku': 'tee-1'}}");
    assertOnly(Violation.of("sku", "is the identifier: set it with the identifier field."));
  }

  @Test
  void emptyValuesObjectIsNoChange() {
    var change = read("{'values': {}}");
    assertValid();
    assertEquals(Map.of(), change.values());
  }
}
