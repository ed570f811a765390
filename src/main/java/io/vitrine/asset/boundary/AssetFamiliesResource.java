package io.vitrine.asset.boundary;

import io.vitrine.asset.AssetFamilyKind;
import io.vitrine.catalog.boundary.CatalogEndpoints;
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
 * Asset families: the kinds of file their assets may be, the renditions made of their images, and
 * the naming convention linking uploaded files to products.
 */
@Path("asset-families")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Asset families",
    description =
        "Kinds of file, rendition specs (fit, fill or crop; JPEG, PNG or WebP) and naming"
            + " conventions shared by a family of assets.")
public class AssetFamiliesResource {

  @Inject CatalogEndpoints endpoints;
  @Inject AssetFamilyKind kind;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listAssetFamilies",
      summary = "List asset families",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of asset families")
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
  @Operation(operationId = "getAssetFamily", summary = "Get an asset family")
  @APIResponse(responseCode = "200", description = "The asset family; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such asset family")
  public Response get(
      @PathParam("code") String code, @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(kind, null, code, ifNoneMatch);
  }

  @POST
  @Operation(
      operationId = "createAssetFamily",
      summary = "Create an asset family",
      description =
          "media_kinds: image, video, document (by default all). renditions: {code: {mode (fit,"
              + " fill or crop), width, height, format (jpeg, png or webp), quality, background"
              + " (#rrggbb or transparent), channels}}; the channels' feeds show that rendition."
              + " naming: {pattern, attribute}, a regular expression over file names with the"
              + " groups identifier and, optionally, position, locale and channel, linking each"
              + " uploaded file to that product's asset collection attribute. See"
              + " docs/assets.md.")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response create(JsonObject body) {
    return endpoints.create(kind, null, uri, body);
  }

  @PATCH
  @Path("{code}")
  @Operation(
      operationId = "updateAssetFamily",
      summary = "Update or create an asset family",
      description =
          "A JSON merge patch (RFC 7396): fields present replace, objects merge, null removes. Creates the asset family when it does not exist.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "409",
      description = "The change would break something that uses the asset family")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response update(
      @PathParam("code") String code, JsonObject patch, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(kind, null, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{code}")
  @Operation(operationId = "deleteAssetFamily", summary = "Delete an asset family")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such asset family")
  @APIResponse(responseCode = "409", description = "In use: the answer lists what uses it")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(kind, null, code, ifMatch);
  }
}
