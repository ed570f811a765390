package io.vitrine.product;

import static io.vitrine.testing.TestCatalog.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Racing requests: the database decides, exactly one wins, the others get a clear answer. */
class ConcurrentWritesIT extends VitrineIT {

  private static final int RACERS = 8;
  private ExecutorService pool;
  private TestCatalog c;

  @BeforeEach
  void start() {
    pool = Executors.newFixedThreadPool(RACERS);
    c = TestCatalog.create(api);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private List<Api.Response> race(List<Callable<Api.Response>> requests) throws Exception {
    var go = new CountDownLatch(1);
    List<Future<Api.Response>> futures = new ArrayList<>();
    for (Callable<Api.Response> request : requests) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return request.call();
              }));
    }
    go.countDown();
    List<Api.Response> responses = new ArrayList<>();
    for (Future<Api.Response> future : futures) {
      responses.add(future.get(60, TimeUnit.SECONDS));
    }
    return responses;
  }

  @Test
  void racingCreatesOfOneIdentifierLeaveOneProduct() throws Exception {
    String sku = unique("RACE");
    List<Callable<Api.Response>> requests = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String identifier = i % 2 == 0 ? sku : sku.toLowerCase();
      requests.add(
          () ->
              api.post(
                  "api/v1/products",
                  "{\"identifier\":\"" + identifier + "\",\"family\":\"" + c.family + "\"}"));
    }
    List<Api.Response> responses = race(requests);
    assertEquals(1, responses.stream().filter(r -> r.status() == 201).count(), responses::toString);
    for (Api.Response response : responses) {
      if (response.status() != 201) {
        assertProblem(409, "already-exists", response);
      }
    }
  }

  @Test
  void racingWritesOfOneUniqueValueLeaveOneOwner() throws Exception {
    String ean = "55" + String.valueOf(System.nanoTime()).substring(0, 11);
    List<Callable<Api.Response>> requests = new ArrayList<>();
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      String sku = unique("EAN");
      skus.add(sku);
      requests.add(
          () ->
              api.post(
                  "api/v1/products",
                  "{\"identifier\":\""
                      + sku
                      + "\",\"family\":\""
                      + c.family
                      + "\",\"values\":{\""
                      + c.ean
                      + "\":["
                      + value(null, null, "\"" + ean + "\"")
                      + "]}}"));
    }
    List<Api.Response> responses = race(requests);
    assertEquals(1, responses.stream().filter(r -> r.status() == 201).count(), responses::toString);
    for (Api.Response response : responses) {
      if (response.status() != 201) {
        assertViolation(response, c.ean, null, null, "must be unique");
      }
    }
    long stored =
        skus.stream().filter(sku -> api.get("api/v1/products/" + sku).status() == 200).count();
    assertEquals(1, stored);
  }

  @Test
  void racingPatchesOfOneProductAreAllApplied() throws Exception {
    String sku = unique("MANY");
    assertEquals(
        201,
        api.post(
                "api/v1/products",
                "{\"identifier\":\"" + sku + "\",\"family\":\"" + c.family + "\"}")
            .status());
    List<Callable<Api.Response>> requests = new ArrayList<>();
    String[] locales = {"en_US", "fr_FR"};
    for (int i = 0; i < RACERS; i++) {
      String attribute = i < 4 ? c.name : c.description;
      String locale = locales[i % 2];
      String scope = i < 4 ? null : c.channel;
      String text = "v" + i;
      requests.add(
          () ->
              api.patch(
                  "api/v1/products/" + sku,
                  "{\"values\":{\""
                      + attribute
                      + "\":["
                      + value(locale, scope, "\"" + text + "\"")
                      + "]}}"));
    }
    List<Api.Response> responses = race(requests);
    assertTrue(responses.stream().allMatch(r -> r.status() == 200), responses::toString);
    var product = api.get("api/v1/products/" + sku).json().getJsonObject("values");
    assertEquals(2, product.getJsonArray(c.name).size(), "each locale kept a value: " + product);
    assertEquals(2, product.getJsonArray(c.description).size(), product::toString);
    assertEquals(
        "\"" + (RACERS + 1) + "\"",
        etag(api.get("api/v1/products/" + sku)),
        "every patch was one version");
  }

  @Test
  void racingPatchesOfOneCatalogResourceAreAllApplied() throws Exception {
    String channel = c.channel;
    String[] locales = {"en_US", "fr_FR", "de_DE", "es_ES", "it_IT", "nl_NL", "pt_PT", "pl_PL"};
    List<Callable<Api.Response>> requests = new ArrayList<>();
    for (String locale : locales) {
      requests.add(
          () ->
              api.patch(
                  "api/v1/channels/" + channel,
                  "{\"labels\":{\"" + locale + "\":\"label " + locale + "\"}}"));
    }
    List<Api.Response> responses = race(requests);
    assertTrue(responses.stream().allMatch(r -> r.status() == 200), responses::toString);
    var labels = api.get("api/v1/channels/" + channel).json().getJsonObject("labels");
    assertEquals(locales.length, labels.size(), labels::toString);
  }

  @Test
  void racingCreatesOfOneCodeLeaveOneResource() throws Exception {
    String code = unique("cat");
    List<Callable<Api.Response>> requests = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      requests.add(() -> api.post("api/v1/categories", "{\"code\":\"" + code + "\"}"));
    }
    List<Api.Response> responses = race(requests);
    assertEquals(1, responses.stream().filter(r -> r.status() == 201).count(), responses::toString);
    assertTrue(
        responses.stream().allMatch(r -> r.status() == 201 || r.status() == 409),
        responses::toString);
  }

  @Test
  void aDeleteRacingWritesOfTheSameProductWaitsItsTurn() throws Exception {
    String sku = unique("GONE");
    assertEquals(201, api.post("api/v1/products", "{\"identifier\":\"" + sku + "\"}").status());
    List<Callable<Api.Response>> requests = new ArrayList<>();
    for (int i = 0; i < RACERS - 1; i++) {
      int n = i;
      requests.add(() -> api.patch("api/v1/products/" + sku, "{\"enabled\":" + (n % 2 == 0) + "}"));
    }
    requests.add(() -> api.delete("api/v1/products/" + sku));
    List<Api.Response> responses = race(requests);
    assertTrue(
        responses.stream().noneMatch(r -> r.status() >= 500),
        () -> "no write may fail: " + responses);
  }

  /**
   * A catalog change and product writes judged against the schema before it: whichever commits
   * first, the other must see it. Whatever the interleaving, a unique attribute ends with no two
   * products sharing a value.
   */
  @Test
  void anAttributeBecomingUniqueWhileProductsAreWrittenKeepsValuesUnique() throws Exception {
    String code = unique("ref");
    assertStatus(
        201, api.post("api/v1/attributes", "{\"code\":\"" + code + "\",\"type\":\"text\"}"));
    String family = unique("fam");
    assertStatus(
        201,
        api.post(
            "api/v1/families", "{\"code\":\"" + family + "\",\"attributes\":[\"" + code + "\"]}"));
    String prefix = unique("UQ");
    var lines = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      lines
          .append("{\"identifier\":\"")
          .append(prefix)
          .append('-')
          .append(i)
          .append("\",\"family\":\"")
          .append(family)
          .append("\",\"values\":{\"")
          .append(code)
          .append("\":[")
          .append(value(null, null, "\"same\""))
          .append("]}}\n");
    }
    List<Api.Response> responses =
        race(
            List.of(
                () ->
                    api.send(
                        "PATCH",
                        "api/v1/products",
                        java.net.http.HttpRequest.BodyPublishers.ofString(lines.toString()),
                        "Content-Type",
                        Api.NDJSON),
                () -> {
                  Thread.sleep(150);
                  return api.patch("api/v1/attributes/" + code, "{\"unique\":true}");
                }));
    assertStatus(200, responses.get(0));
    Api.Response change = responses.get(1);
    assertTrue(change.status() == 200 || change.status() == 409, change::toString);
    boolean unique = api.get("api/v1/attributes/" + code).json().getBoolean("unique");
    long holders =
        responses.get(0).body().lines().filter(l -> l.contains("\"status_code\":201")).count();
    if (unique) {
      assertTrue(
          holders <= 1, "a unique attribute, yet " + holders + " products hold the same value");
    } else {
      assertEquals(600, holders, "without the change, every product is written");
    }
  }

  @Test
  void aBatchThatLosesARaceIsWrittenLineByLine() throws Exception {
    String ean = "66" + String.valueOf(System.nanoTime()).substring(0, 11);
    List<Callable<Api.Response>> requests = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      String prefix = unique("FB");
      var lines = new StringBuilder();
      for (int i = 0; i < 50; i++) {
        String values =
            i == 25
                ? ",\"values\":{\"" + c.ean + "\":[" + value(null, null, "\"" + ean + "\"") + "]}"
                : "";
        lines
            .append("{\"identifier\":\"")
            .append(prefix)
            .append('-')
            .append(i)
            .append("\",\"family\":\"")
            .append(c.family)
            .append('"')
            .append(values)
            .append("}\n");
      }
      requests.add(
          () ->
              api.send(
                  "PATCH",
                  "api/v1/products",
                  java.net.http.HttpRequest.BodyPublishers.ofString(lines.toString()),
                  "Content-Type",
                  Api.NDJSON));
    }
    List<Api.Response> responses = race(requests);
    List<String> statuses = new ArrayList<>();
    for (Api.Response response : responses) {
      assertStatus(200, response);
      response
          .body()
          .lines()
          .forEach(
              line -> {
                assertTrue(
                    !line.contains("\"identifier\":null"), "every line names its product: " + line);
                statuses.add(line.replaceAll(".*\"status_code\":(\\d+).*", "$1"));
              });
    }
    assertEquals(100, statuses.size());
    assertEquals(99, statuses.stream().filter("201"::equals).count(), statuses::toString);
    assertEquals(1, statuses.stream().filter("422"::equals).count(), statuses::toString);
  }
}
