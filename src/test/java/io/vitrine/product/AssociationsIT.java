package io.vitrine.product;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Association types and links over HTTP: two-way symmetry after create, update and delete,
 * quantities, merging by PATCH, and every refusal.
 */
class AssociationsIT extends VitrineIT {

  private String substitution;
  private String crossSell;
  private String pack;

  @BeforeEach
  void types() {
    substitution = unique("SUBST");
    crossSell = unique("XSELL");
    pack = unique("PACK");
    assertStatus(
        201,
        api.post(
            "api/v1/association-types",
            json("{'code':'" + substitution + "','two_way':true,'labels':{'en_US':'Replaces'}}")));
    assertStatus(201, api.post("api/v1/association-types", json("{'code':'" + crossSell + "'}")));
    assertStatus(
        201,
        api.post("api/v1/association-types", json("{'code':'" + pack + "','quantified':true}")));
  }

  private String product() {
    String sku = unique("LINK");
    assertStatus(201, api.post("api/v1/products", json("{'identifier':'" + sku + "'}")));
    return sku;
  }

  private JsonObject links(String sku, String type) {
    JsonObject associations =
        api.get("api/v1/products/" + sku).json().getJsonObject("associations");
    return associations.containsKey(type) ? associations.getJsonObject(type) : null;
  }

