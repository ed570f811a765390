package io.vitrine.catalog;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class AttributesIT extends VitrineIT {

  @Test
  void eachTypeShowsTheDefaultsOfItsOwnProperties() {
    JsonObject text = create("{'type':'text'}");
    assertEquals(255, text.getInt("max_characters"));
    assertFalse(text.getBoolean("unique"));
    assertFalse(text.containsKey("decimals_allowed"), "number properties are not shown on text");
    JsonObject number =
        create(
            "{'type':'number','number_min':'-5.5','negative_allowed':true,'decimals_allowed':true}");
    assertEquals("-5.5", number.getString("number_min"));
    JsonObject metric =
        create("{'type':'metric','metric_family':'Length','default_metric_unit':'CENTIMETER'}");
    assertTrue(
        metric.getBoolean("decimals_allowed"), "metrics allow decimals unless told otherwise");
    JsonObject area = create("{'type':'textarea','rich_text':true}");
    assertEquals(65535, area.getInt("max_characters"));
    JsonObject bool = create("{'type':'boolean','localizable':true,'scopable':true}");
    assertEquals(
        json(
            "['code','type','group','localizable','scopable','sort_order','labels','created','updated']"),
        jsonKeys(bool));
    assertEquals("other", bool.getString("group"));
  }

  private JsonObject create(String body) {
    String code = unique("attr");
    var response =
        api.post("api/v1/attributes", json(body.replace("{", "{'code':'" + code + "',")));
    assertStatus(201, response);
    return response.json();
  }

  private static String jsonKeys(JsonObject object) {
    var keys = jakarta.json.Json.createArrayBuilder();
    object.keySet().forEach(keys::add);
    return keys.build().toString();
  }

  @Test
  void propertiesThatDoNotApplyToTheTypeAreRefused() {
    var response =
        api.post(
            "api/v1/attributes",
            json(
                "{'code':'"
                    + unique("a")
                    + "','type':'boolean','max_characters':10,'metric_family':'Weight'}"));
    assertViolation(response, "max_characters", "does not apply to boolean");
    assertViolation(response, "metric_family", "does not apply to boolean");
  }

  @Test
  void rulesBetweenPropertiesAreChecked() {
    var response =
        api.post(
            "api/v1/attributes",
            json(
                "{'code':'"
                    + unique("a")
                    + "','type':'text','unique':true,'localizable':true,'max_characters':300,"
                    + "'validation_rule':'regexp','validation_regexp':'[unclosed'}"));
    assertViolation(response, "unique", "cannot be localizable");
    assertViolation(response, "max_characters", "between 1 and 255");
    assertViolation(response, "validation_regexp", "not a valid regular expression");
    var metric =
        api.post(
            "api/v1/attributes",
            json(
                "{'code':'"
                    + unique("a")
                    + "','type':'metric','metric_family':'Weight','default_metric_unit':'METER','number_min':'5','number_max':'1'}"));
    assertViolation(metric, "default_metric_unit", "not a unit of Weight");
    assertViolation(metric, "number_min", "not be greater than number_max");
    assertViolation(
        api.post("api/v1/attributes", json("{'code':'" + unique("a") + "','type':'colour'}")),
        "type",
        "not an attribute type");
    assertViolation(
        api.post("api/v1/attributes", json("{'code':'bad-code','type':'text'}")),
        "code",
        "letters, digits and underscores");
  }

  @Test
  void thereIsOneIdentifierAttributeAndItStays() {
    assertViolation(
        api.post("api/v1/attributes", json("{'code':'" + unique("id") + "','type':'identifier'}")),
        "type",
        "already has its identifier");
    assertProblem(409, "conflict", api.delete("api/v1/attributes/sku"));
  }

  @Test
  void theTypeNeverChanges() {
    String code = create("{'type':'text'}").getString("code");
    assertViolation(
        api.patch("api/v1/attributes/" + code, json("{'type':'textarea'}")),
        "type",
        "cannot change from text to textarea");
  }

  @Test
  void localizableAndScopableChangeOnlyWhileNoProductHasAValue() {
    var catalog = TestCatalog.create(api);
    String attribute = catalog.organic;
    var unused = api.patch("api/v1/attributes/" + attribute, json("{'scopable':true}"));
    assertStatus(200, unused);
    assertStatus(200, api.patch("api/v1/attributes/" + attribute, json("{'scopable':false}")));
    String sku = unique("P");
    assertStatus(201, api.post("api/v1/products", catalog.productWith(sku, attribute, "true")));
    var refused = api.patch("api/v1/attributes/" + attribute, json("{'localizable':true}"));
    JsonObject problem = assertProblem(409, "in-use", refused);
    assertTrue(
        problem.getString("detail").contains("cannot become localizable"), problem::toString);
    assertEquals(
        sku, problem.getJsonArray("usages").getJsonObject(0).getJsonArray("examples").getString(0));
    assertFalse(
        api.get("api/v1/attributes/" + attribute).json().getBoolean("localizable"),
        "nothing changed");
    assertStatus(
        200, api.patch("api/v1/attributes/" + attribute, json("{'labels':{'en_US':'Organic'}}")));
  }

  @Test
  void anAttributeInAFamilyOrWithValuesCannotBeDeleted() {
    var catalog = TestCatalog.create(api);
    JsonObject problem =
        assertProblem(409, "in-use", api.delete("api/v1/attributes/" + catalog.color));
    assertEquals("families", problem.getJsonArray("usages").getJsonObject(0).getString("kind"));
    String loose = create("{'type':'text'}").getString("code");
    assertStatus(204, api.delete("api/v1/attributes/" + loose));
  }

  @Test
  void optionsBelongToSelectAttributes() {
    var catalog = TestCatalog.create(api);
    String options = "api/v1/attributes/" + catalog.color + "/options";
    var created =
        api.post(
            options,
            json(
                "{'code':'forest','labels':{'en_US':'Forest green','fr_FR':'Vert forêt'},'sort_order':4}"));
    assertStatus(201, created);
    assertEquals(catalog.color, created.json().getString("attribute"));
    assertTrue(
        created.header("Location").orElse("").endsWith(options + "/forest"), created::toString);
    assertStatus(200, api.get(options + "/forest"));
    var page = api.get(options + "?limit=2&with_count=true").json();
    assertEquals(4, page.getInt("items_count"));
    assertTrue(page.getJsonObject("_links").containsKey("next"));
    assertViolation(api.post(options, json("{'code':'Forest'}")), "code", "differs only in case");
    assertViolation(
        api.patch(options + "/forest", json("{'attribute':'other'}")),
        "attribute",
        "must be '" + catalog.color + "'");
    assertProblem(404, "not-found", api.get("api/v1/attributes/" + catalog.weight + "/options"));
    assertProblem(
        404,
        "not-found",
        api.post("api/v1/attributes/no_such_attribute/options", json("{'code':'x'}")));
  }

  @Test
  void anOptionAProductUsesCannotBeDeleted() {
    var catalog = TestCatalog.create(api);
    String sku = unique("P");
    assertStatus(
        201,
        api.post("api/v1/products", catalog.productWith(sku, catalog.materials, "[\"linen\"]")));
    JsonObject problem =
        assertProblem(
            409, "in-use", api.delete("api/v1/attributes/" + catalog.materials + "/options/linen"));
    assertTrue(problem.getString("detail").contains(sku), problem::toString);
    assertStatus(204, api.delete("api/v1/attributes/" + catalog.materials + "/options/wool"));
    assertProblem(
        404, "not-found", api.get("api/v1/attributes/" + catalog.materials + "/options/wool"));
  }
}
