package io.vitrine.product;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Family variants, product models and variant products over HTTP: inheritance at each level, values
 * refused at the wrong level, axis combinations unique (also between racing writers), moves and
 * deletes refused where data would become invalid, events for everything below a model.
 */
class VariantsIT extends VitrineIT {

  private TestCatalog c;

  /** Two levels: sub-models by color (with images), variants by quantity (with ean, weight). */
  private String twoLevels;

  /** One level: variants by color and organic (with ean). */
  private String oneLevel;

  @BeforeEach
  void catalog() {
    c = TestCatalog.create(api);
    twoLevels = unique("fv2");
    oneLevel = unique("fv1");
    assertStatus(
        201,
        api.post(
            "api/v1/families/" + c.family + "/variants",
            json(
                "{'code':'"
                    + twoLevels
                    + "','labels':{'en_US':'By color, then size'},'variant_attribute_sets':["
                    + "{'level':1,'axes':['"
                    + c.color
                    + "'],'attributes':['"
                    + c.images
                    + "']},{'level':2,'axes':['"
                    + c.quantity
                    + "'],'attributes':['"
                    + c.ean
                    + "','"
                    + c.weight
                    + "']}]}")));
    assertStatus(
        201,
        api.post(
            "api/v1/families/" + c.family + "/variants",
            json(
                "{'code':'"
                    + oneLevel
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + c.color
                    + "','"
                    + c.organic
                    + "'],'attributes':['"
                    + c.ean
                    + "']}]}")));
  }

  private String root(String variant) {
    String code = unique("tee");
    assertStatus(
        201,
        api.post(
            "api/v1/product-models",
            json(
                "{'code':'"
                    + code
                    + "','family_variant':'"
                    + variant
                    + "','categories':['"
                    + c.leaf
                    + "'],'values':{'"
                    + c.name
                    + "':[{'locale':'en_US','scope':null,'data':'Crew tee'}],'"
                    + c.materials
                    + "':[{'locale':null,'scope':null,'data':['cotton']}]}}")));
    return code;
  }

  private String subModel(String root, String color) {
    String code = unique("sub");
    assertStatus(
        201,
        api.post(
            "api/v1/product-models",
            json(
                "{'code':'"
                    + code
                    + "','parent':'"
                    + root
                    + "','values':{'"
                    + c.color
                    + "':[{'locale':null,'scope':null,'data':'"
                    + color
                    + "'}]}}")));
    return code;
  }

  private Api.Response variant(String identifier, String parent, int size) {
    return api.patch(
        "api/v1/products/" + identifier,
        json(
            "{'parent':'"
                + parent
                + "','values':{'"
                + c.quantity
                + "':[{'locale':null,'scope':null,'data':"
                + size
                + "}]}}"));
  }

  @Test
  void familyVariantShowsImpliedAttributesAndRefusesBadAxes() {
    JsonObject read = api.get("api/v1/families/" + c.family + "/variants/" + twoLevels).json();
    assertEquals(c.family, read.getString("family"));
    var last = read.getJsonArray("variant_attribute_sets").getJsonObject(1);
    assertTrue(last.getJsonArray("attributes").toString().contains("\"sku\""), read::toString);
    assertTrue(last.getJsonArray("attributes").toString().contains(c.quantity), read::toString);

    String path = "api/v1/families/" + c.family + "/variants";
    assertViolation(
        api.post(
            path,
            json(
                "{'code':'"
                    + unique("bad")
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + c.name
                    + "']}]}")),
        "variant_attribute_sets[0].axes[0]",
        null,
        null,
        "an axis must be simpleselect, boolean, metric or number");
    assertViolation(
        api.post(
            path,
            json(
                "{'code':'"
                    + unique("bad")
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + c.color
                    + "'],'attributes':['"
                    + c.ean
                    + "']},{'level':2,'axes':['"
                    + c.organic
                    + "']}]}")),
        "variant_attribute_sets[0].attributes[0]",
        null,
        null,
        "can only be set on the variant products");
    assertViolation(
        api.post(
            path,
            json(
                "{'code':'"
                    + unique("bad")
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + c.color
                    + "']},{'level':2,'axes':['"
                    + c.color
                    + "']}]}")),
        "variant_attribute_sets[1].axes[0]",
        null,
        null,
        "already placed at level 1");
    assertViolation(
        api.post(path, json("{'code':'" + unique("bad") + "','variant_attribute_sets':[]}")),
        "variant_attribute_sets",
        null,
        null,
        "must list 1 or 2 levels");
    assertProblem(
        409,
        "already-exists",
        api.post(
            path,
            json(
                "{'code':'"
                    + oneLevel
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + c.color
                    + "']}]}")));
  }

