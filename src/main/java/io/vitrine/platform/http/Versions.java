package io.vitrine.platform.http;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/**
 * Versions as HTTP entity tags: every resource's {@code ETag} is its version, and a write that
 * carries {@code If-Match} applies only to the version it names.
 */
public final class Versions {

  private Versions() {}

  public static EntityTag etag(long version) {
    return new EntityTag(Long.toString(version));
  }

  /**
   * Throws a 412 unless {@code ifMatch} (absent, {@code *}, or a list of tags) names {@code
   * current}; {@code current} is null when the resource does not exist yet.
   */
  public static void checkIfMatch(String ifMatch, Long current) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    if (current == null) {
      throw new ProblemException(
          Problem.of(
              "precondition-failed",
              "The resource does not exist",
              412,
              "If-Match was given but the resource does not exist (any more)."));
    }
    if (!matches(ifMatch, current) && !matchesRepresentationOf(ifMatch, current)) {
      throw new ProblemException(Problem.preconditionFailed(current));
    }
  }

  /**
   * True when {@code header} names a tag of a richer representation of {@code version} ({@code
   * "<version>-c<digest>"}, a product with its completenesses; {@code "<version>-f<version>"}, an
   * asset with its family's renditions): for If-Match, what counts is the version.
   */
  private static boolean matchesRepresentationOf(String header, long version) {
    for (String named : header.split(",")) {
      String t = named.strip().replace("W/", "").replace("\"", "");
      if (t.startsWith(version + "-c") || t.startsWith(version + "-f")) {
        return true;
      }
    }
    return false;
  }

  /** True when {@code header} ({@code If-Match} or {@code If-None-Match}) names {@code version}. */
  public static boolean matches(String header, long version) {
    return matches(header, Long.toString(version));
  }

  /** True when {@code header} names the entity tag {@code tag} (its value, without quotes). */
  public static boolean matches(String header, String tag) {
    if (header == null) {
      return false;
    }
    for (String named : header.split(",")) {
      String t = named.strip();
      if (t.equals("*")) {
        return true;
      }
      if (t.startsWith("W/")) {
        t = t.substring(2);
      }
      if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
        t = t.substring(1, t.length() - 1);
      }
      if (t.equals(tag)) {
        return true;
      }
    }
    return false;
  }
}
