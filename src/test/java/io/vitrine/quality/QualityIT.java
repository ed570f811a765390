package io.vitrine.quality;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data quality over HTTP: graded with each write, shown with the product, filterable in search,
 * summarised, and regraded by a job when the rules change (a group switches a rule off, an option
 * gains a label, a channel bounds its titles).
 */
class QualityIT extends VitrineIT {

  private TestCatalog c;
  private String group;

  /**
   * The test catalog with ean holding GTINs, and name and ean in a group of their own (every other
   * attribute sits in the shared group "other").
   */
  @BeforeEach
  void catalog() {
    c = TestCatalog.create(api);
    TestCatalog.asset(api, "tee_1");
    group = unique("quality");
    assertStatus(201, api.post("api/v1/attribute-groups", json("{'code':'" + group + "'}")));
    assertStatus(
        200,
        api.patch("api/v1/attributes/" + c.ean, json("{'gtin':true,'group':'" + group + "'}")));
    assertStatus(200, api.patch("api/v1/attributes/" + c.name, json("{'group':'" + group + "'}")));
  }

  private String product(String values) {
    return c.createProduct(api, unique("QLT"), values);
  }

  private String values(String nameEn, String ean) {
    return "'"
        + c.name
        + "':[{'locale':'en_US','scope':null,'data':'"
        + nameEn
        + "'},{'locale':'fr_FR','scope':null,'data':'T-shirt col rond marine'}],'"
        + c.ean
        + "':[{'locale':null,'scope':null,'data':'"
        + ean
        + "'}],'"
        + c.color
        + "':[{'locale':null,'scope':null,'data':'navy'}],'"
        + c.images
        + "':[{'locale':null,'scope':null,'data':['tee_1']}]";
  }

  /** locale → [grade, score, rule attribute...] in the test's channel. */
  private Map<String, List<String>> quality(String identifier) {
    var response = api.get("api/v1/products/" + identifier + "?with_quality_scores=true");
    assertStatus(200, response);
    Map<String, List<String>> slots = new TreeMap<>();
    for (JsonValue v : response.json().getJsonArray("quality_scores")) {
      JsonObject slot = v.asJsonObject();
      if (slot.getString("scope").equals(c.channel)) {
        List<String> entry = new ArrayList<>();
        entry.add(slot.getString("data"));
        entry.add(Integer.toString(slot.getInt("score")));
        for (JsonValue issue : slot.getJsonArray("issues")) {
          JsonObject i = issue.asJsonObject();
          assertTrue(!i.getString("message").isBlank(), i.toString());
          entry.add(i.getString("rule") + " " + i.getString("attribute"));
        }
        slots.put(slot.getString("locale"), entry);
      }
    }
    return slots;
  }

  private Api.Response search(String condition) {
    return c.search(api, "quality_score", condition);
  }

  private int count(String condition) {
    return c.count(api, "quality_score", condition);
  }

