package io.vitrine.catalog;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Locales, currencies, measurement families and attribute groups over HTTP. */
class ReferenceDataIT extends VitrineIT {

  @Test
  void commonLocalesAndCurrenciesShipAndAreActiveOnlyWhenAChannelUsesThem() {
    JsonObject french = api.get("api/v1/locales/fr_FR").json();
    assertTrue(french.getBoolean("active"), "fr_FR is used by the sample channels");
    assertEquals("French (France)", french.getJsonObject("labels").getString("en_US"));
    JsonObject japanese = api.get("api/v1/locales/ja_JP").json();
    assertFalse(japanese.getBoolean("active"));
    JsonObject yen = api.get("api/v1/currencies/JPY").json();
    assertEquals(0, yen.getInt("decimals"));
    assertFalse(yen.getBoolean("active"));
  }

  @Test
  void aLocaleIsCreatedReadUpdatedAndDeleted() {
    String code =
        "zz_"
            + (char) ('A' + (int) (Math.random() * 26))
            + (char) ('A' + (int) (Math.random() * 26));
    api.delete("api/v1/locales/" + code);
    var created =
        api.post("api/v1/locales", json("{'code':'" + code + "','labels':{'en_US':'Zedish'}}"));
    assertStatus(201, created);
    assertTrue(
        created.header("Location").orElse("").endsWith("/api/v1/locales/" + code),
        created::toString);
    assertEquals("\"1\"", etag(created));
    var updated =
        api.patch(
            "api/v1/locales/" + code,
            json("{'labels':{'fr_FR':'Zède'}}"),
            "If-Match",
            etag(created));
    assertStatus(200, updated);
    assertEquals(
        json("{'en_US':'Zedish','fr_FR':'Zède'}"),
        updated.json().getJsonObject("labels").toString());
    var unlabelled =
        api.patch("api/v1/locales/" + code, json("{'labels':{'en_US':null,'fr_FR':null}}"));
    assertEquals(
        "{}", unlabelled.json().getJsonObject("labels").toString(), "removed labels stay removed");
    assertStatus(204, api.delete("api/v1/locales/" + code));
    assertProblem(404, "not-found", api.get("api/v1/locales/" + code));
  }

  @Test
  void localeAndCurrencyCodesMustBeWellFormed() {
    assertViolation(
        api.post("api/v1/locales", json("{'code':'english'}")), "code", "language and a country");
    assertViolation(
        api.post("api/v1/currencies", json("{'code':'Euro'}")), "code", "three capital letters");
    assertViolation(
        api.post("api/v1/currencies", json("{'code':'XQZ','decimals':9}")),
        "decimals",
        "between 0 and 6");
  }

  @Test
  void aLocaleOrCurrencyAChannelUsesCannotBeDeleted() {
    JsonObject problem = assertProblem(409, "in-use", api.delete("api/v1/locales/en_US"));
    assertTrue(problem.getString("detail").contains("channels"), problem::toString);
    assertEquals("channels", problem.getJsonArray("usages").getJsonObject(0).getString("kind"));
    assertProblem(409, "in-use", api.delete("api/v1/currencies/EUR"));
  }

  @Test
  void creatingAnExistingCodeIsA409() {
    assertProblem(409, "already-exists", api.post("api/v1/locales", json("{'code':'en_US'}")));
  }

  @Test
  void labelsMustBeInKnownLocales() {
    var response =
        api.post(
            "api/v1/attribute-groups",
            json("{'code':'" + unique("g") + "','labels':{'en_UK':'Colour'}}"));
    assertViolation(response, "labels.en_UK", "not a locale Vitrine knows");
  }

  @Test
  void theCommonMeasurementFamiliesShipWithExactConversions() {
    JsonObject weight = api.get("api/v1/measurement-families/Weight").json();
    assertEquals("KILOGRAM", weight.getString("standard_unit_code"));
    JsonObject pound = weight.getJsonObject("units").getJsonObject("POUND");
    assertEquals(
        json("[{'operator':'mul','value':'0.45359237'}]"),
        pound.getJsonArray("convert_from_standard").toString());
    for (String family :
        new String[] {
          "Length",
          "Area",
          "Volume",
          "Temperature",
          "Duration",
          "Power",
          "Voltage",
          "Frequency",
          "Binary"
        }) {
      assertStatus(200, api.get("api/v1/measurement-families/" + family));
    }
  }

  @Test
  void aMeasurementFamilyIsValidatedUnitByUnit() {
    String code = unique("Beauty");
    var response =
        api.post(
            "api/v1/measurement-families",
            json(
                "{'code':'"
                    + code
                    + "','standard_unit_code':'DROP','units':{"
                    + "'DROP':{'symbol':'gt','convert_from_standard':[{'operator':'mul','value':'2'}]},"
                    + "'SPOON':{'convert_from_standard':[{'operator':'pow','value':'3'}]},"
                    + "'CUP':{'convert_from_standard':[{'operator':'div','value':'0'}]}}}"));
    assertViolation(response, "units.DROP.convert_from_standard", "the standard unit must convert");
    assertViolation(
        response, "units.SPOON.convert_from_standard[0].operator", "mul, div, add or sub");
    assertViolation(response, "units.CUP.convert_from_standard[0].value", "must not be 0");
    assertStatus(404, api.get("api/v1/measurement-families/" + code));
  }

