package io.vitrine.platform.http;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;

/** The answers every resource gives alike: a versioned read, a write, a page. */
public final class Responses {

  private Responses() {}

  /** 200 with the version as ETag, or 304 when If-None-Match already names that version. */
  /**
   * 200 with {@code json} and the entity tag {@code tag}, or 304 when {@code ifNoneMatch} names it:
   * for a representation that holds more than the resource's version says.
   */
  public static Response read(JsonObject json, String tag, String ifNoneMatch) {
    if (Versions.matches(ifNoneMatch, tag)) {
      return Response.notModified(new jakarta.ws.rs.core.EntityTag(tag)).build();
    }
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE)
        .tag(new jakarta.ws.rs.core.EntityTag(tag))
        .build();
  }

  public static Response read(JsonObject json, long version, String ifNoneMatch) {
    return read(() -> json, version, ifNoneMatch);
  }

  /** As above, with a JSON entity (a JsonObject or its bytes) made only when it is sent. */
  public static Response read(Supplier<Object> json, long version, String ifNoneMatch) {
    if (Versions.matches(ifNoneMatch, version)) {
      return Response.notModified(Versions.etag(version)).build();
    }
    return Response.ok(json.get(), MediaType.APPLICATION_JSON_TYPE)
        .tag(Versions.etag(version))
        .build();
  }

  /** 201 with Location when the write created the resource, 200 otherwise; the body either way. */
  public static Response written(JsonObject json, long version, boolean created, URI location) {
    var response = created ? Response.created(location) : Response.ok();
    return response
        .entity(json)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .tag(Versions.etag(version))
        .build();
  }
}