  @Test
  void eachWriteGradesTheContentPerChannelAndLocale() {
    String clean = product(values("Navy crew tee", "4006381333931"));
    String messy = product(values("FREE SHIPPING tee TBD ", "4006381333932"));
    // navy has no French label: both products show its code in French (10 points).
    assertEquals(
        Map.of(
            "en_US", List.of("A", "100"),
            "fr_FR", List.of("A", "90", "option_label_missing " + c.color)),
        quality(clean));
    // 25 (GTIN) + 20 (TBD) + 10 (capitals) + 5 (trailing space) = 60 points.
    assertEquals(
        Map.of(
            "en_US",
            List.of(
                "E",
                "40",
                "gtin_check_digit " + c.ean,
                "placeholder_text " + c.name,
                "capital_words " + c.name,
                "surrounding_spaces " + c.name),
            "fr_FR",
            List.of("D", "65", "gtin_check_digit " + c.ean, "option_label_missing " + c.color)),
        quality(messy));

    // Search: a grade in at least one locale, or in the one named.
    assertEquals(1, count("{'operator':'IN','value':['E'],'scope':'" + c.channel + "'}"));
    assertEquals(
        2,
        count("{'operator':'IN','value':['A','D'],'scope':'" + c.channel + "','locale':'fr_FR'}"));
    assertEquals(
        1,
        count("{'operator':'NOT IN','value':['A'],'scope':'" + c.channel + "','locale':'en_US'}"));

    // Fixing the text fixes the grade, and the tag of the product with its grades changes.
    String before = etag(api.get("api/v1/products/" + messy + "?with_quality_scores=true"));
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + messy,
            json(
                "{'values':{'"
                    + c.name
                    + "':[{'locale':'en_US','scope':null,'data':'Free shipping tee'}]}}")));
    assertEquals(List.of("C", "75", "gtin_check_digit " + c.ean), quality(messy).get("en_US"));
    assertNotEquals(
        before, etag(api.get("api/v1/products/" + messy + "?with_quality_scores=true")));
  }

  @Test
  void ruleChangesRegradeTheAffectedProductsInAJob() {
    String messy = product(values("FREE SHIPPING tee", "4006381333932"));
    String empty = product("'" + c.color + "':[{'locale':null,'scope':null,'data':'navy'}]");
    assertEquals(
        List.of("D", "65", "gtin_check_digit " + c.ean, "capital_words " + c.name),
        quality(messy).get("en_US"));
    assertEquals(List.of("B", "80", "image_missing " + c.images), quality(empty).get("en_US"));

    // The group of name and ean no longer checks GTINs nor capitals.
    assertStatus(
        200,
        api.patch(
            "api/v1/attribute-groups/" + group,
            json("{'disabled_quality_rules':['gtin_check_digit','capital_words']}")));
    JsonObject job = awaitJob("family:" + c.family);
    assertEquals("finished", job.getString("state"), job.toString());
    assertEquals(List.of("A", "100"), quality(messy).get("en_US"));

    // navy gains its French label: French slots lose the problem.
    assertStatus(
        200,
        api.patch(
            "api/v1/attributes/" + c.color + "/options/navy",
            json("{'labels':{'en_US':'Navy','fr_FR':'Marine'}}")));
    awaitJob("family:" + c.family);
    assertEquals(List.of("A", "100"), quality(messy).get("fr_FR"));

    // The channel now wants titles of 20 characters or more: an empty title counts too.
    assertStatus(200, api.patch("api/v1/channels/" + c.channel, json("{'title_min_length':20}")));
    awaitJob("all");
    assertEquals(List.of("B", "85", "title_length " + c.name), quality(messy).get("en_US"));
    assertEquals(
        List.of("D", "65", "image_missing " + c.images, "title_length " + c.name),
        quality(empty).get("en_US"));

    // Search and the dashboard follow.
    assertEquals(
        1, count("{'operator':'IN','value':['D'],'scope':'" + c.channel + "','locale':'en_US'}"));
    JsonObject en = c.summary(api, "en_US");
    JsonObject family = c.familyCounts(en);
    assertEquals(
        json("{'A':0,'B':1,'C':0,'D':1,'E':0}"), family.getJsonObject("grades").toString());
    assertTrue(
        en.getJsonArray("most_frequent_issues").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                i ->
                    i.getString("rule").equals("title_length")
                        && i.getString("attribute").equals(c.name)
                        && i.getInt("products") == 2),
        en.toString());
  }

  @Test
  void badQualitySettingsAndFiltersAreNamedAndNothingIsStored() {
    assertViolation(
        api.patch(
            "api/v1/attribute-groups/" + group,
            json("{'disabled_quality_rules':['capital_words','shouting']}")),
        "disabled_quality_rules[1]",
        "'shouting' is not a data quality rule");
    assertEquals(
        List.of(),
        api.get("api/v1/attribute-groups/" + group)
            .json()
            .getJsonArray("disabled_quality_rules")
            .getValuesAs(JsonString.class));
    assertViolation(
        api.patch("api/v1/channels/" + c.channel, json("{'title_min_length':0}")),
        "title_min_length",
        "at least 1");
    assertViolation(
        api.patch(
            "api/v1/channels/" + c.channel, json("{'title_min_length':80,'title_max_length':40}")),
        "title_min_length",
        "not be greater than title_max_length");
    assertTrue(api.get("api/v1/channels/" + c.channel).json().isNull("title_max_length"));
    assertViolation(
        api.patch("api/v1/attributes/" + c.quantity, json("{'gtin':true}")),
        "gtin",
        "does not apply to number attributes");
    assertViolation(
        search("{'operator':'IN','value':['A']}"), "search.quality_score[0]", "needs a scope");
    assertViolation(
        search("{'operator':'IN','value':['F'],'scope':'" + c.channel + "'}"),
        "search.quality_score[0]",
        "'F' is not a grade");
    assertViolation(
        search("{'operator':'>','value':['A'],'scope':'" + c.channel + "'}"),
        "search.quality_score[0]",
        "IN, NOT IN");
  }
}
