package io.vitrine.completeness;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.OwnServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A recompute job killed half-way (kill -9) resumes after its last committed batch when the server
 * starts again, and finishes with every product right.
 */
class CompletenessJobRecoveryIT {

  private static final int PRODUCTS = 8000;

  private final OwnServer server = new OwnServer("job-recovery");

  @AfterEach
  void stop() throws InterruptedException {
    server.close();
  }

  @Test
  void aJobKilledHalfWayResumesAndFinishes() throws Exception {
    Api api = server.start();
    for (int from = 0; from < PRODUCTS; from += 1000) {
      var lines = new StringBuilder();
      for (int n = from; n < from + 1000; n++) {
        lines
            .append(
                json(
                    "{'identifier':'RESUME-"
                        + n
                        + "','family':'apparel','values':{'name':[{'locale':'en_US','scope':null,"
                        + "'data':'Resumable tee'}]}}"))
            .append('\n');
      }
      var answer = api.patch("api/v1/products", lines.toString(), "Content-Type", Api.NDJSON);
      assertEquals(200, answer.status(), answer.body());
      assertTrue(!answer.body().contains("\"status_code\":4"), answer.body());
    }
    // The marketplace now requires the care instructions of every apparel product, in each of its
    // locales: nobody of these has them.
    JsonObject family = api.get("api/v1/families/apparel").json();
    var requirements =
        jakarta.json.Json.createObjectBuilder(family.getJsonObject("attribute_requirements"));
    var marketplace =
        jakarta.json.Json.createArrayBuilder(
            family.getJsonObject("attribute_requirements").getJsonArray("marketplace"));
    marketplace.add("care_instructions");
    requirements.add("marketplace", marketplace);
    var patched =
        api.patch(
            "api/v1/families/apparel",
            jakarta.json.Json.createObjectBuilder()
                .add("attribute_requirements", requirements)
                .build()
                .toString());
    assertEquals(200, patched.status(), patched.body());

    long id = -1;
    long deadline = System.nanoTime() + 120_000_000_000L;
    JsonObject seen = null;
    while (System.nanoTime() < deadline) {
      for (JsonValue item : api.get("api/v1/jobs?kind=completeness").json().getJsonArray("items")) {
        JsonObject job = item.asJsonObject();
        if (job.getString("subject").equals("family:apparel")) {
          seen = job;
          id = job.getInt("id");
        }
      }
      if (seen != null && seen.getInt("done") > 0) {
        break;
      }
      Thread.sleep(20);
    }
    assertTrue(seen != null && seen.getString("state").equals("running"), String.valueOf(seen));
    assertTrue(seen.getInt("done") < seen.getInt("total"), "killed half-way: " + seen);
    server.kill();

    api = server.start();
    JsonObject job = null;
    deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      job = api.get("api/v1/jobs/" + id).json();
      if (!job.getString("state").equals("running") && !job.getString("state").equals("queued")) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("finished", job.getString("state"), job.toString());
    // Each product once: the resumed job went on after its last committed batch.
    String apparel = json("{'family':[{'operator':'IN','value':['apparel']}]}");
    int products =
        api.get(
                "api/v1/products?with_count=true&search="
                    + URLEncoder.encode(apparel, StandardCharsets.UTF_8))
            .json()
            .getInt("items_count");
    assertEquals(products, job.getInt("total"), job.toString());
    assertEquals(products, job.getInt("done"), job.toString());

    String search =
        json(
            "{'identifier':[{'operator':'STARTS WITH','value':'RESUME-'}],"
                + "'completeness':[{'operator':'=','value':100,'scope':'marketplace'}]}");
    var complete =
        api.get(
            "api/v1/products?with_count=true&search="
                + URLEncoder.encode(search, StandardCharsets.UTF_8));
    assertEquals(0, complete.json().getInt("items_count"), "nobody has care instructions");
    for (int n : new int[] {0, PRODUCTS / 2, PRODUCTS - 1}) {
      var product = api.get("api/v1/products/RESUME-" + n + "?with_completenesses=true").json();
      assertTrue(product.toString().contains("care_instructions"), product.toString());
    }
  }
}
