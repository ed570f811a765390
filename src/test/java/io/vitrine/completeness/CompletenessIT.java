package io.vitrine.completeness;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Completeness over HTTP: computed with each write, shown with the product, filterable in search,
 * summarised, and recomputed by a job when the family's requirements change.
 */
class CompletenessIT extends VitrineIT {

  private TestCatalog c;

  @BeforeEach
  void catalog() {
    c = TestCatalog.create(api);
  }

  private String product(String identifier, String values) {
    return c.createProduct(api, identifier, values);
  }

  private String name(String locale, String text) {
    return "'" + c.name + "':[{'locale':'" + locale + "','scope':null,'data':'" + text + "'}]";
  }

  private String price() {
    return "'"
        + c.price
        + "':[{'locale':null,'scope':null,'data':[{'amount':'10','currency':'EUR'},"
        + "{'amount':'11','currency':'USD'}]}]";
  }

  /** scope|locale → [ratio, missing...] of the channel under test. */
  private Map<String, List<String>> completeness(String identifier) {
    var response = api.get("api/v1/products/" + identifier + "?with_completenesses=true");
    assertStatus(200, response);
    Map<String, List<String>> slots = new TreeMap<>();
    for (JsonValue v : response.json().getJsonArray("completenesses")) {
      JsonObject slot = v.asJsonObject();
      if (slot.getString("scope").equals(c.channel)) {
        List<String> entry = new ArrayList<>();
        entry.add(Integer.toString(slot.getInt("data")));
        slot.getJsonArray("missing")
            .forEach(m -> entry.add(((jakarta.json.JsonString) m).getString()));
        slots.put(slot.getString("locale"), entry);
      }
    }
    return slots;
  }

  private Api.Response search(String condition) {
    return c.search(api, "completeness", condition);
  }

  private int count(String condition) {
    return c.count(api, "completeness", condition);
  }

