package io.vitrine.search;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Search over HTTP: relevance on the sample catalog (with typos and French), freshness after
 * writes, drill-sideways facets, the rebuild while writes go on, and the index's status.
 */
class SearchIT extends VitrineIT {

  /** The sample catalog's own products: other tests add products of their own families. */
  private static final String SAMPLE =
      "{'family':[{'operator':'IN','value':['apparel','footwear','home','lighting']}]}";

  private Api.Response list(String... parameters) {
    var query = new StringBuilder("api/v1/products?");
    for (int i = 0; i < parameters.length; i += 2) {
      query
          .append(i == 0 ? "" : "&")
          .append(parameters[i])
          .append('=')
          .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
    }
    return api.get(query.toString());
  }

  private List<String> identifiers(Api.Response response) {
    assertStatus(200, response);
    List<String> identifiers = new ArrayList<>();
    response
        .json()
        .getJsonObject("_embedded")
        .getJsonArray("items")
        .forEach(i -> identifiers.add(i.asJsonObject().getString("identifier")));
    return identifiers;
  }

  private List<String> top(String q, String locale, int n) {
    var parameters = new ArrayList<>(List.of("q", q, "search", json(SAMPLE), "limit", "" + n));
    if (locale != null) {
      parameters.addAll(List.of("locale", locale));
    }
    return identifiers(list(parameters.toArray(String[]::new)));
  }

  private static void assertAllStartWith(String prefix, List<String> identifiers, String why) {
    assertTrue(!identifiers.isEmpty(), why + ": nothing found");
    identifiers.forEach(
        i -> assertTrue(i.startsWith(prefix), why + ": " + i + " in " + identifiers));
  }

  @Test
  void judgedQueriesFindTheRightProductsFirst() {
    assertEquals("TS-CREW-NAVY-M", top("TS-CREW-NAVY-M", null, 3).get(0), "exact identifier");
    assertAllStartWith("RUN-AERO", top("run-aero", null, 5), "identifier prefix");
    assertAllStartWith("HD-", top("hoodie", "en_US", 5), "a word of the name");
    assertAllStartWith("HD-", top("hoodei", "en_US", 5), "a typo (transposition)");
    assertAllStartWith("TEA-RIB", top("tepot", "en_US", 2), "a typo (missing letter)");
    assertAllStartWith("RUN-AERO", top("running shoes", "en_US", 3), "two words, stemmed");
    assertAllStartWith("MUG-STONE", top("stoneware mug", "en_US", 4), "as you type, whole");
    assertAllStartWith("PLT-DIN", top("dinner pla", "en_US", 2), "as you type, the last word");
    assertAllStartWith("TEA-RIB", top("théière", "fr_FR", 2), "French");
    assertAllStartWith("TEA-RIB", top("theiere", "fr_FR", 2), "French without accents");
    assertAllStartWith("BOOT-SUMMIT", top("chaussures de randonnée", "fr_FR", 3), "French plural");
    assertAllStartWith("CNDL-SOY", top("bougies", "fr_FR", 2), "French plural, one word");
    assertAllStartWith("HD-", top("capuche", null, 5), "any locale without one");
    assertAllStartWith(
        "BN-RIB", top("bonnet anthracite", "fr_FR", 1), "a name and an option label");
    assertEquals(List.of(), top("zzqx", "en_US", 5), "nothing like it");
    // What a user types is text, never query syntax.
    assertStatus(200, list("q", "+hoodie AND (name:* OR \"", "search", json(SAMPLE)));
  }

  @Test
  void aWriteIsFoundAtOnceAndADeleteGoneAtOnce() {
    String family = family();
    for (int i = 0; i < 5; i++) {
      String sku = unique("FRESH");
      assertStatus(
          201,
          api.post(
              "api/v1/products", json("{'identifier':'" + sku + "','family':'" + family + "'}")));
      assertEquals(List.of(sku), identifiers(list("q", sku)), "found right after its write");
      assertStatus(204, api.delete("api/v1/products/" + sku));
      assertEquals(List.of(), identifiers(list("q", sku)), "gone right after its delete");
    }
  }

