package io.vitrine.product;

import static io.vitrine.testing.TestCatalog.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductsIT extends VitrineIT {

  private static TestCatalog catalog;
  private TestCatalog c;

  @BeforeEach
  void catalog() {
    if (catalog == null) {
      catalog = TestCatalog.create(api);
      TestCatalog.asset(api, "tee_front");
      TestCatalog.asset(api, "tee_back");
    }
    c = catalog;
  }

  private String values(String... attributeAndEntries) {
    var json = new StringBuilder("{");
    for (int i = 0; i < attributeAndEntries.length; i += 2) {
      json.append(i == 0 ? "" : ",")
          .append('"')
          .append(attributeAndEntries[i])
          .append("\":[")
          .append(attributeAndEntries[i + 1])
          .append(']');
    }
    return json.append('}').toString();
  }

  private String product(String identifier, String values) {
    return "{\"identifier\":\""
        + identifier
        + "\",\"family\":\""
        + c.family
        + "\",\"categories\":[\""
        + c.leaf
        + "\"],\"values\":"
        + values
        + "}";
  }

  private JsonObject valueOf(JsonObject product, String attribute, int index) {
    return product.getJsonObject("values").getJsonArray(attribute).getJsonObject(index);
  }

  @Test
  void aProductIsCreatedWithNormalisedValuesAndReadBack() {
    String sku = unique("TEE");
    String body =
        product(
            sku,
            values(
                c.name,
                    value("en_US", null, "\"Crew tee\"")
                        + ","
                        + value("fr_FR", null, "\"T-shirt\""),
                c.description,
                    value(
                        "en_US",
                        c.channel,
                        "\"<p onclick=\\\"steal()\\\">Soft <strong>cotton</strong></p><script>alert(1)</script>\""),
                c.color, value(null, null, "\"NAVY\""),
                c.materials, value(null, null, "[\"linen\",\"Cotton\",\"LINEN\"]"),
                c.weight, value(null, null, "{\"amount\":\"0.2500\",\"unit\":\"GRAM\"}"),
                c.price,
                    value(
                        null,
                        null,
                        "[{\"amount\":\"29.9\",\"currency\":\"USD\"},{\"amount\":27,\"currency\":\"EUR\"}]"),
                c.quantity, value(null, null, "\"12\""),
                c.released, value(null, null, "\"2026-03-14\""),
                c.organic, value(null, null, "true"),
                c.images, value(null, null, "[\"tee_front\",\"tee_back\"]")));
    var created = api.post("api/v1/products", body);
    assertStatus(201, created);
    assertEquals("\"1\"", etag(created));
    assertTrue(
        created.header("Location").orElse("").endsWith("/api/v1/products/" + sku),
        created::toString);
    JsonObject product = api.get("api/v1/products/" + sku).json();
    assertEquals(created.json(), product);
    assertEquals(c.family, product.getString("family"));
    assertTrue(product.getBoolean("enabled"));
    assertEquals(
        "<p>Soft <strong>cotton</strong></p>",
        valueOf(product, c.description, 0).getString("data"),
        "rich text is cleaned");
    assertEquals(
        "navy",
        valueOf(product, c.color, 0).getString("data"),
        "options match without regard to case");
    assertEquals(
        "[\"linen\",\"cotton\"]", valueOf(product, c.materials, 0).getJsonArray("data").toString());
    assertEquals(
        "{\"amount\":\"0.25\",\"unit\":\"GRAM\"}",
        valueOf(product, c.weight, 0).getJsonObject("data").toString());
    assertEquals(
        "[{\"amount\":\"27.00\",\"currency\":\"EUR\"},{\"amount\":\"29.90\",\"currency\":\"USD\"}]",
        valueOf(product, c.price, 0).getJsonArray("data").toString(),
        "prices are sorted by currency and keep the currency's decimals");
    assertEquals(12, valueOf(product, c.quantity, 0).getInt("data"));
    assertEquals(
        "en_US", valueOf(product, c.name, 0).getString("locale"), "entries ordered by locale");
    assertFalse(product.getString("created").isBlank());
  }

  @Test
  void identifiersAreUniqueWithoutRegardToCaseAndFoundThatWay() {
    String sku = unique("Case");
    assertStatus(201, api.post("api/v1/products", product(sku, "{}")));
    assertProblem(
        409, "already-exists", api.post("api/v1/products", product(sku.toUpperCase(), "{}")));
    var found = api.get("api/v1/products/" + sku.toLowerCase());
    assertStatus(200, found);
    assertEquals(sku, found.json().getString("identifier"), "the identifier keeps its case");
  }

  @Test
  void patchMergesValuesPerAttributeLocaleAndScope() {
    String sku = unique("MERGE");
    api.post(
        "api/v1/products",
        product(
            sku,
            values(
                c.name,
                value("en_US", null, "\"English\"") + "," + value("fr_FR", null, "\"Français\""),
                c.quantity,
                value(null, null, "5"))));
    var patched =
        api.patch(
            "api/v1/products/" + sku,
            "{\"values\":"
                + values(
                    c.name, value("fr_FR", null, "\"Nouveau\""),
                    c.quantity, value(null, null, "null"),
                    c.organic, value(null, null, "false"))
                + "}");
    assertStatus(200, patched);
    JsonObject values = patched.json().getJsonObject("values");
    assertEquals(
        "English",
        values.getJsonArray(c.name).getJsonObject(0).getString("data"),
        "other locales stay");
    assertEquals("Nouveau", values.getJsonArray(c.name).getJsonObject(1).getString("data"));
    assertFalse(values.containsKey(c.quantity), "null data removes a value");
    assertFalse(values.getJsonArray(c.organic).getJsonObject(0).getBoolean("data"));
    assertEquals(
        List.of(c.leaf),
        List.of(patched.json().getJsonArray("categories").getString(0)),
        "absent fields stay");
    assertEquals("\"2\"", etag(patched));
  }

  @Test
  void anEmptyValueClearsIt() {
    String sku = unique("EMPTY");
    api.post("api/v1/products", product(sku, values(c.materials, value(null, null, "[\"wool\"]"))));
    var cleared =
        api.patch(
            "api/v1/products/" + sku,
            "{\"values\":" + values(c.materials, value(null, null, "[]")) + "}");
    assertFalse(cleared.json().getJsonObject("values").containsKey(c.materials), cleared::toString);
  }

  @Test
  void everyViolationIsListedWithAttributeLocaleAndScope() {
    String sku = unique("BAD");
    var response =
        api.post(
            "api/v1/products",
            product(
                sku,
                values(
                    c.name,
                    value("en_US", null, "\"" + "x".repeat(41) + "\"")
                        + ","
                        + value(null, null, "\"no locale\"")
                        + ","
                        + value("de_DE", null, "\"inactive\""),
                    c.description,
                    value("fr_FR", null, "\"no scope\"")
                        + ","
                        + value(
                            "en_US",
                            "ecommerce",
                            "\"en_US is on ecommerce but ecommerce is fine\""),
                    c.color,
                    value(null, null, "\"purple\""),
                    c.materials,
                    value(null, null, "\"cotton\""),
                    c.weight,
                    value(null, null, "{\"amount\":\"60\",\"unit\":\"KILOGRAM\"}"),
                    c.price,
                    value(
                        null,
                        null,
                        "[{\"amount\":\"-1\",\"currency\":\"EUR\"},{\"amount\":\"5\",\"currency\":\"CHF\"}]"),
                    c.ean,
                    value(null, null, "\"123\""),
                    c.quantity,
                    value(null, null, "1.5"),
                    c.released,
                    value(null, null, "\"1999-12-31\""),
                    c.organic,
                    value(null, null, "\"yes\""),
                    c.images,
                    value("en_US", null, "[\"a\"]"),
                    "no_such_attribute",
                    value(null, null, "1"))));
    assertViolation(response, c.name, "en_US", null, "41 characters long; at most 40");
    assertViolation(response, c.name, null, null, "needs a locale");
    assertViolation(response, c.name, "de_DE", null, "not active");
    assertViolation(response, c.description, "fr_FR", null, "needs a scope");
    assertViolation(response, c.color, null, null, "'purple' is not an option");
    assertViolation(response, c.materials, null, null, "must be a list of option codes");
    assertViolation(response, c.weight, null, null, "at most 50 KILOGRAM");
    assertViolation(response, c.price, null, null, "must not be negative");
    assertViolation(response, c.price, null, null, "'CHF' is not active");
    assertViolation(response, c.ean, null, null, "does not match the pattern");
    assertViolation(response, c.quantity, null, null, "whole number");
    assertViolation(response, c.released, null, null, "on or after 2000-01-01");
    assertViolation(response, c.organic, null, null, "true or false");
    assertViolation(response, c.images, "en_US", null, "not localizable");
    assertViolation(response, "no_such_attribute", null, null, "no attribute");
    assertProblem(404, "not-found", api.get("api/v1/products/" + sku));
  }

  @Test
  void aMetricIsCheckedInItsFamilysDefaultUnit() {
    String sku = unique("KG");
    var grams =
        api.post(
            "api/v1/products",
            product(
                sku,
                values(c.weight, value(null, null, "{\"amount\":\"51000\",\"unit\":\"GRAM\"}"))));
    assertViolation(grams, c.weight, null, null, "at most 50 KILOGRAM");
    var pounds =
        api.post(
            "api/v1/products",
            product(
                sku,
                values(c.weight, value(null, null, "{\"amount\":\"100\",\"unit\":\"POUND\"}"))));
    assertStatus(201, pounds);
  }

  @Test
  void valuesMustBelongToTheFamily() {
    String loose = unique("loose");
    assertStatus(
        201, api.post("api/v1/attributes", "{\"code\":\"" + loose + "\",\"type\":\"boolean\"}"));
    String sku = unique("FAM");
    var response =
        api.post("api/v1/products", product(sku, values(loose, value(null, null, "true"))));
    assertViolation(response, loose, null, null, "not an attribute of the family");
    var familyLess =
        api.post(
            "api/v1/products",
            "{\"identifier\":\""
                + sku
                + "\",\"values\":"
                + values(loose, value(null, null, "true"))
                + "}");
    assertStatus(201, familyLess);
    var moved = api.patch("api/v1/products/" + sku, "{\"family\":\"" + c.family + "\"}");
    assertViolation(moved, loose, null, null, "remove the value (data null) to move the product");
    var both =
        api.patch(
            "api/v1/products/" + sku,
            "{\"family\":\""
                + c.family
                + "\",\"values\":"
                + values(loose, value(null, null, "null"))
                + "}");
    assertStatus(200, both);
  }

  @Test
  void uniqueValuesAreUniqueAcrossProducts() {
    String ean = "40" + System.nanoTime() % 100_000_000_000L;
    ean = (ean + "0000000000000").substring(0, 13);
    String first = unique("U1");
    assertStatus(
        201,
        api.post(
            "api/v1/products",
            product(first, values(c.ean, value(null, null, "\"" + ean + "\"")))));
    String second = unique("U2");
    var taken =
        api.post(
            "api/v1/products",
            product(second, values(c.ean, value(null, null, "\"" + ean + "\""))));
    assertViolation(
        taken, c.ean, null, null, "already the " + c.ean + " of the product '" + first + "'");
    api.patch(
        "api/v1/products/" + first,
        "{\"values\":" + values(c.ean, value(null, null, "null")) + "}");
    assertStatus(
        201,
        api.post(
            "api/v1/products",
            product(second, values(c.ean, value(null, null, "\"" + ean + "\"")))));
  }

  @Test
  void unknownFieldsAndCategoriesAreRefused() {
    var response =
        api.post(
            "api/v1/products",
            "{\"identifier\":\""
                + unique("X")
                + "\",\"family\":\"no_family\",\"categories\":[\"no_category\"],\"colour\":\"red\",\"enabled\":\"yes\"}");
    assertViolation(response, "family", "no family 'no_family'");
    assertViolation(response, "categories[0]", "no category 'no_category'");
    assertViolation(response, "colour", "not a field of a product");
    assertViolation(response, "enabled", "true or false");
  }

  @Test
  void identifiersAreCheckedAndARenameKeepsTheProduct() {
    assertViolation(
        api.post("api/v1/products", "{\"identifier\":\"a/b\"}"), "identifier", "must not contain");
    assertViolation(
        api.post("api/v1/products", "{\"identifier\":\"a\\\\b\"}"),
        "identifier",
        "must not contain");
    assertViolation(
        api.post("api/v1/products", "{\"identifier\":\" padded \"}"), "identifier", "spaces");
    assertViolation(
        api.post("api/v1/products", "{\"family\":\"" + c.family + "\"}"),
        "identifier",
        "is required");
    String sku = unique("OLD");
    api.post("api/v1/products", product(sku, "{}"));
    String renamed = unique("NEW");
    var response = api.patch("api/v1/products/" + sku, "{\"identifier\":\"" + renamed + "\"}");
    assertStatus(200, response);
    assertProblem(404, "not-found", api.get("api/v1/products/" + sku));
    assertEquals(c.family, api.get("api/v1/products/" + renamed).json().getString("family"));
    var other = unique("OTHER");
    api.post("api/v1/products", product(other, "{}"));
    assertViolation(
        api.patch("api/v1/products/" + other, "{\"identifier\":\"" + renamed + "\"}"),
        "identifier",
        "already the identifier");
  }

  @Test
  void versionsGuardWritesAndReads() {
    String sku = unique("VER");
    var created = api.post("api/v1/products", product(sku, "{}"));
    var first =
        api.patch("api/v1/products/" + sku, "{\"enabled\":false}", "If-Match", etag(created));
    assertStatus(200, first);
    var stale =
        api.patch("api/v1/products/" + sku, "{\"enabled\":true}", "If-Match", etag(created));
    assertProblem(412, "precondition-failed", stale);
    assertFalse(
        api.get("api/v1/products/" + sku).json().getBoolean("enabled"),
        "the stale write changed nothing");
    assertStatus(304, api.get("api/v1/products/" + sku, "If-None-Match", etag(first)));
    assertProblem(
        412,
        "precondition-failed",
        api.delete("api/v1/products/" + sku, "If-Match", etag(created)));
    assertProblem(
        412,
        "precondition-failed",
        api.patch("api/v1/products/" + unique("NONE"), "{}", "If-Match", "\"1\""));
    assertStatus(204, api.delete("api/v1/products/" + sku, "If-Match", etag(first)));
    assertProblem(404, "not-found", api.delete("api/v1/products/" + sku));
  }

  @Test
  void anUnchangedPatchWritesNothing() {
    String sku = unique("SAME");
    api.post("api/v1/products", product(sku, values(c.organic, value(null, null, "true"))));
    String before = lastEvent();
    var again =
        api.patch(
            "api/v1/products/" + sku.toLowerCase(),
            "{\"values\":" + values(c.organic, value(null, null, "true")) + "}");
    assertStatus(200, again);
    assertEquals("\"1\"", etag(again));
    assertEquals(sku, again.json().getString("identifier"), "the address's case does not rename");
    // Only this product's events: background jobs of other tests write events of their own.
    assertEquals(
        List.of(),
        eventsAfter(before).stream().filter(e -> e.getString("entity_code").equals(sku)).toList());
  }

  @Test
  void everyWriteRecordsOneChangeEventAndRefusedWritesNone() {
    String sku = unique("EVT");
    String start = lastEvent();
    api.post("api/v1/products", product(sku, "{}"));
    api.patch("api/v1/products/" + sku, "{\"enabled\":false}");
    api.patch("api/v1/products/" + sku, "{\"family\":\"no_such_family\"}");
    api.delete("api/v1/products/" + sku);
    List<JsonObject> mine = new ArrayList<>();
    for (JsonObject event : eventsAfter(start)) {
      if (event.getString("entity_code").equals(sku)) {
        mine.add(event);
      }
    }
    assertEquals(
        List.of("created", "updated", "deleted"),
        mine.stream().map(e -> e.getString("action")).toList(),
        mine::toString);
    assertEquals(List.of(1, 2, 3), mine.stream().map(e -> e.getInt("version")).toList());
    assertEquals("product", mine.get(0).getString("entity_type"));
    long previous = 0;
    for (JsonObject event : mine) {
      assertTrue(event.getJsonNumber("seq").longValue() > previous);
      previous = event.getJsonNumber("seq").longValue();
    }
  }

  /** Reads the event log to its end: every page links on, an empty page means caught up. */
  private String lastEvent() {
    String next = "api/v1/events?limit=100";
    String last = null;
    while (true) {
      JsonObject page = api.get(next).json();
      JsonArray items = page.getJsonObject("_embedded").getJsonArray("items");
      if (items.isEmpty()) {
        return last;
      }
      last = items.getJsonObject(items.size() - 1).toString();
      next = page.getJsonObject("_links").getJsonObject("next").getString("href");
    }
  }

  private List<JsonObject> eventsAfter(String lastEventJson) {
    long seq =
        jakarta.json.Json.createReader(new java.io.StringReader(lastEventJson))
            .readObject()
            .getJsonNumber("seq")
            .longValue();
    String cursor =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(Long.toString(seq).getBytes());
    List<JsonObject> events = new ArrayList<>();
    String next = "api/v1/events?limit=100&search_after=" + cursor;
    while (true) {
      JsonObject page = api.get(next).json();
      JsonArray items = page.getJsonObject("_embedded").getJsonArray("items");
      if (items.isEmpty()) {
        assertTrue(
            page.getJsonObject("_links").containsKey("next"),
            "an empty page still says where to ask again");
        return events;
      }
      items.forEach(i -> events.add(i.asJsonObject()));
      next = page.getJsonObject("_links").getJsonObject("next").getString("href");
    }
  }

  @Test
  void listsPageThroughEveryProductOnceInIdentifierOrder() {
    String prefix = unique("PAGE");
    List<String> mine = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      String sku = prefix + "-" + (char) ('a' + i);
      api.post("api/v1/products", product(sku, "{}"));
      mine.add(sku);
    }
    List<String> seen = new ArrayList<>();
    String next = "api/v1/products?limit=7";
    String previous = "";
    while (next != null) {
      Api.Response page = api.get(next);
      assertStatus(200, page);
      JsonObject json = page.json();
      for (var item : json.getJsonObject("_embedded").getJsonArray("items")) {
        String identifier = item.asJsonObject().getString("identifier");
        assertTrue(
            identifier.toLowerCase().compareTo(previous) > 0,
            "ordered: " + previous + " then " + identifier);
        previous = identifier.toLowerCase();
        if (identifier.startsWith(prefix)) {
          seen.add(identifier);
        }
      }
      JsonObject links = json.getJsonObject("_links");
      next = links.containsKey("next") ? links.getJsonObject("next").getString("href") : null;
    }
    assertEquals(mine, seen);
  }

  @Test
  void identifiersWithUrlCharactersAreAddressable() {
    for (String sku : List.of(unique("A{x}"), unique("A%41"), unique("a b?c#d"))) {
      var created = api.post("api/v1/products", product(sku, "{}"));
      assertStatus(201, created);
      String location = created.header("Location").orElseThrow();
      var found = api.get(location.substring(location.indexOf("api/v1/")));
      assertStatus(200, found);
      assertEquals(sku, found.json().getString("identifier"));
    }
  }

  @Test
  void oversizedInputIsRefusedQuicklyAndClearly() {
    String sku = unique("BIG");
    var longNumber =
        api.post(
            "api/v1/products",
            product(
                sku, values(c.quantity, value(null, null, "\"1" + "0".repeat(200_000) + "\""))));
    assertViolation(longNumber, c.quantity, null, null, "too long");
    var longJsonNumber =
        api.post(
            "api/v1/products",
            product(sku, values(c.quantity, value(null, null, "1" + "0".repeat(5_000)))));
    assertTrue(
        longJsonNumber.status() == 400 || longJsonNumber.status() == 422, longJsonNumber::toString);
    var codes = new StringBuilder("[");
    for (int i = 0; i < 1001; i++) {
      codes.append(i == 0 ? "" : ",").append("\"o").append(i).append('"');
    }
    var manyOptions =
        api.post(
            "api/v1/products", product(sku, values(c.materials, value(null, null, codes + "]"))));
    assertViolation(manyOptions, c.materials, null, null, "at most 1000");
    var manyCategories =
        api.post(
            "api/v1/products", "{\"identifier\":\"" + sku + "\",\"categories\":" + codes + "]}");
    assertViolation(manyCategories, "categories", "at most 1000");
    var manyValues = new StringBuilder("{");
    for (int i = 0; i < 150; i++) {
      manyValues
          .append(i == 0 ? "" : ",")
          .append("\"nope")
          .append(i)
          .append("\":[")
          .append(value(null, null, "1"))
          .append(']');
    }
    var manyViolations = api.post("api/v1/products", product(sku, manyValues + "}"));
    JsonObject problem = assertProblem(422, "validation-failed", manyViolations);
    assertEquals(100, problem.getJsonArray("errors").size());
    assertEquals(150, problem.getInt("errors_total"));
    assertProblem(404, "not-found", api.get("api/v1/products/" + sku));
  }
}
