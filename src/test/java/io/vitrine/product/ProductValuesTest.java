package io.vitrine.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProductValuesTest {

  private static final long SEED = Long.getLong("tests.seed", 0x5EED_7E57L);

  private static JsonValue json(String singleQuoted) {
    try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
      return reader.readValue();
    }
  }

  private static ValueKey key(String attribute, String locale, String scope) {
    return new ValueKey(attribute, locale, scope);
  }

  private static ProductValues values(Object... keysAndData) {
    Map<ValueKey, JsonValue> map = new HashMap<>();
    for (int i = 0; i < keysAndData.length; i += 2) {
      map.put((ValueKey) keysAndData[i], json((String) keysAndData[i + 1]));
    }
    return ProductValues.of(map);
  }

  private static Map<ValueKey, JsonValue> changes(Object... keysAndData) {
    Map<ValueKey, JsonValue> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndData.length; i += 2) {
      map.put(
          (ValueKey) keysAndData[i],
          keysAndData[i + 1] == null ? null : json((String) keysAndData[i + 1]));
    }
    return map;
  }

  @Test
  void mergeReplacesTheValueOfTheSameAttributeLocaleAndScope() {
    var before =
        values(key("name", "en_US", null), "'Tee'", key("name", "fr_FR", null), "'T-shirt'");
    var after = before.merge(changes(key("name", "en_US", null), "'Cotton tee'"));
    assertEquals(
        values(key("name", "en_US", null), "'Cotton tee'", key("name", "fr_FR", null), "'T-shirt'"),
        after);
  }

  @Test
  void mergeKeepsValuesNotMentioned() {
    var before = values(key("name", "en_US", null), "'Tee'", key("stock", null, null), "3");
    var after = before.merge(changes(key("stock", null, null), "4"));
    assertEquals(json("'Tee'"), after.get(key("name", "en_US", null)));
    assertEquals(json("4"), after.get(key("stock", null, null)));
  }

  @Test
  void mergeAddsNewKeys() {
    var before = values(key("name", "en_US", null), "'Tee'");
    var after =
        before.merge(
            changes(key("name", "fr_FR", null), "'T-shirt'", key("color", null, null), "'red'"));
    assertEquals(3, after.size());
    assertEquals(json("'T-shirt'"), after.get(key("name", "fr_FR", null)));
  }

  @Test
  void mergeWithJsonNullRemoves() {
    var before =
        values(key("name", "en_US", null), "'Tee'", key("name", "fr_FR", null), "'T-shirt'");
    var after = before.merge(changes(key("name", "fr_FR", null), "null"));
    assertEquals(values(key("name", "en_US", null), "'Tee'"), after);
  }

  @Test
  void mergeWithJavaNullRemoves() {
    var before = values(key("name", "en_US", null), "'Tee'");
    var after = before.merge(changes(key("name", "en_US", null), null));
    assertTrue(after.isEmpty());
  }

  @Test
  void removingAnAbsentValueChangesNothing() {
    var before = values(key("name", "en_US", null), "'Tee'");
    assertEquals(before, before.merge(changes(key("name", "de_DE", null), "null")));
  }

  @Test
  void keysDifferingOnlyInScopeAreDistinct() {
    var before =
        values(
            key("description", "en_US", "ecommerce"),
            "'web'",
            key("description", "en_US", "print"),
            "'paper'");
    var after = before.merge(changes(key("description", "en_US", "print"), "'catalogue'"));
    assertEquals(json("'web'"), after.get(key("description", "en_US", "ecommerce")));
    assertEquals(json("'catalogue'"), after.get(key("description", "en_US", "print")));
  }

  @Test
  void nullLocaleIsNotTheSameKeyAsALocale() {
    var before = values(key("name", null, null), "'any'");
    var after = before.merge(changes(key("name", "en_US", null), "'Tee'"));
    assertEquals(2, after.size());
  }

  @Test
  void mergeLeavesTheOriginalUnchanged() {
    var before = values(key("name", "en_US", null), "'Tee'");
    before.merge(changes(key("name", "en_US", null), "null", key("stock", null, null), "1"));
    assertEquals(values(key("name", "en_US", null), "'Tee'"), before);
  }

  @Test
  void mergeOfNothingIsEqual() {
    var before = values(key("name", "en_US", null), "'Tee'");
    assertEquals(before, before.merge(Map.of()));
  }

  @Test
  void valuesCannotBeChangedThroughTheMap() {
    var values = values(key("name", "en_US", null), "'Tee'");
    assertThrows(
        UnsupportedOperationException.class,
        () -> values.asMap().put(key("x", null, null), JsonValue.TRUE));
  }

  @Test
  void ofCopiesTheMap() {
    Map<ValueKey, JsonValue> source = new HashMap<>();
    source.put(key("stock", null, null), json("1"));
    var values = ProductValues.of(source);
    source.put(key("stock", null, null), json("2"));
    assertEquals(json("1"), values.get(key("stock", null, null)));
  }

  @Test
  void toJsonSortsAttributes() {
    var values =
        values(
            key("weight", null, null),
            "{'amount': '1', 'unit': 'GRAM'}",
            key("color", null, null),
            "'red'",
            key("name", "en_US", null),
            "'Tee'");
    assertEquals(List.of("color", "name", "weight"), new ArrayList<>(values.toJson().keySet()));
  }

  @Test
  void toJsonOrdersEntriesByScopeThenLocaleNullsFirst() {
    var values =
        values(
            key("description", "fr_FR", "print"), "'d'",
            key("description", "fr_FR", "ecommerce"), "'c'",
            key("description", null, null), "'a'",
            key("description", "en_US", "ecommerce"), "'b'",
            key("description", "en_US", null), "'a2'",
            key("description", null, "ecommerce"), "'a3'");
    var entries = values.toJson().getJsonArray("description");
    assertEquals(
        List.of(
            "null/null",
            "en_US/null",
            "null/ecommerce",
            "en_US/ecommerce",
            "fr_FR/ecommerce",
            "fr_FR/print"),
        entries.getValuesAs(JsonObject.class).stream()
            .map(e -> text(e.get("locale")) + "/" + text(e.get("scope")))
            .toList());
  }

  private static String text(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.NULL
        ? "null"
        : ((jakarta.json.JsonString) value).getString();
  }

  @Test
  void toJsonIsTheStandardFormat() {
    var values = values(key("name", "en_US", null), "'Tee'", key("stock", null, null), "3");
    assertEquals(
        json(
            "{'name': [{'locale': 'en_US', 'scope': null, 'data': 'Tee'}], 'stock': [{'locale': null, 'scope': null, 'data': 3}]}"),
        values.toJson());
  }

  @Test
  void toJsonWritesLocaleScopeAndDataInThatOrder() {
    var values = values(key("description", "en_US", "ecommerce"), "'x'");
    assertEquals(
        "{\"description\":[{\"locale\":\"en_US\",\"scope\":\"ecommerce\",\"data\":\"x\"}]}",
        values.toJson().toString());
  }

  @Test
  void emptyValuesAreAnEmptyObject() {
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, ProductValues.EMPTY.toJson());
    assertTrue(ProductValues.EMPTY.isEmpty());
    assertEquals(0, ProductValues.EMPTY.size());
  }

  @Test
  void parseReadsWhatToJsonWrote() {
    var values =
        values(
            key("name", "en_US", null), "'Tee'",
            key("description", "fr_FR", "print"), "'<p>x</p>'",
            key("price", null, null), "[{'amount': '29.90', 'currency': 'EUR'}]",
            key("weight", null, null), "{'amount': '0.25', 'unit': 'KILOGRAM'}",
            key("waterproof", null, null), "false",
            key("stock", null, null), "12",
            key("sizes", null, null), "['s', 'm']");
    var parsed = ProductValues.parse(values.toJson().toString());
    assertEquals(values, parsed);
    assertEquals(values.hashCode(), parsed.hashCode());
    assertEquals(values.toJson(), parsed.toJson());
  }

  @Test
  void parseOfNothingIsEmpty() {
    assertSame(ProductValues.EMPTY, ProductValues.parse(null));
    assertSame(ProductValues.EMPTY, ProductValues.parse(""));
    assertSame(ProductValues.EMPTY, ProductValues.parse("  \n"));
    assertTrue(ProductValues.parse("{}").isEmpty());
  }

  @Test
  void standardFormatWithoutLocaleOrScopeReadsThemAsNull() {
    var values = ProductValues.fromStandardFormat(json("{'stock': [{'data': 5}]}").asJsonObject());
    assertEquals(json("5"), values.get(key("stock", null, null)));
  }

  @Test
  void attributesAreSortedAndDistinct() {
    var values =
        values(
            key("name", "fr_FR", null),
            "'a'",
            key("name", "en_US", null),
            "'b'",
            key("color", null, null),
            "'red'");
    assertEquals(List.of("color", "name"), new ArrayList<>(values.attributes()));
  }

  @Test
  void getOfAnAbsentKeyIsNull() {
    assertNull(values(key("name", "en_US", null), "'a'").get(key("name", "fr_FR", null)));
  }

  @Test
  void equalityIgnoresInsertionOrder() {
    var a = values(key("a", null, null), "1", key("b", null, null), "2");
    var b = values(key("b", null, null), "2", key("a", null, null), "1");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, values(key("a", null, null), "1"));
    assertFalse(a.equals("not values"));
  }

  @Test
  void toStringIsTheJson() {
    var values = values(key("stock", null, null), "3");
    assertEquals(values.toJson().toString(), values.toString());
  }

  // ---------------------------------------------------------------- randomized against a model

  private static final List<String> ATTRIBUTES = List.of("a", "b", "c", "d");
  private static final List<String> LOCALES =
      new ArrayList<>(java.util.Arrays.asList(null, "en_US", "fr_FR"));
  private static final List<String> SCOPES =
      new ArrayList<>(java.util.Arrays.asList(null, "ecommerce", "print"));
  private static final List<JsonValue> DATA =
      json("['x', 'y', '', 0, 12, 12.50, -3, true, false, ['s', 'm'], [], "
              + "{'amount': '1', 'unit': 'GRAM'}, [{'amount': '9.90', 'currency': 'EUR'}]]")
          .asJsonArray();

  @Test
  void randomMergesBehaveLikeAMap() {
    for (int run = 0; run < 2; run++) {
      long seed = SEED + run;
      var random = new Random(seed);
      Map<ValueKey, JsonValue> model = new HashMap<>();
      var values = ProductValues.EMPTY;
      for (int step = 0; step < 250; step++) {
        Map<ValueKey, JsonValue> changes = new HashMap<>();
        int size = random.nextInt(5);
        for (int i = 0; i < size; i++) {
          var key = key(pick(random, ATTRIBUTES), pick(random, LOCALES), pick(random, SCOPES));
          int kind = random.nextInt(10);
          JsonValue data = kind == 0 ? null : kind < 3 ? JsonValue.NULL : pick(random, DATA);
          changes.put(key, data);
        }
        changes.forEach(
            (key, data) -> {
              if (data == null || data == JsonValue.NULL) {
                model.remove(key);
              } else {
                model.put(key, data);
              }
            });
        values = values.merge(changes);
        String where =
            "seed " + seed + " (-Dtests.seed=" + SEED + "), step " + step + ", changes " + changes;
        assertEquals(model, values.asMap(), where);
        assertEquals(model.size(), values.size(), where);
        assertEquals(
            new java.util.TreeSet<>(model.keySet().stream().map(ValueKey::attribute).toList()),
            values.attributes(),
            where);
        // JSON checks are sampled: every Json.create* call looks the provider up again, which is
        // slow
        if (step % 25 == 0 || step == 249) {
          assertEquals(values, ProductValues.parse(values.toJson().toString()), where);
          assertInOrder(values.toJson(), where);
        }
      }
    }
  }

  private static void assertInOrder(JsonObject json, String where) {
    var keys = new ArrayList<ValueKey>();
    json.forEach(
        (attribute, entries) ->
            entries
                .asJsonArray()
                .getValuesAs(JsonObject.class)
                .forEach(
                    e ->
                        keys.add(
                            key(attribute, nullable(e.get("locale")), nullable(e.get("scope"))))));
    var sorted = new ArrayList<>(keys);
    sorted.sort(null);
    assertEquals(sorted, keys, "toJson order, " + where);
    assertEquals(Set.copyOf(keys).size(), keys.size(), "no key twice, " + where);
    assertEquals(
        new ArrayList<>(new TreeMap<String, Object>(json).keySet()),
        new ArrayList<>(json.keySet()),
        where);
  }

  private static String nullable(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : ((jakarta.json.JsonString) value).getString();
  }

  private static <T> T pick(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
