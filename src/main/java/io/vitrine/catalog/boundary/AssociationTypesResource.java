package io.vitrine.catalog.boundary;

import io.vitrine.catalog.AssociationTypeKind;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Kinds of links between products and product models: cross-sell, up-sell, substitution, packs with
 * quantities; a two-way type shows a link on both sides.
 */
@Path("association-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Association types",
    description =
        "Kinds of links between products and product models. A two-way type shows a link on both sides; a quantified type gives each link a quantity.")
public class AssociationTypesResource {

  @Inject CatalogEndpoints endpoints;
  @Inject AssociationTypeKind kind;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listAssociationTypes",
      summary = "List association types",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of association types")
  @APIResponse(responseCode = "422", description = "Invalid limit or cursor")
  public JsonObject list(
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter,
      @QueryParam("with_count") @Parameter(description = "true to include items_count")
          String withCount) {
    return endpoints.list(kind, null, uri, limit, searchAfter, withCount);
  }

  @GET
  @Path("{code}")
  @Operation(operationId = "getAssociationType", summary = "Get an association type")
  @APIResponse(responseCode = "200", description = "The association type; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such association type")
  public Response get(
      @PathParam("code") String code, @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(kind, null, code, ifNoneMatch);
  }

  @POST
  @Operation(operationId = "createAssociationType", summary = "Create an association type")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response create(JsonObject body) {
    return endpoints.create(kind, null, uri, body);
  }

  @PATCH
  @Path("{code}")
  @Operation(
      operationId = "updateAssociationType",
      summary = "Update or create an association type",
      description =
          "A JSON merge patch (RFC 7396): fields present replace, objects merge, null removes. Creates the association type when it does not exist.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "409",
      description = "two_way or quantified cannot change while links of the type exist")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response update(
      @PathParam("code") String code, JsonObject patch, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(kind, null, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{code}")
  @Operation(operationId = "deleteAssociationType", summary = "Delete an association type")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such association type")
  @APIResponse(
      responseCode = "409",
      description = "Links of this type exist: the answer lists their owners")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(kind, null, code, ifMatch);
  }
}