  @Test
  void variantsInheritFromEveryLevelAndFollowTheirModels() {
    String root = root(twoLevels);
    String navy = subModel(root, "navy");
    String sku = unique("TEE-NAVY-M");
    Api.Response created = variant(sku, navy, 2);
    assertStatus(201, created);
    JsonObject product = created.json();
    assertEquals(navy, product.getString("parent"));
    assertEquals(c.family, product.getString("family"));
    JsonObject values = product.getJsonObject("values");
    assertEquals(
        "Crew tee", values.getJsonArray(c.name).getJsonObject(0).getString("data"), "inherited");
    assertEquals("navy", values.getJsonArray(c.color).getJsonObject(0).getString("data"));
    assertEquals(2, values.getJsonArray(c.quantity).getJsonObject(0).getInt("data"));
    assertTrue(product.getJsonArray("categories").toString().contains(c.leaf), "inherited");

    JsonObject origins =
        api.get("api/v1/products/" + sku + "?with_value_origins=true")
            .json()
            .getJsonObject("value_origins");
    assertEquals(0, origins.getJsonObject(c.name).getInt("level"));
    assertEquals(root, origins.getJsonObject(c.name).getString("product_model"));
    assertEquals(navy, origins.getJsonObject(c.color).getString("product_model"));
    assertEquals(sku, origins.getJsonObject(c.quantity).getString("product"));

    JsonObject sub = api.get("api/v1/product-models/" + navy).json();
    assertEquals(root, sub.getString("parent"));
    assertEquals(
        "Crew tee",
        sub.getJsonObject("values").getJsonArray(c.name).getJsonObject(0).getString("data"));

    // One change on the root reaches every level below it, with an event for each.
    long before = lastEvent();
    String etag = api.get("api/v1/products/" + sku).header("ETag").orElseThrow();
    assertStatus(
        200,
        api.patch(
            "api/v1/product-models/" + root,
            json(
                "{'values':{'"
                    + c.name
                    + "':[{'locale':'en_US','scope':null,'data':'Organic crew tee'}]}}")));
    Api.Response after = api.get("api/v1/products/" + sku, "If-None-Match", etag);
    assertStatus(200, after);
    assertEquals(
        "Organic crew tee",
        after
            .json()
            .getJsonObject("values")
            .getJsonArray(c.name)
            .getJsonObject(0)
            .getString("data"));
    List<String> changed = eventsSince(before);
    assertTrue(changed.contains("product_model:" + root), changed::toString);
    assertTrue(changed.contains("product_model:" + navy), changed::toString);
    assertTrue(changed.contains("product:" + sku), changed::toString);
  }

