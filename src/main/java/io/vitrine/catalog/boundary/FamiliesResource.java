package io.vitrine.catalog.boundary;

import io.vitrine.catalog.FamilyKind;
import io.vitrine.catalog.FamilyVariantKind;
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
 * What a kind of product has: attributes, the attribute used as label and as image, and the
 * attributes each channel requires.
 */
@Path("families")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Families",
    description =
        "What a kind of product has: attributes, the attribute used as label and as image, and the attributes each channel requires.")
public class FamiliesResource {

  @Inject CatalogEndpoints endpoints;
  @Inject FamilyKind kind;
  @Inject FamilyVariantKind variants;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listFamilies",
      summary = "List families",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of families")
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
  @Operation(operationId = "getFamily", summary = "Get a family")
  @APIResponse(responseCode = "200", description = "The family; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such family")
  public Response get(
      @PathParam("code") String code, @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(kind, null, code, ifNoneMatch);
  }

  @POST
  @Operation(operationId = "createFamily", summary = "Create a family")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response create(JsonObject body) {
    return endpoints.create(kind, null, uri, body);
  }

  @PATCH
  @Path("{code}")
  @Operation(
      operationId = "updateFamily",
      summary = "Update or create a family",
      description =
          "A JSON merge patch (RFC 7396): fields present replace, objects merge, null removes. Creates the family when it does not exist.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "409",
      description = "The change would break something that uses the family")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response update(
      @PathParam("code") String code, JsonObject patch, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(kind, null, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{code}")
  @Operation(operationId = "deleteFamily", summary = "Delete a family")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such family")
  @APIResponse(responseCode = "409", description = "In use: the answer lists what uses it")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(kind, null, code, ifMatch);
  }

  @GET
  @Path("{family}/variants")
  @Tag(name = "Family variants")
  @Operation(
      operationId = "listFamilyVariants",
      summary = "List the variants of a family",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of family variants")
  @APIResponse(responseCode = "404", description = "No such family")
  public JsonObject listVariants(
      @PathParam("family") String family,
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter,
      @QueryParam("with_count") @Parameter(description = "true to include items_count")
          String withCount) {
    return endpoints.list(variants, family, uri, limit, searchAfter, withCount);
  }

  @GET
  @Path("{family}/variants/{code}")
  @Tag(name = "Family variants")
  @Operation(operationId = "getFamilyVariant", summary = "Get a family variant")
  @APIResponse(responseCode = "200", description = "The family variant; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such family or family variant")
  public Response getVariant(
      @PathParam("family") String family,
      @PathParam("code") String code,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(variants, family, code, ifNoneMatch);
  }

  @POST
  @Path("{family}/variants")
  @Tag(name = "Family variants")
  @Operation(
      operationId = "createFamilyVariant",
      summary = "Create a family variant",
      description =
          "One or two levels below the root product model, each with 1 to 5 axes (simpleselect, boolean, metric or number "
              + "attributes that are neither localizable nor scopable) and the attributes set at that level. "
              + "The identifier and unique attributes always belong to the last level (the variant products); "
              + "every other attribute of the family is common, set on the root model.")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "404", description = "No such family")
  @APIResponse(responseCode = "409", description = "The code is taken in this family")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response createVariant(@PathParam("family") String family, JsonObject body) {
    return endpoints.create(variants, family, uri, body);
  }

  @PATCH
  @Path("{family}/variants/{code}")
  @Tag(name = "Family variants")
  @Operation(
      operationId = "updateFamilyVariant",
      summary = "Update or create a family variant",
      description =
          "A JSON merge patch (RFC 7396); creates the family variant when it does not exist. While product models use it, "
              + "its levels and axes are fixed and an attribute moves to another level only when no value is set at its old level.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "409",
      description = "The change would leave product models or variants with invalid data")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response updateVariant(
      @PathParam("family") String family,
      @PathParam("code") String code,
      JsonObject patch,
      @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(variants, family, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{family}/variants/{code}")
  @Tag(name = "Family variants")
  @Operation(operationId = "deleteFamilyVariant", summary = "Delete a family variant")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such family or family variant")
  @APIResponse(responseCode = "409", description = "Product models use it: the answer lists them")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response deleteVariant(
      @PathParam("family") String family,
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(variants, family, code, ifMatch);
  }
}
