package io.vitrine.testing;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small catalog of its own for a test class, created through the API with codes no other test
 * uses: a category tree, a channel (en_US and fr_FR; EUR and USD), one attribute of each type and a
 * family holding them all, which the channel requires name, price and ean of.
 */
public final class TestCatalog {

  public final String suffix;
  public final String tree;
  public final String leaf;
  public final String channel;
  public final String family;
  public final String name;
  public final String description;
  public final String color;
  public final String materials;
  public final String weight;
  public final String price;
  public final String ean;
  public final String quantity;
  public final String released;
  public final String organic;
  public final String images;

  private TestCatalog(String suffix) {
    this.suffix = suffix;
    tree = "tree_" + suffix;
    leaf = "leaf_" + suffix;
    channel = "web_" + suffix;
    family = "fam_" + suffix;
    name = "name_" + suffix;
    description = "desc_" + suffix;
    color = "color_" + suffix;
    materials = "materials_" + suffix;
    weight = "weight_" + suffix;
    price = "price_" + suffix;
    ean = "ean_" + suffix;
    quantity = "qty_" + suffix;
    released = "released_" + suffix;
    organic = "organic_" + suffix;
    images = "images_" + suffix;
  }

  public static TestCatalog create(Api api) {
    String suffix = VitrineIT.unique("t").substring(2);
    var c = new TestCatalog(suffix);
    created(
        api.post("api/v1/categories", json("{'code':'" + c.tree + "','labels':{'en_US':'Tree'}}")));
    created(
        api.post("api/v1/categories", json("{'code':'" + c.leaf + "','parent':'" + c.tree + "'}")));
    created(
        api.post(
            "api/v1/channels",
            json(
                "{'code':'"
                    + c.channel
                    + "','locales':['en_US','fr_FR'],'currencies':['EUR','USD'],'category_tree':'"
                    + c.tree
                    + "'}")));
    attribute(
        api, "{'code':'" + c.name + "','type':'text','localizable':true,'max_characters':40}");
    attribute(
        api,
        "{'code':'"
            + c.description
            + "','type':'textarea','localizable':true,'scopable':true,'rich_text':true}");
    attribute(api, "{'code':'" + c.color + "','type':'simpleselect'}");
    attribute(api, "{'code':'" + c.materials + "','type':'multiselect'}");
    attribute(
        api,
        "{'code':'"
            + c.weight
            + "','type':'metric','metric_family':'Weight','default_metric_unit':'KILOGRAM','number_min':'0','number_max':'50'}");
    attribute(api, "{'code':'" + c.price + "','type':'price_collection','decimals_allowed':true}");
    attribute(
        api,
        "{'code':'"
            + c.ean
            + "','type':'text','unique':true,'validation_rule':'regexp','validation_regexp':'^\\\\d{13}$'}");
    attribute(
        api, "{'code':'" + c.quantity + "','type':'number','number_min':'1','number_max':'1000'}");
    attribute(api, "{'code':'" + c.released + "','type':'date','date_min':'2000-01-01'}");
    attribute(api, "{'code':'" + c.organic + "','type':'boolean'}");
    attribute(api, "{'code':'" + c.images + "','type':'asset_collection'}");
    for (String option : new String[] {"red", "navy", "sand"}) {
      created(
          api.post(
              "api/v1/attributes/" + c.color + "/options",
              json("{'code':'" + option + "','labels':{'en_US':'" + option + "'}}")));
    }
    for (String option : new String[] {"cotton", "linen", "wool"}) {
      created(
          api.post(
              "api/v1/attributes/" + c.materials + "/options", json("{'code':'" + option + "'}")));
    }
    created(
        api.post(
            "api/v1/families",
            json(
                "{'code':'"
                    + c.family
                    + "','attributes':['"
                    + String.join(
                        "','",
                        c.name,
                        c.description,
                        c.color,
                        c.materials,
                        c.weight,
                        c.price,
                        c.ean,
                        c.quantity,
                        c.released,
                        c.organic,
                        c.images)
                    + "'],'attribute_as_label':'"
                    + c.name
                    + "','attribute_as_image':'"
                    + c.images
                    + "','attribute_requirements':{'"
                    + c.channel
                    + "':['"
                    + c.name
                    + "','"
                    + c.price
                    + "','"
                    + c.ean
                    + "']}}")));
    return c;
  }

