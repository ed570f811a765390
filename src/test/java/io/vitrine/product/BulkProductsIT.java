package io.vitrine.product;

import static io.vitrine.testing.TestCatalog.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkProductsIT extends VitrineIT {

  private Api.Response bulk(String... lines) {
    return api.send(
        "PATCH",
        "api/v1/products",
        BodyPublishers.ofString(String.join("\n", lines) + "\n"),
        "Content-Type",
        Api.NDJSON);
  }

  private static List<JsonObject> statusLines(Api.Response response) {
    assertEquals(200, response.status(), response::toString);
    assertTrue(response.contentType().startsWith(Api.NDJSON), response::toString);
    List<JsonObject> lines = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (!line.isBlank()) {
        lines.add(Json.createReader(new StringReader(line)).readObject());
      }
    }
    return lines;
  }

  @Test
  void eachLineGetsItsOwnStatusAndABadLineStopsNoOther() {
    var c = TestCatalog.create(api);
    String a = unique("BA");
    String b = unique("BB");
    String d = unique("BD");
    var response =
        bulk(
            "{\"identifier\":\""
                + a
                + "\",\"family\":\""
                + c.family
                + "\",\"values\":{\""
                + c.organic
                + "\":["
                + value(null, null, "true")
                + "]}}",
            "{\"identifier\":\"" + b + "\",\"family\":\"no_such_family\"}",
            "{not json",
            "",
            "{\"identifier\":\"" + a + "\",\"enabled\":false}",
            "{\"family\":\"" + c.family + "\"}",
            "{\"identifier\":\""
                + d
                + "\",\"values\":{\""
                + c.quantity
                + "\":["
                + value(null, null, "\"many\"")
                + "]}}");
    List<JsonObject> lines = statusLines(response);
    assertEquals(
        List.of(1, 2, 3, 5, 6, 7),
        lines.stream().map(l -> l.getInt("line")).toList(),
        "one status per product line, in order");
    assertEquals(
        List.of(201, 422, 400, 200, 422, 422),
        lines.stream().map(l -> l.getInt("status_code")).toList(),
        response::toString);
    assertEquals(a, lines.get(0).getString("identifier"));
    assertEquals(1, lines.get(0).getInt("version"));
    assertEquals(2, lines.get(3).getInt("version"), "every line is a version of its own");
    assertEquals(
        "family", lines.get(1).getJsonArray("errors").getJsonObject(0).getString("property"));
    assertEquals(1, lines.get(2).getJsonObject("position").getInt("line"));
    assertEquals(
        c.quantity, lines.get(5).getJsonArray("errors").getJsonObject(0).getString("property"));
    JsonObject stored = api.get("api/v1/products/" + a).json();
    assertFalse(stored.getBoolean("enabled"), "a later line sees an earlier one");
    assertTrue(stored.getJsonObject("values").containsKey(c.organic));
    assertProblem(404, "not-found", api.get("api/v1/products/" + b));
    assertProblem(404, "not-found", api.get("api/v1/products/" + d));
  }

  @Test
  void linesThatNameAProductInAnotherCaseKeepItsIdentifier() {
    var c = TestCatalog.create(api);
    String sku = unique("Case");
    var response =
        bulk(
            "{\"identifier\":\"" + sku + "\",\"family\":\"" + c.family + "\"}",
            "{\"identifier\":\"" + sku.toLowerCase() + "\",\"enabled\":false}",
            "{\"identifier\":\"" + sku.toUpperCase() + "\",\"enabled\":true}",
            "{\"identifier\":\"" + sku + "\",\"enabled\":true}");
    List<JsonObject> lines = statusLines(response);
    assertEquals(
        List.of(201, 200, 200, 200),
        lines.stream().map(l -> l.getInt("status_code")).toList(),
        response::toString);
    assertEquals(
        List.of(1, 2, 3, 3),
        lines.stream().map(l -> l.getInt("version")).toList(),
        "an unchanged line reports the version it found");
    assertTrue(
        lines.stream().allMatch(l -> l.getString("identifier").equals(sku)), response::toString);
    assertEquals(sku, api.get("api/v1/products/" + sku).json().getString("identifier"));
  }

  @Test
  void uniqueValuesAreCheckedBetweenLinesOfOneRequest() {
    var c = TestCatalog.create(api);
    String ean = "77" + String.valueOf(System.nanoTime()).substring(0, 11);
    String first = unique("E1");
    String second = unique("E2");
    var response =
        bulk(
            "{\"identifier\":\""
                + first
                + "\",\"family\":\""
                + c.family
                + "\",\"values\":{\""
                + c.ean
                + "\":["
                + value(null, null, "\"" + ean + "\"")
                + "]}}",
            "{\"identifier\":\""
                + second
                + "\",\"family\":\""
                + c.family
                + "\",\"values\":{\""
                + c.ean
                + "\":["
                + value(null, null, "\"" + ean + "\"")
                + "]}}",
            "{\"identifier\":\""
                + first
                + "\",\"values\":{\""
                + c.ean
                + "\":["
                + value(null, null, "null")
                + "]}}",
            "{\"identifier\":\""
                + second
                + "\",\"family\":\""
                + c.family
                + "\",\"values\":{\""
                + c.ean
                + "\":["
                + value(null, null, "\"" + ean + "\"")
                + "]}}");
    assertEquals(
        List.of(201, 422, 200, 201),
        statusLines(response).stream().map(l -> l.getInt("status_code")).toList(),
        response::toString);
    JsonObject owner = api.get("api/v1/products/" + second).json();
    assertEquals(
        ean, owner.getJsonObject("values").getJsonArray(c.ean).getJsonObject(0).getString("data"));
  }

  @Test
  void aThousandLinesAreWrittenAndOneMoreIsRefused() {
    var c = TestCatalog.create(api);
    String prefix = unique("K");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add(
          "{\"identifier\":\""
              + prefix
              + "-"
              + i
              + "\",\"family\":\""
              + c.family
              + "\",\"categories\":[\""
              + c.leaf
              + "\"],\"values\":{\""
              + c.name
              + "\":["
              + value("en_US", null, "\"Item " + i + "\"")
              + "],\""
              + c.quantity
              + "\":["
              + value(null, null, String.valueOf(i + 1))
              + "]}}");
    }
    var response = bulk(lines.toArray(String[]::new));
    List<JsonObject> statuses = statusLines(response);
    assertEquals(1000, statuses.size());
    assertTrue(statuses.stream().allMatch(s -> s.getInt("status_code") == 201), response::toString);
    assertEquals(
        "Item 999",
        api.get("api/v1/products/" + prefix + "-999")
            .json()
            .getJsonObject("values")
            .getJsonArray(c.name)
            .getJsonObject(0)
            .getString("data"));
    lines.add("{\"identifier\":\"" + prefix + "-1000\"}");
    assertProblem(413, "payload-too-large", bulk(lines.toArray(String[]::new)));
    assertProblem(404, "not-found", api.get("api/v1/products/" + prefix + "-1000"));
  }

  @Test
  void bulkNeedsNdjson() {
    assertProblem(
        415, "unsupported-media-type", api.patch("api/v1/products", "{\"identifier\":\"x\"}"));
    assertProblem(400, "bad-request", bulk(""));
  }
}
