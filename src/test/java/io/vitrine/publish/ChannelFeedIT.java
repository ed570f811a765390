package io.vitrine.publish;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The storefront feed over HTTP: a full pull, then the changes since, replayed the way a storefront
 * keeps its copy, which must end equal to the channel's products.
 */
class ChannelFeedIT extends VitrineIT {

  private TestCatalog c;

  @BeforeEach
  void catalog() {
    c = TestCatalog.create(api);
  }

  private String feed() {
    return "api/v1/channels/" + c.channel + "/products";
  }

  private String product(String identifier, boolean complete, String extraValues) {
    return c.product(api, identifier, complete, extraValues);
  }

  /**
   * What a storefront holds after following next links from {@code start} until a page is empty.
   */
  private static final class Copy {
    final Map<String, JsonObject> products = new LinkedHashMap<>();
    String next;
  }

  private Copy fullPull(int limit) {
    Copy copy = new Copy();
    String href = feed() + "?limit=" + limit;
    while (!href.contains("since=")) {
      var page = api.get(href);
      assertStatus(200, page);
      List<JsonObject> items = items(page);
      assertTrue(items.size() <= limit);
      items.forEach(p -> copy.products.put(p.getString("identifier"), p));
      href = page.json().getJsonObject("_links").getJsonObject("next").getString("href");
    }
    copy.next = href;
    return copy;
  }

  /** Applies the change pages from the copy's cursor until one comes back empty. */
  private List<String> catchUp(Copy copy) {
    List<String> applied = new ArrayList<>();
    while (true) {
      var page = api.get(copy.next);
      assertStatus(200, page);
      int limit = Integer.parseInt(copy.next.replaceAll(".*limit=(\\d+).*", "$1"));
      copy.next = page.json().getJsonObject("_links").getJsonObject("next").getString("href");
      List<JsonObject> items = items(page);
      assertTrue(items.size() <= limit, items.size() + " items in a page of " + limit);
      if (items.isEmpty()) {
        return applied;
      }
      for (JsonObject change : items) {
        String identifier = change.getString("identifier");
        if (change.getString("action").equals("upsert")) {
          assertEquals(identifier, change.getJsonObject("product").getString("identifier"));
          copy.products.put(identifier, change.getJsonObject("product"));
          applied.add("+" + identifier);
        } else {
          copy.products.remove(identifier);
          applied.add("-" + identifier + " " + change.getString("reason"));
        }
      }
    }
  }

  /** The changes applied to {@code identifiers}. */
  private static List<String> mine(List<String> applied, List<String> identifiers) {
    return applied.stream()
        .filter(change -> identifiers.contains(change.substring(1).split(" ")[0]))
        .toList();
  }

  private static List<JsonObject> items(Api.Response page) {
    return page.json().getJsonObject("_embedded").getJsonArray("items").stream()
        .map(JsonValue::asJsonObject)
        .toList();
  }

  /** The channel's products now, read one by one through the single-product endpoint. */
  private void assertSameAsChannel(Copy copy, Set<String> expected) {
    assertEquals(new TreeSet<>(expected), new TreeSet<>(copy.products.keySet()));
    for (String identifier : expected) {
      var one = api.get(feed() + "/" + identifier);
      assertStatus(200, one);
      assertEquals(one.json(), copy.products.get(identifier), identifier);
    }
  }