  @Test
  void valuesAtTheWrongLevelNameTheLevelThatOwnsThem() {
    String root = root(twoLevels);
    String sand = subModel(root, "sand");
    String sku = unique("TEE-SAND");
    assertStatus(201, variant(sku, sand, 3));
    assertViolation(
        api.patch(
            "api/v1/products/" + sku,
            json("{'values':{'" + c.name + "':[{'locale':'en_US','scope':null,'data':'Other'}]}}")),
        c.name,
        "en_US",
        null,
        "the root product models (common attributes) of the family variant '"
            + twoLevels
            + "' (here, the product model '"
            + root
            + "')");
    assertViolation(
        api.patch(
            "api/v1/product-models/" + root,
            json("{'values':{'" + c.color + "':[{'locale':null,'scope':null,'data':'red'}]}}")),
        c.color,
        null,
        null,
        "the sub-models (level 1)");
    // What a client read, inherited values included, can be sent back unchanged.
    JsonObject read = api.get("api/v1/products/" + sku).json();
    var body = jakarta.json.Json.createObjectBuilder(read);
    body.remove("associations");
    body.remove("quantified_associations");
    Api.Response again = api.patch("api/v1/products/" + sku, body.build().toString());
    assertStatus(200, again);
    assertEquals(
        api.get("api/v1/products/" + sku).header("ETag"), again.header("ETag"), "no new version");
    // A variant without its axis value, or a sub-model without its, is refused.
    assertViolation(
        api.patch("api/v1/products/" + unique("NOAXIS"), json("{'parent':'" + sand + "'}")),
        c.quantity,
        null,
        null,
        "is an axis of the family variant");
    assertViolation(
        api.post(
            "api/v1/product-models",
            json("{'code':'" + unique("sub") + "','parent':'" + root + "'}")),
        c.color,
        null,
        null,
        "is an axis of the family variant");
    assertViolation(
        api.patch(
            "api/v1/products/" + unique("ROOTCHILD"),
            json(
                "{'parent':'"
                    + root
                    + "','values':{'"
                    + c.quantity
                    + "':[{'locale':null,'scope':null,'data':1}]}}")),
        "parent",
        null,
        null,
        "variant products go under its sub-models");
  }

  @Test
  void axisCombinationsAreUniqueAmongSiblings() throws Exception {
    String root = root(twoLevels);
    String red = subModel(root, "red");
    assertStatus(201, variant(unique("RED-4"), red, 4));
    assertViolation(
        variant(unique("RED-4-TOO"), red, 4),
        c.quantity,
        null,
        null,
        "already has a variant with " + c.quantity + " 4");
    assertViolation(
        api.post(
            "api/v1/product-models",
            json(
                "{'code':'"
                    + unique("sub")
                    + "','parent':'"
                    + root
                    + "','values':{'"
                    + c.color
                    + "':[{'locale':null,'scope':null,'data':'RED'}]}}")),
        c.color,
        null,
        null,
        "already has a sub-model with");

    // Eight writers race for the same combination: exactly one wins.
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> racers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String sku = unique("RACE");
        racers.add(() -> variant(sku, red, 9).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : pool.invokeAll(racers)) {
        statuses.add(f.get());
      }
      assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses::toString);
      assertTrue(
          statuses.stream().allMatch(s -> s == 201 || s == 422 || s == 409), statuses::toString);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void movesAndDeletesThatWouldBreakDataAreConflicts() {
    String root = root(twoLevels);
    String navy = subModel(root, "navy");
    String sand = subModel(root, "sand");
    String sku = unique("MOVER");
    assertStatus(201, variant(sku, navy, 5));
    assertStatus(201, variant(unique("SAND-5"), sand, 5));
    String sandSix = unique("SAND-6");
    assertStatus(201, variant(sandSix, sand, 6));

    assertProblem(
        409, "conflict", api.patch("api/v1/products/" + sku, json("{'parent':'" + sand + "'}")));
    assertStatus(200, api.patch("api/v1/products/" + sandSix, json("{'parent':'" + navy + "'}")));
    assertEquals(
        "navy",
        api.get("api/v1/products/" + sandSix)
            .json()
            .getJsonObject("values")
            .getJsonArray(c.color)
            .getJsonObject(0)
            .getString("data"));
    String other = root(oneLevel);
    assertProblem(
        409, "conflict", api.patch("api/v1/products/" + sku, json("{'parent':'" + other + "'}")));
    assertProblem(409, "conflict", api.patch("api/v1/products/" + sku, json("{'parent':null}")));

    JsonObject refused = assertProblem(409, "in-use", api.delete("api/v1/product-models/" + navy));
    assertTrue(refused.getString("detail").contains(sku), refused::toString);
    assertProblem(409, "in-use", api.delete("api/v1/product-models/" + root));
    assertProblem(
        409,
        "in-use",
        api.patch(
            "api/v1/families/" + c.family + "/variants/" + twoLevels,
            json(
                "{'variant_attribute_sets':[{'level':1,'axes':['"
                    + c.organic
                    + "']},{'level':2,'axes':['"
                    + c.quantity
                    + "']}]}")));
    // name has a value on the root: it cannot move down to level 1 while that value exists.
    JsonObject moved =
        assertProblem(
            409,
            "in-use",
            api.patch(
                "api/v1/families/" + c.family + "/variants/" + twoLevels,
                json(
                    "{'variant_attribute_sets':[{'level':1,'axes':['"
                        + c.color
                        + "'],'attributes':['"
                        + c.images
                        + "','"
                        + c.name
                        + "']},{'level':2,'axes':['"
                        + c.quantity
                        + "'],'attributes':['"
                        + c.ean
                        + "','"
                        + c.weight
                        + "']}]}")));
    assertTrue(moved.getString("detail").contains(root), moved::toString);
    assertProblem(
        409, "in-use", api.delete("api/v1/families/" + c.family + "/variants/" + twoLevels));

    // Emptied, the models can go, leaf first.
    assertStatus(204, api.delete("api/v1/products/" + sku));
    assertStatus(204, api.delete("api/v1/products/" + sandSix));
    assertStatus(204, api.delete("api/v1/product-models/" + navy));
    assertStatus(404, api.get("api/v1/product-models/" + navy));
  }

