package io.vitrine.platform.problem;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An RFC 9457 problem answer. Each {@code type} is a stable URN documented in docs/errors.md;
 * {@code extensions} carries the machine-readable details (the violations of a 422, what blocks a
 * 409, the current version on a 412).
 */
public record Problem(String type, String title, int status, String detail, JsonObject extensions) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String URN = "urn:vitrine:problem:";

  public static Problem of(String type, String title, int status, String detail) {
    return new Problem(URN + type, title, status, detail, JsonObject.EMPTY_JSON_OBJECT);
  }

  /** The most violations one answer lists; a request with more is told how many there were. */
  public static final int MAX_VIOLATIONS = 100;

  public static Problem validation(List<Violation> violations) {
    JsonArrayBuilder errors = Jsonp.arrayBuilder();
    violations.stream().limit(MAX_VIOLATIONS).forEach(v -> errors.add(v.toJson()));
    String detail =
        violations.size() == 1
            ? describe(violations.get(0))
            : violations.size()
                + " problems: "
                + violations.stream()
                    .limit(10)
                    .map(Problem::describe)
                    .collect(Collectors.joining(" "))
                + (violations.size() > 10
                    ? " (and " + (violations.size() - 10) + " more, listed in errors)"
                    : "");
    var extensions = Jsonp.objectBuilder().add("errors", errors);
    if (violations.size() > MAX_VIOLATIONS) {
      extensions.add("errors_total", violations.size());
    }
    return of("validation-failed", "The request contains invalid data", 422, detail)
        .with(extensions);
  }

  private static String describe(Violation v) {
    var where = new StringBuilder(v.property() == null ? "" : v.property());
    if (v.locale() != null || v.scope() != null) {
      where.append(" (");
      if (v.locale() != null) {
        where.append(v.locale());
      }
      if (v.scope() != null) {
        where.append(v.locale() == null ? "" : ", ").append(v.scope());
      }
      where.append(')');
    }
    return where.isEmpty() ? v.message() : where + ": " + v.message();
  }

  public static Problem malformedJson(String detail, long line, long column) {
    return of("malformed-json", "The request body is not valid JSON", 400, detail)
        .with(
            Jsonp.objectBuilder()
                .add("position", Jsonp.objectBuilder().add("line", line).add("column", column)));
  }

  public static Problem badRequest(String detail) {
    return of("bad-request", "The request cannot be understood", 400, detail);
  }

  public static Problem notFound(String kind, String code) {
    return of("not-found", "Not found", 404, "There is no " + kind + " with code '" + code + "'.");
  }

  public static Problem alreadyExists(String kind, String code) {
    return of(
        "already-exists",
        "Already exists",
        409,
        "A " + kind + " with code '" + code + "' already exists; use PATCH to change it.");
  }

  /** A 409 for a change that would leave something that uses the resource without it. */
  public static Problem inUse(String detail, List<Usage> usages) {
    JsonArrayBuilder list = Jsonp.arrayBuilder();
    usages.forEach(u -> list.add(u.toJson()));
    return of("in-use", "The resource is in use", 409, detail)
        .with(Jsonp.objectBuilder().add("usages", list));
  }

  public static Problem conflict(String detail) {
    return of("conflict", "Conflict", 409, detail);
  }

  public static Problem preconditionFailed(long currentVersion) {
    return of(
            "precondition-failed",
            "The resource has changed",
            412,
            "If-Match does not match the current version "
                + currentVersion
                + "; read the resource again and retry.")
        .with(Jsonp.objectBuilder().add("current_version", currentVersion));
  }

  public static Problem tooLarge(long limit) {
    return of(
        "payload-too-large",
        "The request body is too large",
        413,
        "The body is larger than the limit of " + limit + " bytes.");
  }

  /** A 416: the {@code Range} asked for selects no byte of a file of {@code size} bytes. */
  public static Problem rangeNotSatisfiable(String range, long size) {
    String asked = range.length() > 100 ? range.substring(0, 100) + "…" : range;
    return of(
        "range-not-satisfiable",
        "Range not satisfiable",
        416,
        size == 0
            ? "The file is empty: no range selects any of its bytes."
            : "The file has "
                + size
                + " bytes (0 to "
                + (size - 1)
                + "); the range '"
                + asked
                + "' selects none of them.");
  }

  public static Problem unsupportedMediaType(String given, String expected) {
    return of(
        "unsupported-media-type",
        "Unsupported media type",
        415,
        "Content-Type '" + given + "' is not accepted here; send " + expected + ".");
  }

  public Problem with(JsonObjectBuilder more) {
    var merged = Jsonp.objectBuilder(extensions);
    more.build().forEach(merged::add);
    return new Problem(type, title, status, detail, merged.build());
  }

  public JsonObject toJson(String instance) {
    var json = Jsonp.objectBuilder().add("type", type).add("title", title).add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (instance != null) {
      json.add("instance", instance);
    }
    extensions.forEach(json::add);
    return json.build();
  }

  public Response toResponse(String instance) {
    return Response.status(status, reason(status))
        .type(MEDIA_TYPE)
        .entity(toJson(instance).toString())
        .build();
  }

  /** The reason phrase; JAX-RS knows no phrase for 422 and would send "CUSTOM". */
  private static String reason(int status) {
    var known = Response.Status.fromStatusCode(status);
    return known != null
        ? known.getReasonPhrase()
        : status == 422 ? "Unprocessable Content" : "Error";
  }
}