  @Test
  void facetsCountEachFieldWithoutItsOwnFilter() {
    String family = family();
    String[][] products = {{"navy", "m"}, {"navy", "l"}, {"white", "m"}, {"coral", "s"}};
    for (String[] p : products) {
      assertStatus(
          201,
          api.post(
              "api/v1/products",
              json(
                  "{'identifier':'"
                      + unique("FACET")
                      + "','family':'"
                      + family
                      + "','values':{'color':[{'locale':null,'scope':null,'data':'"
                      + p[0]
                      + "'}],'size':[{'locale':null,'scope':null,'data':'"
                      + p[1]
                      + "'}]}}")));
    }
    JsonObject answer =
        list(
                "search",
                json(
                    "{'family':[{'operator':'IN','value':['"
                        + family
                        + "']}],'color':[{'operator':'IN','value':['navy']}]}"),
                "facets",
                "color,size",
                "with_count",
                "true")
            .json();
    assertEquals(2, answer.getInt("items_count"));
    // color ignores its own filter: every colour of the family, so a shopper sees the others.
    assertEquals(Map.of("navy", 2, "white", 1, "coral", 1), counts(answer, "color"));
    // size counts within the navy products only.
    assertEquals(Map.of("m", 1, "l", 1), counts(answer, "size"));
  }

  private static Map<String, Integer> counts(JsonObject answer, String facet) {
    Map<String, Integer> counts = new TreeMap<>();
    answer
        .getJsonObject("facets")
        .getJsonArray(facet)
        .forEach(
            v -> counts.put(v.asJsonObject().getString("value"), v.asJsonObject().getInt("count")));
    return counts;
  }

  @Test
  void aRebuildWhileWritesGoOnLosesNothing() throws InterruptedException {
    String family = family();
    List<String> written = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      written.add(product(family));
    }
    assertStatus(202, api.post("api/v1/search-index/rebuild", "{}"));
    JsonObject status = api.get("api/v1/search-index").json();
    for (int i = 0; i < 20 || !status.isNull("rebuild"); i++) {
      written.add(product(family));
      status = api.get("api/v1/search-index").json();
      assertTrue(i < 2000, "the rebuild ends");
    }
    assertTrue(status.getBoolean("open"));
    assertEquals(JsonString.class.isInstance(status.get("failure")), false, status.toString());
    JsonObject answer =
        list(
                "search",
                json("{'family':[{'operator':'IN','value':['" + family + "']}]}"),
                "with_count",
                "true")
            .json();
    assertEquals(written.size(), answer.getInt("items_count"), "every product written is found");
    JsonObject ready = api.get("health/ready").json();
    assertTrue(ready.toString().contains("\"search\""), ready.toString());
  }

  @Test
  void badQueriesNameWhatIsWrong() {
    assertViolation(list("sort", "nope"), "sort");
    assertViolation(list("sort", "-relevance", "q", "tee"), "sort");
    assertViolation(list("facets", "name"), "facets");
    assertViolation(list("search_after", "eyJxIjoiMSJ9"), "search_after");
    assertViolation(list("search", "[1,2]"), "search");
    assertViolation(list("locale", "xx_XX"), "locale");
    assertViolation(list("scope", "nowhere"), "scope");
    // An IN list over 1,000 values does not fit in a URL; FiltersTest covers that limit.
  }

  private void assertViolation(Api.Response response, String property) {
    JsonObject problem = assertProblem(422, "validation-failed", response);
    assertTrue(
        problem.toString().contains("\"property\":\"" + property + "\""), problem.toString());
  }

  private String product(String family) {
    String sku = unique("RB");
    assertStatus(
        201,
        api.post(
            "api/v1/products", json("{'identifier':'" + sku + "','family':'" + family + "'}")));
    return sku;
  }

  private String family() {
    String family = unique("searched");
    assertStatus(
        201,
        api.post(
            "api/v1/families",
            json("{'code':'" + family + "','attributes':['color','size','name']}")));
    return family;
  }
}