  @Test
  void eachWriteComputesCompletenessPerChannelAndLocale() {
    String sku = product(unique("CMP"), name("en_US", "Tee") + "," + price());
    // Required: the identifier (always filled), name (localizable), price, ean.
    assertEquals(
        Map.of("en_US", List.of("75", c.ean), "fr_FR", List.of("50", c.ean, c.name)),
        completeness(sku));

    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + sku,
            json(
                "{'values':{'"
                    + c.ean
                    + "':[{'locale':null,'scope':null,'data':'4006381333931'}]}}")));
    assertEquals(
        Map.of("en_US", List.of("100"), "fr_FR", List.of("75", c.name)), completeness(sku));

    // Search: at least one locale, or every locale named.
    assertEquals(1, count("{'operator':'=','value':100,'scope':'" + c.channel + "'}"));
    assertEquals(
        0,
        count(
            "{'operator':'GREATER OR EQUALS THAN ON ALL LOCALES','value':100,'scope':'"
                + c.channel
                + "','locales':['en_US','fr_FR']}"));
    assertEquals(
        1, count("{'operator':'<','value':100,'scope':'" + c.channel + "','locale':'fr_FR'}"));
    assertEquals(
        0, count("{'operator':'!=','value':75,'scope':'" + c.channel + "','locale':'fr_FR'}"));
  }

  @Test
  void aRequirementChangeRecomputesTheFamilyInAJob() {
    String complete =
        product(
            unique("CMP"),
            "'"
                + c.name
                + "':[{'locale':'en_US','scope':null,'data':'Tee'},"
                + "{'locale':'fr_FR','scope':null,'data':'T-shirt'}],"
                + price()
                + ",'"
                + c.ean
                + "':[{'locale':null,'scope':null,'data':'4006381333931'}]");
    String partial = product(unique("CMP"), name("en_US", "Tee"));
    assertEquals(2, count("{'operator':'>','value':0,'scope':'" + c.channel + "'}"));
    assertEquals(1, count("{'operator':'=','value':100,'scope':'" + c.channel + "'}"));

    // Now the channel also requires the description (localizable and scopable), and not the ean.
    assertStatus(
        200,
        api.patch(
            "api/v1/families/" + c.family,
            json(
                "{'attribute_requirements':{'"
                    + c.channel
                    + "':['"
                    + c.name
                    + "','"
                    + c.price
                    + "','"
                    + c.description
                    + "']}}")));
    JsonObject job = awaitJob("family:" + c.family);
    assertEquals("finished", job.getString("state"), job.toString());
    assertEquals(2, job.getInt("done"), job.toString());
    assertEquals(2, job.getInt("total"), job.toString());

    assertEquals(
        Map.of("en_US", List.of("75", c.description), "fr_FR", List.of("75", c.description)),
        completeness(complete));
    assertEquals(
        Map.of(
            "en_US", List.of("50", c.description, c.price),
            "fr_FR", List.of("25", c.description, c.name, c.price)),
        completeness(partial));
    // The index follows the job: nobody is complete any more.
    assertEquals(0, count("{'operator':'=','value':100,'scope':'" + c.channel + "'}"));
    assertEquals(
        1, count("{'operator':'=','value':25,'scope':'" + c.channel + "','locale':'fr_FR'}"));

    // The dashboard counts the family in the channel's slots.
    JsonObject en = c.summary(api, "en_US");
    JsonObject family = c.familyCounts(en);
    assertEquals(2, family.getInt("incomplete"));
    assertEquals(0, family.getInt("complete"));
    assertTrue(
        en.getJsonArray("most_missing").stream()
            .map(JsonValue::asJsonObject)
            .anyMatch(
                m -> m.getString("attribute").equals(c.description) && m.getInt("products") >= 2),
        en.toString());
  }

  @Test
  void aVariantCountsWhatItInheritsAndFollowsItsModel() {
    String variantFamily = unique("fv");
    assertStatus(
        201,
        api.post(
            "api/v1/families/" + c.family + "/variants",
            json(
                "{'code':'"
                    + variantFamily
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + c.color
                    + "','"
                    + c.organic
                    + "'],'attributes':['"
                    + c.ean
                    + "']}]}")));
    String model = unique("tee");
    assertStatus(
        201,
        api.post(
            "api/v1/product-models",
            json(
                "{'code':'"
                    + model
                    + "','family_variant':'"
                    + variantFamily
                    + "','values':{"
                    + name("en_US", "Crew tee")
                    + ","
                    + price()
                    + "}}")));
    String variant = unique("CMP");
    assertStatus(
        201,
        api.patch(
            "api/v1/products/" + variant,
            json(
                "{'parent':'"
                    + model
                    + "','values':{'"
                    + c.color
                    + "':[{'locale':null,'scope':null,'data':'navy'}],'"
                    + c.organic
                    + "':[{'locale':null,'scope':null,'data':true}],'"
                    + c.ean
                    + "':[{'locale':null,'scope':null,'data':'4006381333931'}]}}")));
    // Name and price come from the model, the ean from the variant itself.
    assertEquals(
        Map.of("en_US", List.of("100"), "fr_FR", List.of("75", c.name)), completeness(variant));

    // The model gains its French name: the variant is complete in French too, and search knows it.
    assertStatus(
        200,
        api.patch(
            "api/v1/product-models/" + model,
            json(
                "{'values':{'"
                    + c.name
                    + "':[{'locale':'fr_FR','scope':null,'data':'T-shirt col rond'}]}}")));
    assertEquals(Map.of("en_US", List.of("100"), "fr_FR", List.of("100")), completeness(variant));
    assertEquals(
        1,
        count(
            "{'operator':'GREATER OR EQUALS THAN ON ALL LOCALES','value':100,'scope':'"
                + c.channel
                + "','locales':['en_US','fr_FR']}"));
  }

  @Test
  void aChangeOutsideTheRequirementsQueuesNoJob() {
    product(unique("CMP"), name("en_US", "Tee"));
    assertStatus(
        200,
        api.patch(
            "api/v1/families/" + c.family,
            json("{'labels':{'en_US':'Renamed " + c.suffix + "'}}")));
    var jobs = api.get("api/v1/jobs?kind=completeness&limit=100").json().getJsonArray("items");
    assertTrue(
        jobs.stream()
            .map(JsonValue::asJsonObject)
            .noneMatch(j -> j.getString("subject").equals("family:" + c.family)),
        jobs.toString());
  }

  @Test
  void badCompletenessFiltersAreNamed() {
    assertViolation(
        search("{'operator':'=','value':100}"), "search.completeness[0]", "needs a scope");
    assertViolation(
        search("{'operator':'=','value':101,'scope':'" + c.channel + "'}"),
        "search.completeness[0]",
        "from 0 to 100");
    assertViolation(
        search("{'operator':'=','value':100,'scope':'" + c.channel + "','locale':'de_DE'}"),
        "search.completeness[0]",
        "not a locale of channel");
    assertViolation(
        search("{'operator':'IN','value':100,'scope':'" + c.channel + "'}"),
        "search.completeness[0]",
        "not an operator");
    assertStatus(404, api.get("api/v1/jobs/999999999"));
    assertStatus(404, api.post("api/v1/jobs/999999999/retry", "{}"));
    // Job 1 (the first computation of every product, queued by the migration) has finished.
    assertProblem(409, "conflict", api.post("api/v1/jobs/1/retry", "{}"));
    assertViolation(api.get("api/v1/jobs?state=sleeping"), "state", "queued, running");
  }
}
