package io.vitrine.catalog.boundary;

import io.vitrine.catalog.CategoryKind;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Category trees. A category without parent is the root of a tree; setting parent moves a category
 * with its subtree, position orders it among its siblings.
 */
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Categories",
    description =
        "Category trees. A category without parent is the root of a tree; setting parent moves a category with its subtree, position orders it among its siblings.")
public class CategoriesResource {

  @Inject CatalogEndpoints endpoints;
  @Inject CategoryKind kind;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listCategories",
      summary = "List categories",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @Parameter(
      name = "parent",
      in = ParameterIn.QUERY,
      description = "Only the children of this category")
  @Parameter(name = "root", in = ParameterIn.QUERY, description = "true: only the roots of trees")
  @APIResponse(responseCode = "200", description = "A page of categories")
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
  @Operation(operationId = "getCategory", summary = "Get a category")
  @APIResponse(responseCode = "200", description = "The category; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such category")
  public Response get(
      @PathParam("code") String code, @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(kind, null, code, ifNoneMatch);
  }

  @POST
  @Operation(operationId = "createCategory", summary = "Create a category")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response create(JsonObject body) {
    return endpoints.create(kind, null, uri, body);
  }

  @PATCH
  @Path("{code}")
  @Operation(
      operationId = "updateCategory",
      summary = "Update or create a category",
      description =
          "A JSON merge patch (RFC 7396): fields present replace, objects merge, null removes. Creates the category when it does not exist.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "409",
      description = "The change would break something that uses the category")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response update(
      @PathParam("code") String code, JsonObject patch, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(kind, null, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{code}")
  @Operation(operationId = "deleteCategory", summary = "Delete a category")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such category")
  @APIResponse(responseCode = "409", description = "In use: the answer lists what uses it")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(kind, null, code, ifMatch);
  }
}
