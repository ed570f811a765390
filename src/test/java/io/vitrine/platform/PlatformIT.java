package io.vitrine.platform;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What every client meets first: health, the API description, metrics and uniform errors. */
class PlatformIT extends VitrineIT {

  @Test
  void readinessReportsTheDatabaseAndTheSearchIndex() {
    var ready = api.get("health/ready");
    assertStatus(200, ready);
    java.util.Map<String, JsonObject> checks = new java.util.HashMap<>();
    ready
        .json()
        .getJsonArray("checks")
        .forEach(c -> checks.put(c.asJsonObject().getString("name"), c.asJsonObject()));
    JsonObject database = checks.get("database");
    assertEquals("UP", database.getString("status"));
    assertEquals("true", database.getJsonObject("data").getString("migrated"));
    JsonObject search = checks.get("search");
    assertEquals("UP", search.getString("status"));
    assertTrue(search.getJsonObject("data").containsKey("lag"), search.toString());
    assertStatus(200, api.get("health/live"));
  }

  @Test
  void theEntryPointLinksToEveryCollection() {
    JsonObject root = api.get("api/v1").json();
    assertEquals("Vitrine", root.getString("name"));
    JsonObject links = root.getJsonObject("_links");
    for (String collection : List.of("products", "asset_families", "search_index")) {
      String href = links.getJsonObject(collection).getString("href");
      assertStatus(200, api.get(href.substring(href.indexOf("api/v1/"))));
    }
  }

  @Test
  void openApiDescribesEveryEndpoint() {
    var openapi = api.get("openapi", "Accept", "application/json");
    assertStatus(200, openapi);
    JsonObject paths = openapi.json().getJsonObject("paths");
    Set<String> expected =
        new TreeSet<>(
            List.of(
                "/api/v1",
                "/api/v1/locales",
                "/api/v1/locales/{code}",
                "/api/v1/currencies",
                "/api/v1/currencies/{code}",
                "/api/v1/channels",
                "/api/v1/channels/{channel}/eligibility/{identifier}",
                "/api/v1/channels/{channel}/products",
                "/api/v1/channels/{channel}/products/{identifier}",
                "/api/v1/channels/{code}",
                "/api/v1/channels/{channel}/export-profiles",
                "/api/v1/channels/{channel}/export-profiles/{code}",
                "/api/v1/channels/{channel}/export-profiles/{code}/exports",
                "/api/v1/channels/{channel}/export-profiles/{code}/output",
                "/api/v1/channels/{channel}/export-profiles/{code}/output/rejections",
                "/api/v1/assets",
                "/api/v1/assets/{code}",
                "/api/v1/assets/{code}/file",
                "/api/v1/assets/{code}/renditions/{rendition}",
                "/api/v1/asset-families",
                "/api/v1/asset-families/{code}",
                "/api/v1/exports",
                "/api/v1/exports/{id}",
                "/api/v1/exports/{id}/file",
                "/api/v1/exports/{id}/rejections",
                "/api/v1/measurement-families",
                "/api/v1/measurement-families/{code}",
                "/api/v1/attribute-groups",
                "/api/v1/attribute-groups/{code}",
                "/api/v1/attributes",
                "/api/v1/attributes/{code}",
                "/api/v1/attributes/{attribute}/options",
                "/api/v1/attributes/{attribute}/options/{code}",
                "/api/v1/families",
                "/api/v1/families/{code}",
                "/api/v1/families/{family}/variants",
                "/api/v1/families/{family}/variants/{code}",
                "/api/v1/association-types",
                "/api/v1/association-types/{code}",
                "/api/v1/product-models",
                "/api/v1/product-models/{code}",
                "/api/v1/categories",
                "/api/v1/categories/{code}",
                "/api/v1/products",
                "/api/v1/products/{identifier}",
                "/api/v1/search-index",
                "/api/v1/search-index/rebuild",
                "/api/v1/completeness/summary",
                "/api/v1/jobs",
                "/api/v1/jobs/{id}",
                "/api/v1/jobs/{id}/retry",
                "/api/v1/events"));
    assertEquals(expected, new TreeSet<>(paths.keySet()));
    // Two resources share /assets: the list (GET) and the form upload (POST), whose body is a form.
    JsonObject assets = paths.getJsonObject("/api/v1/assets");
    assertEquals(Set.of("get", "post"), assets.keySet(), assets::toString);
    assertTrue(
        assets
            .getJsonObject("post")
            .getJsonObject("requestBody")
            .getJsonObject("content")
            .containsKey("multipart/form-data"),
        assets::toString);
    List<String> undocumented = new ArrayList<>();
    paths.forEach(
        (path, operations) ->
            operations
                .asJsonObject()
                .forEach(
                    (method, operation) -> {
                      JsonObject op = operation.asJsonObject();
                      String name = method + " " + path;
                      if (!op.containsKey("summary") || !op.containsKey("operationId")) {
                        undocumented.add(name + ": no summary or operationId");
                      }
                      if (op.containsKey("requestBody")
                          && !hasExample(op.getJsonObject("requestBody"))) {
                        undocumented.add(name + ": no request example");
                      }
                      if (op.getJsonObject("responses").values().stream()
                          .noneMatch(r -> hasExample(r.asJsonObject()))) {
                        undocumented.add(name + ": no response example");
                      }
                    }));
    assertTrue(undocumented.isEmpty(), () -> "Undocumented: " + undocumented);
  }