  @Test
  void aUnitAnAttributeUsesCannotBeRemovedNorTheFamilyDeleted() {
    String family = unique("Dose");
    assertStatus(
        201,
        api.post(
            "api/v1/measurement-families",
            json(
                "{'code':'"
                    + family
                    + "','standard_unit_code':'MG','units':{"
                    + "'MG':{'symbol':'mg','convert_from_standard':[{'operator':'mul','value':'1'}]},"
                    + "'G':{'symbol':'g','convert_from_standard':[{'operator':'mul','value':'1000'}]}}}")));
    String attribute = unique("dose");
    assertStatus(
        201,
        api.post(
            "api/v1/attributes",
            json(
                "{'code':'"
                    + attribute
                    + "','type':'metric','metric_family':'"
                    + family
                    + "','default_metric_unit':'G'}")));
    var removeUnit =
        api.patch("api/v1/measurement-families/" + family, json("{'units':{'G':null}}"));
    JsonObject problem = assertProblem(409, "in-use", removeUnit);
    assertTrue(problem.getString("detail").contains(attribute), problem::toString);
    var addUnit =
        api.patch(
            "api/v1/measurement-families/" + family,
            json(
                "{'units':{'KG':{'symbol':'kg','convert_from_standard':[{'operator':'mul','value':'1000000'}]}}}"));
    assertStatus(200, addUnit);
    assertEquals(3, addUnit.json().getJsonObject("units").size());
    assertProblem(409, "in-use", api.delete("api/v1/measurement-families/" + family));
    String sku = unique("DOSE");
    assertStatus(
        201,
        api.post(
            "api/v1/products",
            "{\"identifier\":\""
                + sku
                + "\",\"values\":{\""
                + attribute
                + "\":[{\"locale\":null,\"scope\":null,\"data\":{\"amount\":\"0.5\",\"unit\":\"KG\"}}]}}"));
    JsonObject values =
        assertProblem(
            409,
            "in-use",
            api.patch("api/v1/measurement-families/" + family, json("{'units':{'KG':null}}")));
    assertTrue(values.getString("detail").contains(sku), values::toString);
  }

  @Test
  void attributeGroupsListTheirAttributesAndTheDefaultGroupStays() {
    String group = unique("grp");
    assertStatus(
        201, api.post("api/v1/attribute-groups", json("{'code':'" + group + "','sort_order':3}")));
    String attribute = unique("att");
    assertStatus(
        201,
        api.post(
            "api/v1/attributes",
            json("{'code':'" + attribute + "','type':'boolean','group':'" + group + "'}")));
    assertEquals(
        json("['" + attribute + "']"),
        api.get("api/v1/attribute-groups/" + group).json().getJsonArray("attributes").toString());
    assertProblem(409, "in-use", api.delete("api/v1/attribute-groups/" + group));
    assertProblem(409, "conflict", api.delete("api/v1/attribute-groups/other"));
  }

  @Test
  void listsPageWithACursorAndCountOnRequest() {
    var first = api.get("api/v1/locales?limit=50&with_count=true");
    assertStatus(200, first);
    int total = first.json().getInt("items_count");
    assertTrue(total > 400, "the common locales ship: " + total);
    var seen = new PagedCodes();
    String next = "api/v1/locales?limit=50";
    int pages = 0;
    while (next != null) {
      JsonObject page = api.get(next).json();
      page.getJsonObject("_embedded")
          .getJsonArray("items")
          .forEach(i -> seen.add(i.asJsonObject().getString("code")));
      JsonObject links = page.getJsonObject("_links");
      next = links.containsKey("next") ? links.getJsonObject("next").getString("href") : null;
      pages++;
    }
    assertEquals(total, seen.size(), "every locale exactly once");
    assertTrue(seen.sorted(), "in code order");
    assertTrue(pages >= 9);
    assertViolation(api.get("api/v1/locales?limit=101"), "limit", "between 1 and 100");
    assertViolation(api.get("api/v1/locales?search_after=!!!"), "search_after", "cursor");
  }

  /** Collects codes in the order pages give them, remembering whether that order was sorted. */
  private static final class PagedCodes {
    private final java.util.List<String> codes = new java.util.ArrayList<>();

    void add(String code) {
      codes.add(code);
    }

    int size() {
      return new java.util.HashSet<>(codes).size() == codes.size() ? codes.size() : -1;
    }

    boolean sorted() {
      for (int i = 1; i < codes.size(); i++) {
        if (codes.get(i - 1).compareTo(codes.get(i)) >= 0) {
          return false;
        }
      }
      return true;
    }
  }
}