  @Test
  void twoWayLinksStaySymmetricThroughCreateUpdateAndDelete() {
    String a = product();
    String b = product();
    String c = product();
    String etagB = api.get("api/v1/products/" + b).header("ETag").orElseThrow();
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + a,
            json("{'associations':{'" + substitution + "':{'products':['" + b + "']}}}")));
    assertEquals("[\"" + a + "\"]", links(b, substitution).getJsonArray("products").toString());
    assertNotEquals(
        etagB, api.get("api/v1/products/" + b).header("ETag").orElseThrow(), "b changed too");

    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + a,
            json("{'associations':{'" + substitution + "':{'products':['" + c + "']}}}")));
    assertEquals(null, links(b, substitution), "b lost the link");
    assertEquals("[\"" + a + "\"]", links(c, substitution).getJsonArray("products").toString());

    // Made from the other side, the link shows on both; deleting one end removes it from the other.
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + b,
            json("{'associations':{'" + substitution + "':{'products':['" + a + "']}}}")));
    assertEquals(
        2, links(a, substitution).getJsonArray("products").size(), "a is linked to b and c");
    String etagA = api.get("api/v1/products/" + a).header("ETag").orElseThrow();
    assertStatus(204, api.delete("api/v1/products/" + c));
    assertEquals("[\"" + b + "\"]", links(a, substitution).getJsonArray("products").toString());
    assertNotEquals(etagA, api.get("api/v1/products/" + a).header("ETag").orElseThrow());
    assertTrue(
        eventsCommittedWith("product:" + c).contains("product:" + a),
        "a lost a link: an event of the same commit says so");
  }

  @Test
  void oneWayAndQuantifiedLinksMergeByType() {
    String bundle = product();
    String sock = product();
    String cap = product();
    var written =
        api.patch(
            "api/v1/products/" + bundle,
            json(
                "{'associations':{'"
                    + crossSell
                    + "':{'products':['"
                    + cap
                    + "']}},'quantified_associations':{'"
                    + pack
                    + "':{'products':[{'identifier':'"
                    + sock
                    + "','quantity':2}]}}}"));
    assertStatus(200, written);
    assertEquals(
        "[\"" + cap + "\"]",
        written
            .json()
            .getJsonObject("associations")
            .getJsonObject(crossSell)
            .getJsonArray("products")
            .toString(),
        "the answer to the write that made the first link shows it");
    assertEquals(null, links(cap, crossSell), "one-way");
    JsonObject read = api.get("api/v1/products/" + bundle).json();
    assertEquals(
        2,
        read.getJsonObject("quantified_associations")
            .getJsonObject(pack)
            .getJsonArray("products")
            .getJsonObject(0)
            .getInt("quantity"));
    // A PATCH of one type leaves the others as they are.
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + bundle,
            json(
                "{'quantified_associations':{'"
                    + pack
                    + "':{'products':[{'identifier':'"
                    + sock
                    + "','quantity':3}]}}}")));
    read = api.get("api/v1/products/" + bundle).json();
    assertEquals(
        "[\"" + cap + "\"]",
        read.getJsonObject("associations")
            .getJsonObject(crossSell)
            .getJsonArray("products")
            .toString());
    assertTrue(read.getJsonObject("quantified_associations").toString().contains("\"quantity\":3"));
  }

  @Test
  void aRenamedTargetShowsItsNewIdentifierInTheOwnersNextRead() {
    String bundle = product();
    String cap = product();
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + bundle,
            json("{'associations':{'" + crossSell + "':{'products':['" + cap + "']}}}")));
    // Read once, so that the answer is kept, then rename the target.
    Api.Response first = api.get("api/v1/products/" + bundle);
    assertStatus(200, first);
    String renamed = unique("CAP-RENAMED");
    assertStatus(
        200, api.patch("api/v1/products/" + cap, json("{'identifier':'" + renamed + "'}")));

    Api.Response again =
        api.get("api/v1/products/" + bundle, "If-None-Match", first.header("ETag").orElseThrow());
    assertStatus(200, again);
    assertEquals(
        "[\"" + renamed + "\"]",
        again
            .json()
            .getJsonObject("associations")
            .getJsonObject(crossSell)
            .getJsonArray("products")
            .toString());
  }

  @Test
  void badLinksAreRefusedNamingTheField() {
    String sku = product();
    String before = api.get("api/v1/products/" + sku).header("ETag").orElseThrow();
    assertViolation(
        api.patch(
            "api/v1/products/" + sku,
            json("{'associations':{'" + crossSell + "':{'products':['NO-SUCH-" + sku + "']}}}")),
        "associations." + crossSell + ".products[0]",
        null,
        null,
        "there is no product");
    assertViolation(
        api.patch(
            "api/v1/products/" + sku,
            json("{'associations':{'" + crossSell + "':{'products':['" + sku + "']}}}")),
        "associations." + crossSell + ".products[0]",
        null,
        null,
        "cannot be linked to itself");
    assertViolation(
        api.patch(
            "api/v1/products/" + sku,
            json("{'associations':{'" + pack + "':{'products':['" + sku + "']}}}")),
        "associations." + pack,
        null,
        null,
        "is quantified");
    String other = product();
    assertViolation(
        api.patch(
            "api/v1/products/" + sku,
            json(
                "{'quantified_associations':{'"
                    + pack
                    + "':{'products':[{'identifier':'"
                    + other
                    + "','quantity':0}]}}}")),
        "quantified_associations." + pack + ".products[0].quantity",
        null,
        null,
        "whole number from 1");
    assertViolation(
        api.patch(
            "api/v1/products/" + sku,
            json("{'associations':{'NO_SUCH_TYPE':{'products':['" + other + "']}}}")),
        "associations.NO_SUCH_TYPE",
        null,
        null,
        "there is no association type");
    assertEquals(before, api.get("api/v1/products/" + sku).header("ETag").orElseThrow());
  }

  @Test
  void associationTypesGuardTheirLinks() {
    assertViolation(
        api.post(
            "api/v1/association-types",
            json("{'code':'" + unique("BOTH") + "','two_way':true,'quantified':true}")),
        "two_way",
        null,
        null,
        "cannot be two-way");
    String a = product();
    String b = product();
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + a,
            json("{'associations':{'" + crossSell + "':{'products':['" + b + "']}}}")));
    JsonObject refused =
        assertProblem(
            409,
            "in-use",
            api.patch("api/v1/association-types/" + crossSell, json("{'two_way':true}")));
    assertTrue(refused.getString("detail").contains(a), refused::toString);
    assertProblem(409, "in-use", api.delete("api/v1/association-types/" + crossSell));
    assertStatus(
        200,
        api.patch(
            "api/v1/association-types/" + crossSell, json("{'labels':{'en_US':'Goes with'}}")));
  }

  @Test
  void modelsCarryLinksThatTheirVariantsShow() {
    String family = unique("fam");
    String color = unique("color");
    assertStatus(
        201, api.post("api/v1/attributes", json("{'code':'" + color + "','type':'simpleselect'}")));
    assertStatus(201, api.post("api/v1/attributes/" + color + "/options", json("{'code':'blue'}")));
    assertStatus(
        201,
        api.post(
            "api/v1/families", json("{'code':'" + family + "','attributes':['" + color + "']}")));
    String variant = unique("fv");
    assertStatus(
        201,
        api.post(
            "api/v1/families/" + family + "/variants",
            json(
                "{'code':'"
                    + variant
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + color
                    + "']}]}")));
    String accessory = product();
    String model = unique("model");
    Api.Response created =
        api.post(
            "api/v1/product-models",
            json(
                "{'code':'"
                    + model
                    + "','family_variant':'"
                    + variant
                    + "','associations':{'"
                    + substitution
                    + "':{'products':['"
                    + accessory
                    + "']}}}"));
    assertStatus(201, created);
    assertEquals(
        "[\"" + model + "\"]",
        links(accessory, substitution).getJsonArray("product_models").toString(),
        "two-way onto a product model");
    String sku = unique("BLUE");
    assertStatus(
        201,
        api.patch(
            "api/v1/products/" + sku,
            json(
                "{'parent':'"
                    + model
                    + "','values':{'"
                    + color
                    + "':[{'locale':null,'scope':null,'data':'blue'}]}}")));
    assertEquals(
        "[\"" + accessory + "\"]",
        links(sku, substitution).getJsonArray("products").toString(),
        "the variant shows its model's links");
    // The model's only variant goes: what the link to the model stands for changes, and its
    // owner says so in the same commit.
    assertStatus(204, api.delete("api/v1/products/" + sku));
    assertTrue(
        eventsCommittedWith("product:" + sku).contains("product:" + accessory),
        "the owner of a link to the variant's model is touched");
    assertStatus(204, api.delete("api/v1/products/" + accessory));
    assertFalse(
        api.get("api/v1/product-models/" + model)
            .json()
            .getJsonObject("associations")
            .containsKey(substitution));
  }

  /**
   * The events of the transaction that recorded the last event of {@code entity}: one transaction's
   * events have consecutive sequence numbers, whatever background jobs record meanwhile.
   */
  private java.util.List<String> eventsCommittedWith(String entity) {
    String next = "api/v1/events?limit=100";
    java.util.List<JsonObject> all = new java.util.ArrayList<>();
    while (true) {
      JsonObject page = api.get(next).json();
      var items = page.getJsonObject("_embedded").getJsonArray("items");
      if (items.isEmpty()) {
        break;
      }
      all.addAll(items.getValuesAs(JsonObject.class));
      next = page.getJsonObject("_links").getJsonObject("next").getString("href");
    }
    int at = -1;
    for (int i = 0; i < all.size(); i++) {
      if ((all.get(i).getString("entity_type") + ":" + all.get(i).getString("entity_code"))
          .equals(entity)) {
        at = i;
      }
    }
    String when = at < 0 ? "" : all.get(at).getString("occurred_at");
    java.util.List<String> together = new java.util.ArrayList<>();
    for (JsonObject e : all) {
      if (e.getString("occurred_at").equals(when)) {
        together.add(e.getString("entity_type") + ":" + e.getString("entity_code"));
      }
    }
    return together;
  }
}
