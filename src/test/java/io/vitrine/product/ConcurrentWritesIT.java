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
    assertTrue(
        responses.stream().allMatch(r -> r.status() == 201 || r.status() == 409),
        responses::toString);
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
}