  @Test
  void aStorefrontThatReplaysTheChangesEndsWithTheChannelsProducts() {
    String a = product(unique("FA"), true, "");
    String b = product(unique("FB"), true, "");
    String d = product(unique("FD"), true, "");
    String gone = product(unique("FG"), true, "");
    String incomplete = product(unique("FI"), false, "");
    Copy copy = fullPull(2);
    assertSameAsChannel(copy, Set.of(a, b, d, gone));

    String e = product(unique("FE"), true, "");
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + a,
            json("{'values':{'" + c.name + "':[{'locale':'en_US','scope':null,'data':'New'}]}}")));
    assertStatus(200, api.patch("api/v1/products/" + b, json("{'enabled':false}")));
    assertStatus(204, api.delete("api/v1/products/" + gone));
    // Completed: it enters the channel. Renamed: the old identifier leaves.
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + incomplete,
            json(
                "{'values':{'"
                    + c.name
                    + "':[{'locale':'fr_FR','scope':null,'data':'T-shirt'}]}}")));
    String renamed = d + "-R";
    assertStatus(200, api.patch("api/v1/products/" + d, json("{'identifier':'" + renamed + "'}")));
    // A deleted identifier taken again by a new product.
    String again = product(gone, true, "");

    List<String> applied = catchUp(copy);
    assertTrue(applied.contains("-" + b + " disabled"), applied.toString());
    assertTrue(applied.contains("-" + d + " renamed"), applied.toString());
    assertTrue(
        applied.indexOf("-" + gone + " deleted") < applied.lastIndexOf("+" + again),
        applied.toString());
    assertSameAsChannel(copy, Set.of(a, e, incomplete, renamed, again));
    assertEquals(
        "New",
        copy.products.get(a).getJsonObject("values").getJsonObject(c.name).getString("en_US"));

    // Out of the channel's tree with its category, then back: a catalog change reaches them.
    assertStatus(201, api.post("api/v1/categories", json("{'code':'outside_" + c.suffix + "'}")));
    assertStatus(
        200,
        api.patch("api/v1/categories/" + c.leaf, json("{'parent':'outside_" + c.suffix + "'}")));
    List<String> out = catchUp(copy);
    assertTrue(out.contains("-" + a + " not_eligible"), out.toString());
    assertSameAsChannel(copy, Set.of());
    assertStatus(
        200, api.patch("api/v1/categories/" + c.leaf, json("{'parent':'" + c.tree + "'}")));
    catchUp(copy);
    assertSameAsChannel(copy, Set.of(a, e, incomplete, renamed, again));

    // Nothing written since: the same page, not modified.
    var quiet = api.get(copy.next);
    var same = api.get(copy.next, "If-None-Match", etag(quiet));
    assertEquals(304, same.status(), same::toString);
  }

  @Test
  void aChangeLargerThanAPageIsSplitAcrossPages() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(product(unique("FS"), true, ""));
    }
    Copy copy = fullPull(1000);
    assertStatus(
        200,
        api.patch(
            "api/v1/attributes/" + c.color + "/options/red",
            json("{'labels':{'en_US':'Red','fr_FR':'Rouge'}}")));
    // The label reaches no product yet: none has the option. (Background jobs of other tests may
    // send tombstones for products of other channels meanwhile: only ours are looked at.)
    assertEquals(List.of(), mine(catchUp(copy), all));
    for (String identifier : all) {
      assertStatus(
          200,
          api.patch(
              "api/v1/products/" + identifier,
              json("{'values':{'" + c.color + "':[{'locale':null,'scope':null,'data':'red'}]}}")));
    }
    catchUp(copy);
    assertStatus(
        200,
        api.patch(
            "api/v1/attributes/" + c.color + "/options/red",
            json("{'labels':{'en_US':'Cherry'}}")));
    copy.next = copy.next.replace("limit=1000", "limit=2");
    List<String> applied = mine(catchUp(copy), all);
    assertEquals(
        all.stream().map(p -> "+" + p).sorted().toList(), applied.stream().sorted().toList());
    assertEquals(
        "Cherry",
        copy.products
            .get(all.get(0))
            .getJsonObject("values")
            .getJsonObject(c.color)
            .getJsonObject("labels")
            .getString("en_US"));
    assertSameAsChannel(copy, Set.copyOf(all));
  }

  @Test
  void productsReadAsTheChannelPublishesThem() {
    assertStatus(
        200,
        api.patch(
            "api/v1/channels/" + c.channel,
            json("{'currencies':['USD','EUR'],'conversion_units':{'" + c.weight + "':'GRAM'}}")));
    String xsell = "xs_" + c.suffix;
    assertStatus(201, api.post("api/v1/association-types", json("{'code':'" + xsell + "'}")));
    String other = "other_" + c.suffix;
    assertStatus(
        201,
        api.post(
            "api/v1/channels",
            json(
                "{'code':'"
                    + other
                    + "','locales':['en_US'],'currencies':['EUR','GBP'],'category_tree':'"
                    + c.tree
                    + "'}")));
    String outside = "outside_" + c.suffix;
    assertStatus(201, api.post("api/v1/categories", json("{'code':'" + outside + "'}")));
    String linked = product(unique("FL"), true, "");
    String hidden = product(unique("FH"), false, "");
    String p =
        product(
            unique("FP"),
            true,
            ",'"
                + c.weight
                + "':[{'locale':null,'scope':null,'data':{'amount':'0.25','unit':'KILOGRAM'}}],'"
                + c.description
                + "':[{'locale':'en_US','scope':'"
                + c.channel
                + "','data':'<p>Ours</p>'},{'locale':'en_US','scope':'"
                + other
                + "','data':'<p>Theirs</p>'}],'"
                + c.color
                + "':[{'locale':null,'scope':null,'data':'navy'}]");
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + p,
            json(
                "{'values':{'"
                    + c.price
                    + "':[{'locale':null,'scope':null,'data':[{'amount':'10.50','currency':'EUR'},"
                    + "{'amount':'12','currency':'USD'},{'amount':'9','currency':'GBP'}]}]},"
                    + "'associations':{'"
                    + xsell
                    + "':{'products':['"
                    + linked
                    + "','"
                    + hidden
                    + "']}},'categories':['"
                    + c.leaf
                    + "','"
                    + outside
                    + "']}")));
    var response = api.get(feed() + "/" + p);
    assertStatus(200, response);
    JsonObject product = response.json();
    JsonObject values = product.getJsonObject("values");
    assertEquals(json("{'amount':'250','unit':'GRAM'}"), values.get(c.weight).toString());
    assertEquals(
        json("[{'amount':'12.00','currency':'USD'},{'amount':'10.50','currency':'EUR'}]"),
        values.get(c.price).toString());
    assertEquals(json("{'en_US':'<p>Ours</p>'}"), values.get(c.description).toString());
    assertEquals(json("{'code':'navy','labels':{'en_US':'navy'}}"), values.get(c.color).toString());
    assertEquals(json("['" + c.leaf + "']"), product.getJsonArray("categories").toString());
    assertEquals(
        json("{'" + xsell + "':{'products':['" + linked + "'],'product_models':[]}}"),
        product.getJsonObject("associations").toString());
    String tag = etag(response);
    assertEquals(304, api.get(feed() + "/" + p, "If-None-Match", tag).status());

    // Every product the feed gives is one the verdict admits, and the other way round.
    Copy copy = fullPull(1000);
    for (String identifier : List.of(linked, hidden, p)) {
      boolean eligible =
          api.get("api/v1/channels/" + c.channel + "/eligibility/" + identifier)
              .json()
              .getBoolean("eligible");
      assertEquals(eligible, copy.products.containsKey(identifier), identifier);
    }
    assertFalse(copy.products.containsKey(hidden));
    JsonObject why = assertProblem(404, "not-published", api.get(feed() + "/" + hidden));
    assertTrue(why.getString("detail").contains("fr_FR: 75 %, missing " + c.name), why.toString());
  }

  @Test
  void productsLinkingToAChangedProductAreSentAgain() {
    String xsell = "xl_" + c.suffix;
    assertStatus(201, api.post("api/v1/association-types", json("{'code':'" + xsell + "'}")));
    String b = product(unique("FB"), true, "");
    String r = product(unique("FR"), true, "");
    String a = product(unique("FA"), true, "");
    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + a,
            json("{'associations':{'" + xsell + "':{'products':['" + b + "','" + r + "']}}}")));
    Copy copy = fullPull(1000);
    assertEquals(json("['" + b + "','" + r + "']"), linked(copy, a, xsell));

    // Neither write touches A, yet A no longer reads the same: it is sent again.
    assertStatus(200, api.patch("api/v1/products/" + b, json("{'enabled':false}")));
    assertStatus(200, api.patch("api/v1/products/" + r, json("{'identifier':'" + r + "-X'}")));
    List<String> applied = catchUp(copy);
    assertTrue(applied.contains("+" + a), applied.toString());
    assertSameAsChannel(copy, Set.of(a, r + "-X"));
    assertEquals(json("['" + r + "-X']"), linked(copy, a, xsell));
  }

  /** The products {@code identifier} links to with {@code type}, in the storefront's copy. */
  private static String linked(Copy copy, String identifier, String type) {
    return copy.products
        .get(identifier)
        .getJsonObject("associations")
        .getJsonObject(type)
        .getJsonArray("products")
        .toString();
  }

  @Test
  void ndjsonAndJsonLd() {
    String p =
        product(
            unique("FN"),
            true,
            ",'"
                + c.description
                + "':[{'locale':'fr_FR','scope':'"
                + c.channel
                + "','data':'<p>Un <b>beau</b> t-shirt</p>'}]");
    var lines = api.get(feed() + "?limit=1000", "Accept", "application/x-ndjson");
    assertStatus(200, lines);
    assertTrue(lines.contentType().startsWith("application/x-ndjson"), lines.contentType());
    assertTrue(lines.header("Link").orElseThrow().contains("rel=\"next\""));
    List<String> identifiers = new ArrayList<>();
    for (String line : lines.body().split("\n")) {
      identifiers.add(
          Json.createReader(new StringReader(line)).readObject().getString("identifier"));
    }
    assertEquals(List.of(p), identifiers);

    var ld = api.get(feed() + "/" + p + "?locale=fr_FR", "Accept", "application/ld+json");
    assertStatus(200, ld);
    assertTrue(ld.contentType().startsWith("application/ld+json"), ld.contentType());
    JsonObject schema = ld.json();
    assertEquals("https://schema.org", schema.getString("@context"));
    assertEquals("Product", schema.getString("@type"));
    assertEquals(p, schema.getString("sku"));
    assertEquals("T-shirt", schema.getString("name"));
    JsonObject offer = schema.getJsonArray("offers").getJsonObject(0);
    assertEquals("Offer", offer.getString("@type"));
    assertEquals("10.50", offer.getString("price"));
    assertEquals("EUR", offer.getString("priceCurrency"));
    assertEquals("https://schema.org/InStock", offer.getString("availability"));
    assertViolation(
        api.get(feed() + "/" + p + "?locale=de_DE", "Accept", "application/ld+json"),
        "locale",
        "not a locale of the channel");
  }

  @Test
  void badRequestsAreNamed() {
    assertViolation(api.get(feed() + "?limit=0"), "limit", "between 1 and 1000");
    assertViolation(api.get(feed() + "?limit=1001"), "limit", "between 1 and 1000");
    assertViolation(api.get(feed() + "?since=garbage"), "since", "not a cursor");
    String full =
        api.get(feed() + "?limit=1")
            .json()
            .getJsonObject("_links")
            .getJsonObject("next")
            .getString("href");
    // A full-pull cursor is not a changes cursor.
    String cursor = full.substring(full.indexOf("search_after=") + "search_after=".length());
    assertViolation(api.get(feed() + "?since=" + cursor), "since", "not a cursor");
    assertProblem(404, "not-found", api.get("api/v1/channels/nope_feed/products"));
    assertProblem(404, "not-found", api.get(feed() + "/NOPE-404"));

    // A new label changes nothing a product reads like; a new rule does: start over.
    String since = fullPull(1000).next;
    assertStatus(
        200, api.patch("api/v1/channels/" + c.channel, json("{'labels':{'en_US':'Web shop'}}")));
    assertStatus(200, api.get(since));
    String midPull =
        api.get(feed() + "?limit=1")
            .json()
            .getJsonObject("_links")
            .getJsonObject("next")
            .getString("href");
    assertStatus(
        200,
        api.patch("api/v1/channels/" + c.channel, json("{'eligibility':{'min_completeness':50}}")));
    JsonObject reset = assertProblem(410, "feed-reset", api.get(since));
    assertEquals(c.channel, reset.getString("channel"));
    assertProblem(410, "feed-reset", api.get(midPull));
  }
}
