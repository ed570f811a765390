package io.vitrine.platform.http;

import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Cursor pagination for every list: {@code limit} (1 to 100) and an opaque {@code search_after}
 * cursor, answered in the Akeneo shape ({@code _links} with {@code self}, {@code first} and {@code
 * next}; {@code _embedded.items}). A cursor is the sort key of the last item, so any page costs the
 * same as the first.
 */
public final class Pages {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  private Pages() {}

  /** What a list request asks for: at most {@code limit} items after {@code after}. */
  public record PageRequest(int limit, String after, boolean withCount) {}

  public static PageRequest request(String limit, String searchAfter, String withCount) {
    var violations = new Violations();
    int size = limit(limit, DEFAULT_LIMIT, MAX_LIMIT, violations);
    String after = null;
    if (searchAfter != null && !searchAfter.isBlank()) {
      after = decode(searchAfter);
      if (after == null) {
        violations.add("search_after", "is not a cursor from a previous page's next link.");
      }
    }
    if (withCount != null && !withCount.equals("true") && !withCount.equals("false")) {
      violations.add("with_count", "must be true or false.");
    }
    violations.throwIfAny();
    return new PageRequest(size, after, "true".equals(withCount));
  }

  /** The {@code limit} parameter: 1 to {@code max}, {@code otherwise} when not given. */
  public static int limit(String limit, int otherwise, int max, Violations violations) {
    if (limit == null) {
      return otherwise;
    }
    try {
      int size = Integer.parseInt(limit.strip());
      if (size < 1 || size > max) {
        violations.add("limit", "must be between 1 and " + max + " (was " + size + ").");
      }
      return size;
    } catch (NumberFormatException e) {
      violations.add("limit", "must be a whole number between 1 and " + max + ".");
      return otherwise;
    }
  }

  public static String encode(String key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  public static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The page answer. {@code items} holds up to limit + 1 entries: the extra one only says there is
   * a next page; {@code keyOfLast} gives the cursor key of the last item shown.
   */
  public static <T> JsonObject page(
      UriInfo uri,
      PageRequest request,
      List<T> items,
      java.util.function.Function<T, String> keyOf,
      java.util.function.Function<T, JsonObject> toJson,
      Long count) {
    boolean more = items.size() > request.limit();
    List<T> shown = more ? items.subList(0, request.limit()) : items;
    JsonObjectBuilder links =
        Jsonp.objectBuilder()
            .add("self", link(uri.getRequestUri().toString()))
            .add(
                "first",
                link(
                    uri.getRequestUriBuilder()
                        .replaceQueryParam("search_after")
                        .build()
                        .toString()));
    if (more) {
      String cursor = encode(keyOf.apply(shown.get(shown.size() - 1)));
      links.add(
          "next",
          link(
              uri.getRequestUriBuilder()
                  .replaceQueryParam("search_after", cursor)
                  .replaceQueryParam("limit", request.limit())
                  .build()
                  .toString()));
    }
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    shown.forEach(item -> array.add(toJson.apply(item)));
    JsonObjectBuilder page = Jsonp.objectBuilder().add("_links", links);
    if (count != null) {
      page.add("items_count", count);
    }
    return page.add("_embedded", Jsonp.objectBuilder().add("items", array)).build();
  }

  /**
   * The page with a {@code next} link even on the last page, for a log that keeps growing: it
   * starts after {@code key} (the last item read, or the request's own cursor on an empty page).
   */
  public static JsonObject withNext(JsonObject page, UriInfo uri, PageRequest request, String key) {
    JsonObject links = page.getJsonObject("_links");
    if (links.containsKey("next") || key == null) {
      return page;
    }
    String href =
        uri.getRequestUriBuilder()
            .replaceQueryParam("search_after", encode(key))
            .replaceQueryParam("limit", request.limit())
            .build()
            .toString();
    return Jsonp.objectBuilder(page)
        .add("_links", Jsonp.objectBuilder(links).add("next", link(href)))
        .build();
  }

  private static JsonObject link(String href) {
    return Jsonp.objectBuilder().add("href", href).build();
  }
}
