package io.vitrine.platform.http;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The API's entry point: a link to each collection, so a client starts from one address. It reads
 * nothing, which also makes it the read benchmark's baseline: the cost of a request through the
 * same server, filters and JSON writer, without the work.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API", description = "The entry point: links to every collection.")
public class ApiRoot {

  private static final List<String> COLLECTIONS =
      List.of(
          "products",
          "product-models",
          "families",
          "attributes",
          "attribute-groups",
          "association-types",
          "categories",
          "channels",
          "locales",
          "currencies",
          "measurement-families",
          "assets",
          "asset-families",
          "exports",
          "jobs",
          "completeness",
          "events",
          "search-index");

  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "apiRoot",
      summary = "The API's entry point",
      description = "A link to each collection, by name; /openapi describes them all.")
  @APIResponse(responseCode = "200", description = "The links")
  public JsonObject root() {
    String base = uri.getBaseUri().toString();
    JsonObjectBuilder links =
        Jsonp.objectBuilder().add("self", Jsonp.objectBuilder().add("href", base));
    for (String collection : COLLECTIONS) {
      links.add(collection.replace('-', '_'), Jsonp.objectBuilder().add("href", base + collection));
    }
    return Jsonp.objectBuilder()
        .add("name", "Vitrine")
        .add("version", "1")
        .add("_links", links)
        .build();
  }
}