  @Test
  void modelsBulkWritesRootsBeforeTheirSubModels() {
    String root = unique("bulkroot");
    String sub = unique("bulksub");
    String body =
        json(
                "{'code':'"
                    + root
                    + "','family_variant':'"
                    + twoLevels
                    + "','values':{'"
                    + c.name
                    + "':[{'locale':'en_US','scope':null,'data':'Bulk'}]}}")
            + "\n"
            + json(
                "{'code':'"
                    + sub
                    + "','parent':'"
                    + root
                    + "','values':{'"
                    + c.color
                    + "':[{'locale':null,'scope':null,'data':'red'}]}}")
            + "\n"
            + json("{'code':'" + unique("bad") + "','family_variant':'nope'}")
            + "\n";
    Api.Response answer =
        api.send(
            "PATCH",
            "api/v1/product-models",
            java.net.http.HttpRequest.BodyPublishers.ofString(body),
            "Content-Type",
            Api.NDJSON);
    assertStatus(200, answer);
    String[] lines = answer.body().split("\n");
    assertEquals(3, lines.length, answer::toString);
    assertTrue(lines[0].contains("\"status_code\":201"), lines[0]);
    assertTrue(lines[1].contains("\"status_code\":201"), lines[1]);
    assertTrue(lines[2].contains("\"status_code\":422"), lines[2]);
    JsonObject read = api.get("api/v1/product-models/" + sub).json();
    assertEquals(root, read.getString("parent"));
    assertFalse(read.getJsonObject("values").isEmpty());
    assertEquals(JsonValue.ValueType.OBJECT, read.get("associations").getValueType());
  }

  private long lastEvent() {
    long last = 0;
    String path = "api/v1/events?limit=100";
    while (true) {
      JsonObject page = api.get(path).json();
      var items = page.getJsonObject("_embedded").getJsonArray("items");
      if (items.isEmpty()) {
        return last;
      }
      last = items.getJsonObject(items.size() - 1).getJsonNumber("seq").longValue();
      path = page.getJsonObject("_links").getJsonObject("next").getString("href");
    }
  }

  /** "type:code" of every event after {@code seq}. */
  private List<String> eventsSince(long seq) {
    List<String> seen = new ArrayList<>();
    String cursor =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(Long.toString(seq).getBytes());
    String path = "api/v1/events?limit=100&search_after=" + cursor;
    while (true) {
      JsonObject page = api.get(path).json();
      var items = page.getJsonObject("_embedded").getJsonArray("items");
      if (items.isEmpty()) {
        return seen;
      }
      items
          .getValuesAs(JsonObject.class)
          .forEach(e -> seen.add(e.getString("entity_type") + ":" + e.getString("entity_code")));
      path = page.getJsonObject("_links").getJsonObject("next").getString("href");
    }
  }
}