  private static boolean hasExample(JsonObject bodyOrResponse) {
    JsonObject content = bodyOrResponse.getJsonObject("content");
    return content != null
        && content.values().stream().anyMatch(media -> media.asJsonObject().containsKey("example"));
  }

  @Test
  void theDocumentedExamplesHaveTheFieldsTheApiAnswersWith() {
    JsonObject paths =
        api.get("openapi", "Accept", "application/json").json().getJsonObject("paths");
    JsonObject example =
        paths
            .getJsonObject("/api/v1/channels/{code}")
            .getJsonObject("get")
            .getJsonObject("responses")
            .getJsonObject("200")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("example");
    JsonObject live = api.get("api/v1/channels/" + example.getString("code")).json();
    assertEquals(
        filledFields(live),
        new TreeSet<>(example.keySet()),
        "tools/openapi-examples.py needs a rerun");
    JsonObject productExample =
        paths
            .getJsonObject("/api/v1/products/{identifier}")
            .getJsonObject("get")
            .getJsonObject("responses")
            .getJsonObject("200")
            .getJsonObject("content")
            .getJsonObject("application/json")
            .getJsonObject("example");
    JsonObject product = api.get("api/v1/products/TS-CREW-NAVY-M").json();
    assertEquals(
        filledFields(product),
        new TreeSet<>(productExample.keySet()),
        "tools/openapi-examples.py needs a rerun");
  }

  /** Payara's OpenAPI writer leaves out null and empty values, so only filled fields compare. */
  private static Set<String> filledFields(JsonObject object) {
    Set<String> fields = new TreeSet<>();
    object.forEach(
        (field, value) -> {
          boolean empty =
              value.getValueType() == jakarta.json.JsonValue.ValueType.NULL
                  || (value instanceof JsonObject o && o.isEmpty())
                  || (value instanceof jakarta.json.JsonArray a && a.isEmpty());
          if (!empty) {
            fields.add(field);
          }
        });
    return fields;
  }

  @Test
  void metricsAreServed() {
    var metrics = api.get("metrics");
    assertStatus(200, metrics);
    assertTrue(metrics.body().contains("# TYPE"), metrics::toString);
  }

