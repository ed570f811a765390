package io.vitrine.catalog;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelsIT extends VitrineIT {

  private String tree;

  @BeforeEach
  void tree() {
    tree = unique("root");
    assertStatus(201, api.post("api/v1/categories", json("{'code':'" + tree + "'}")));
  }

  @Test
  void aChannelIsCreatedWithItsLocalesCurrenciesTreeAndUnits() {
    String code = unique("shop");
    var created =
        api.post(
            "api/v1/channels",
            json(
                "{'code':'"
                    + code
                    + "','labels':{'en_US':'Shop'},'locales':['fr_FR','en_US'],'currencies':['EUR'],"
                    + "'category_tree':'"
                    + tree
                    + "','conversion_units':{'weight':'GRAM'}}"));
    assertStatus(201, created);
    JsonObject channel = created.json();
    assertEquals(
        json("['fr_FR','en_US']"),
        channel.getJsonArray("locales").toString(),
        "locale order is kept");
    assertEquals(json("{'weight':'GRAM'}"), channel.getJsonObject("conversion_units").toString());
    assertEquals(channel, api.get("api/v1/channels/" + code).json());
  }

  @Test
  void everyInvalidFieldIsReportedAtOnce() {
    String leaf = unique("leaf");
    assertStatus(
        201,
        api.post("api/v1/categories", json("{'code':'" + leaf + "','parent':'" + tree + "'}")));
    var response =
        api.post(
            "api/v1/channels",
            json(
                "{'code':'"
                    + unique("bad")
                    + "','locales':['en_US','xx_XX'],'currencies':[],'category_tree':'"
                    + leaf
                    + "',"
                    + "'conversion_units':{'name':'GRAM','weight':'PARSEC','nope':'GRAM'},'colour':'blue'}"));
    assertViolation(response, "locales[1]", "no locale 'xx_XX'");
    assertViolation(response, "currencies", "at least one currency");
    assertViolation(response, "category_tree", "not the root of a tree");
    assertViolation(response, "conversion_units.name", "only metric attributes convert");
    assertViolation(response, "conversion_units.weight", "'PARSEC' is not a unit of Weight");
    assertViolation(response, "conversion_units.nope", "no attribute 'nope'");
    assertViolation(response, "colour", "not a field of a channel");
    assertEquals(7, response.json().getJsonArray("errors").size(), response::toString);
  }

  @Test
  void patchMergesAndIfMatchGuardsAgainstLostUpdates() {
    String code = unique("shop");
    var created =
        api.post(
            "api/v1/channels",
            json(
                "{'code':'"
                    + code
                    + "','labels':{'en_US':'Shop','fr_FR':'Boutique'},'locales':['en_US'],'currencies':['EUR'],'category_tree':'"
                    + tree
                    + "'}"));
    String version = etag(created);
    var patched =
        api.patch(
            "api/v1/channels/" + code,
            json("{'labels':{'fr_FR':null,'de_DE':'Laden'},'currencies':['EUR','USD']}"),
            "If-Match",
            version);
    assertStatus(200, patched);
    assertEquals(
        json("{'de_DE':'Laden','en_US':'Shop'}"),
        patched.json().getJsonObject("labels").toString());
    assertEquals(json("['EUR','USD']"), patched.json().getJsonArray("currencies").toString());
    assertEquals("\"2\"", etag(patched));
    var stale =
        api.patch("api/v1/channels/" + code, json("{'locales':['fr_FR']}"), "If-Match", version);
    JsonObject problem = assertProblem(412, "precondition-failed", stale);
    assertEquals(2, problem.getInt("current_version"));
    assertEquals(
        json("['en_US']"),
        api.get("api/v1/channels/" + code).json().getJsonArray("locales").toString(),
        "nothing changed");
    var unchanged = api.get("api/v1/channels/" + code, "If-None-Match", "\"2\"");
    assertStatus(304, unchanged);
  }

  @Test
  void patchOnAnUnknownCodeCreatesAndTheCodeCannotChange() {
    String code = unique("shop");
    var created =
        api.patch(
            "api/v1/channels/" + code,
            json("{'locales':['en_US'],'currencies':['USD'],'category_tree':'" + tree + "'}"));
    assertStatus(201, created);
    assertViolation(
        api.patch("api/v1/channels/" + code, json("{'code':'other'}")),
        "code",
        "cannot be changed");
  }

  @Test
  void anUnchangedPatchKeepsTheVersion() {
    String code = unique("shop");
    api.post(
        "api/v1/channels",
        json(
            "{'code':'"
                + code
                + "','locales':['en_US'],'currencies':['USD'],'category_tree':'"
                + tree
                + "'}"));
    var again = api.patch("api/v1/channels/" + code, json("{'locales':['en_US']}"));
    assertStatus(200, again);
    assertEquals("\"1\"", etag(again));
  }

  @Test
  void aChannelFamiliesRequireOrProductsHaveValuesForCannotBeDeleted() {
    var catalog = TestCatalog.create(api);
    JsonObject problem =
        assertProblem(409, "in-use", api.delete("api/v1/channels/" + catalog.channel));
    assertTrue(problem.getString("detail").contains(catalog.family), problem::toString);
    assertStatus(200, api.get("api/v1/channels/" + catalog.channel));
  }

  @Test
  void theTreeOfAChannelStaysARoot() {
    String code = unique("shop");
    api.post(
        "api/v1/channels",
        json(
            "{'code':'"
                + code
                + "','locales':['en_US'],'currencies':['USD'],'category_tree':'"
                + tree
                + "'}"));
    String other = unique("root");
    api.post("api/v1/categories", json("{'code':'" + other + "'}"));
    JsonObject problem =
        assertProblem(
            409,
            "in-use",
            api.patch("api/v1/categories/" + tree, json("{'parent':'" + other + "'}")));
    assertTrue(problem.getString("detail").contains(code), problem::toString);
    assertTrue(api.get("api/v1/categories/" + tree).json().isNull("parent"));
    assertStatus(
        200, api.patch("api/v1/channels/" + code, json("{'labels':{'en_US':'Still valid'}}")));
  }

  @Test
  void anUnusedChannelIsDeletedAndItsTreeThenToo() {
    String code = unique("shop");
    api.post(
        "api/v1/channels",
        json(
            "{'code':'"
                + code
                + "','locales':['en_US'],'currencies':['USD'],'category_tree':'"
                + tree
                + "'}"));
    assertProblem(409, "in-use", api.delete("api/v1/categories/" + tree));
    assertStatus(204, api.delete("api/v1/channels/" + code));
    assertStatus(204, api.delete("api/v1/categories/" + tree));
  }
}
