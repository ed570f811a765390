package io.vitrine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of every integration test: the shared Payara Micro deployment ({@link SharedDeployment})
 * and an {@link Api} client for it. The database is shared by all test classes of a run, so tests
 * name what they create with {@link #unique}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class VitrineIT {

  @ArquillianResource protected URL deployment;

  protected Api api;

  @BeforeEach
  void connect() {
    api = new Api(deployment);
  }

  /** A code no other test uses: {@code prefix_k3x9q}. */
  protected static String unique(String prefix) {
    var random = ThreadLocalRandom.current();
    var suffix = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      suffix.append((char) ('a' + random.nextInt(26)));
    }
    return prefix + "_" + suffix;
  }

  protected static void assertStatus(int expected, Api.Response response) {
    assertEquals(expected, response.status(), () -> "Unexpected status: " + response);
  }

  /** The response is an RFC 9457 problem with this status and type suffix. */
  protected static JsonObject assertProblem(int status, String type, Api.Response response) {
    assertStatus(status, response);
    assertTrue(
        response.contentType().startsWith("application/problem+json"),
        () -> "Not problem+json: " + response.contentType() + " " + response);
    JsonObject problem = response.json();
    assertEquals("urn:vitrine:problem:" + type, problem.getString("type"), response::toString);
    assertEquals(status, problem.getInt("status"), response::toString);
    assertTrue(problem.containsKey("title") && problem.containsKey("detail"), response::toString);
    return problem;
  }

  /**
   * A 422 that lists a violation of {@code property} (locale and scope as given) saying {@code
   * words}.
   */
  protected static JsonObject assertViolation(
      Api.Response response, String property, String locale, String scope, String words) {
    JsonObject problem = assertProblem(422, "validation-failed", response);
    for (JsonValue error : problem.getJsonArray("errors")) {
      JsonObject e = error.asJsonObject();
      if (e.getString("property").equals(property)
          && same(e, "locale", locale)
          && same(e, "scope", scope)
          && e.getString("message").contains(words)) {
        return e;
      }
    }
    return fail(
        "No violation of "
            + property
            + " ("
            + locale
            + ", "
            + scope
            + ") saying '"
            + words
            + "' in "
            + response);
  }

  protected static JsonObject assertViolation(
      Api.Response response, String property, String words) {
    return assertViolation(response, property, null, null, words);
  }

  private static boolean same(JsonObject error, String field, String expected) {
    return expected == null
        ? error.isNull(field)
        : !error.isNull(field) && expected.equals(error.getString(field));
  }

  /**
   * The newest completeness job for {@code subject} ("family:clothing", "all") once every job for
   * it has finished or failed; fails after a minute.
   */
  protected JsonObject awaitJob(String subject) {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonObject newest = null;
      boolean pending = false;
      for (JsonValue item :
          api.get("api/v1/jobs?kind=completeness&limit=100").json().getJsonArray("items")) {
        JsonObject job = item.asJsonObject();
        if (job.getString("subject").equals(subject)) {
          String state = job.getString("state");
          pending |= !state.equals("finished") && !state.equals("failed");
          if (newest == null || job.getInt("id") > newest.getInt("id")) {
            newest = job;
          }
        }
      }
      if (newest != null && !pending) {
        assertEquals(newest, api.get("api/v1/jobs/" + newest.getInt("id")).json());
        return newest;
      }
      sleep(100);
    }
    throw new AssertionError("no finished job for " + subject);
  }

  protected static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  protected static String etag(Api.Response response) {
    return response.header("ETag").orElseThrow(() -> new AssertionError("No ETag: " + response));
  }
}