  /** Uploads a small PNG as the asset {@code code} (or replaces its file), in no family. */
  public static void asset(Api api, String code) {
    var response =
        api.send(
            "PUT",
            "api/v1/assets/" + code,
            java.net.http.HttpRequest.BodyPublishers.ofByteArray(
                io.vitrine.asset.TestImages.image("png", 8, 8)),
            "Content-Type",
            "image/png");
    assertTrue(response.status() == 201 || response.status() == 200, response::toString);
  }

  /** A product complete for the channel (en_US and fr_FR names, price, EAN) unless told. */
  public String product(Api api, String identifier, boolean complete, String extraValues) {
    String body =
        "{'identifier':'"
            + identifier
            + "','family':'"
            + family
            + "','categories':['"
            + leaf
            + "'],'values':{'"
            + name
            + "':[{'locale':'en_US','scope':null,'data':'Crew tee "
            + identifier
            + "'}"
            + (complete ? ",{'locale':'fr_FR','scope':null,'data':'T-shirt'}" : "")
            + "],'"
            + price
            + "':[{'locale':null,'scope':null,'data':[{'amount':'10.50','currency':'EUR'},"
            + "{'amount':'12','currency':'USD'}]}],'"
            + ean
            + "':[{'locale':null,'scope':null,'data':'"
            + ean()
            + "'}]"
            + extraValues
            + "}}";
    created(api.post("api/v1/products", json(body)));
    return identifier;
  }

  private int eans;

  /** A valid EAN-13 no other product of the run has. */
  private String ean() {
    String twelve = String.format("2%05d%06d", Math.abs(suffix.hashCode()) % 100000, ++eans);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (twelve.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return twelve + (10 - sum % 10) % 10;
  }

  private static void attribute(Api api, String json) {
    created(api.post("api/v1/attributes", json(json)));
  }

  private static void created(Api.Response response) {
    assertEquals(201, response.status(), () -> "Test catalog setup failed: " + response);
  }

  /**
   * Creates a product of this catalog's family with {@code values}, the inside of its "values"
   * object (single quotes allowed); returns the identifier.
   */
  public String createProduct(Api api, String identifier, String values) {
    var response =
        api.post(
            "api/v1/products",
            json(
                "{'identifier':'"
                    + identifier
                    + "','family':'"
                    + family
                    + "','values':{"
                    + values
                    + "}}"));
    assertEquals(201, response.status(), response::toString);
    return identifier;
  }

  /** A product of this catalog's family with one value that has no locale and no scope. */
  public String productWith(String identifier, String attribute, String dataJson) {
    return "{\"identifier\":\""
        + identifier
        + "\",\"family\":\""
        + family
        + "\",\"values\":{\""
        + attribute
        + "\":["
        + value(null, null, dataJson)
        + "]}}";
  }

  /**
   * A search (with the count) of this catalog's family narrowed by {@code conditions}, the JSON
   * list of conditions on {@code field} (single quotes allowed).
   */
  public Api.Response search(Api api, String field, String conditions) {
    String search =
        "{'family':[{'operator':'IN','value':['"
            + family
            + "']}],'"
            + field
            + "':["
            + conditions
            + "]}";
    return api.get(
        "api/v1/products?with_count=true&search="
            + java.net.URLEncoder.encode(json(search), java.nio.charset.StandardCharsets.UTF_8));
  }

  /** How many products {@link #search} finds. */
  public int count(Api api, String field, String conditions) {
    var response = search(api, field, conditions);
    assertEquals(200, response.status(), response::toString);
    return response.json().getInt("items_count");
  }

  /** The completeness and quality summary of this catalog's channel in {@code locale}. */
  public jakarta.json.JsonObject summary(Api api, String locale) {
    var summary = api.get("api/v1/completeness/summary");
    assertEquals(200, summary.status(), summary::toString);
    return summary.json().getJsonArray("items").stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(s -> s.getString("scope").equals(channel) && s.getString("locale").equals(locale))
        .findFirst()
        .orElseThrow();
  }

  /** In a slot of the {@link #summary}, the counts of this catalog's family. */
  public jakarta.json.JsonObject familyCounts(jakarta.json.JsonObject slot) {
    return slot.getJsonArray("families").stream()
        .map(jakarta.json.JsonValue::asJsonObject)
        .filter(f -> f.getString("family").equals(family))
        .findFirst()
        .orElseThrow();
  }

  /** A value entry: {@code {"locale": l, "scope": s, "data": <data JSON>}}. */
  public static String value(String locale, String scope, String dataJson) {
    return "{\"locale\":"
        + quoted(locale)
        + ",\"scope\":"
        + quoted(scope)
        + ",\"data\":"
        + dataJson
        + "}";
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }
}