  @Test
  void theSampleCatalogIsLoadedOnFirstStart() {
    var products = api.get("api/v1/products?limit=1&with_count=true");
    assertStatus(200, products);
    assertTrue(products.json().getInt("items_count") >= 60, products::toString);
    for (String channel : List.of("ecommerce", "marketplace")) {
      var found = api.get("api/v1/channels/" + channel);
      assertStatus(200, found);
      assertTrue(
          found.json().getJsonArray("locales").toString().contains("fr_FR"), found::toString);
    }
    for (String family : List.of("apparel", "footwear", "home")) {
      assertStatus(200, api.get("api/v1/families/" + family));
    }
    var tee = api.get("api/v1/products/TS-CREW-NAVY-M");
    assertStatus(200, tee);
    JsonObject values = tee.json().getJsonObject("values");
    assertTrue(
        values.containsKey("price") && values.containsKey("weight") && values.containsKey("color"),
        tee::toString);
  }

  @Test
  void malformedJsonIsA400WithThePosition() {
    var response = api.post("api/v1/channels", "{\n  \"code\": \"x\",\n  \"labels\": {,}\n}");
    JsonObject problem = assertProblem(400, "malformed-json", response);
    assertEquals(3, problem.getJsonObject("position").getInt("line"), response::toString);
    assertTrue(problem.getString("detail").contains("line 3"), response::toString);
  }

  @Test
  void aKeyGivenTwiceIsMalformed() {
    assertProblem(
        400, "malformed-json", api.post("api/v1/locales", json("{'code':'xx_XX','code':'yy_YY'}")));
  }

  @Test
  void anEmptyBodyOrANonObjectIsA400() {
    assertProblem(400, "bad-request", api.post("api/v1/locales", ""));
    assertProblem(400, "bad-request", api.post("api/v1/locales", "[1, 2]"));
  }

  @Test
  void aWrongContentTypeIsA415() {
    var response = api.post("api/v1/channels", json("{'code':'x'}"), "Content-Type", "text/plain");
    assertProblem(415, "unsupported-media-type", response);
    assertProblem(415, "unsupported-media-type", api.patch("api/v1/products", "{}"));
  }

  @Test
  void aWriteWithoutContentTypeIsA415() {
    assertProblem(
        415,
        "unsupported-media-type",
        api.send("POST", "api/v1/channels", BodyPublishers.noBody()));
    assertProblem(
        415,
        "unsupported-media-type",
        api.send("PATCH", "api/v1/products/X", BodyPublishers.ofString("{}")));
  }

  @Test
  void anUnknownAddressIsA404AndAWrongMethodA405() {
    assertProblem(404, "not-found", api.get("api/v1/no-such-thing"));
    var response =
        api.send(
            "PUT",
            "api/v1/channels/ecommerce",
            BodyPublishers.ofString("{}"),
            "Content-Type",
            "application/json");
    assertProblem(405, "method-not-allowed", response);
    assertTrue(response.header("Allow").orElse("").contains("PATCH"), response::toString);
  }

  @Test
  void aBodyOverTheLimitIsA413WhetherAnnouncedOrStreamed() {
    String big = "{\"code\":\"xx_XX\",\"labels\":{\"en_US\":\"" + "x".repeat(1_100_000) + "\"}}";
    assertProblem(413, "payload-too-large", api.post("api/v1/locales", big));
    byte[] bytes = big.getBytes(StandardCharsets.UTF_8);
    // An input stream is sent chunked, without Content-Length: the limit must hold while reading.
    var streamed =
        api.send(
            "POST",
            "api/v1/locales",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
            "Content-Type",
            "application/json");
    assertProblem(413, "payload-too-large", streamed);
    assertStatus(404, api.get("api/v1/locales/xx_XX"));
  }

  @Test
  void problemsNameTheAddressThatFailed() {
    var response = api.get("api/v1/channels/no_such_channel");
    JsonObject problem = assertProblem(404, "not-found", response);
    assertEquals("/api/v1/channels/no_such_channel", problem.getString("instance"));
    assertFalse(problem.getString("detail").isBlank());
  }
}
