package io.vitrine.catalog.boundary;

import io.vitrine.catalog.AttributeKind;
import io.vitrine.catalog.AttributeOptionKind;
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

/** The properties products have values for, with their types and rules. */
@Path("attributes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Attributes",
    description = "The properties products have values for, with their types and rules.")
public class AttributesResource {

  @Inject CatalogEndpoints endpoints;
  @Inject AttributeKind kind;
  @Inject AttributeOptionKind options;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listAttributes",
      summary = "List attributes",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of attributes")
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
  @Operation(operationId = "getAttribute", summary = "Get an attribute")
  @APIResponse(responseCode = "200", description = "The attribute; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such attribute")
  public Response get(
      @PathParam("code") String code, @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(kind, null, code, ifNoneMatch);
  }

  @POST
  @Operation(operationId = "createAttribute", summary = "Create an attribute")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response create(JsonObject body) {
    return endpoints.create(kind, null, uri, body);
  }

  @PATCH
  @Path("{code}")
  @Operation(
      operationId = "updateAttribute",
      summary = "Update or create an attribute",
      description =
          "A JSON merge patch (RFC 7396): fields present replace, objects merge, null removes. Creates the attribute when it does not exist.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "409",
      description = "The change would break something that uses the attribute")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response update(
      @PathParam("code") String code, JsonObject patch, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(kind, null, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{code}")
  @Operation(operationId = "deleteAttribute", summary = "Delete an attribute")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such attribute")
  @APIResponse(responseCode = "409", description = "In use: the answer lists what uses it")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(kind, null, code, ifMatch);
  }

  @GET
  @Path("{attribute}/options")
  @Tag(name = "Attribute options")
  @Operation(
      operationId = "listAttributeOptions",
      summary = "List the options of a select attribute")
  @APIResponse(responseCode = "200", description = "A page of options, ordered by code")
  @APIResponse(responseCode = "404", description = "No such attribute, or it has no options")
  public JsonObject listOptions(
      @PathParam("attribute") String attribute,
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter,
      @QueryParam("with_count") @Parameter(description = "true to include items_count")
          String withCount) {
    return endpoints.list(options, attribute, uri, limit, searchAfter, withCount);
  }

  @GET
  @Path("{attribute}/options/{code}")
  @Tag(name = "Attribute options")
  @Operation(operationId = "getAttributeOption", summary = "Get an option")
  @APIResponse(responseCode = "200", description = "The option; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such attribute or option")
  public Response getOption(
      @PathParam("attribute") String attribute,
      @PathParam("code") String code,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(options, attribute, code, ifNoneMatch);
  }

  @POST
  @Path("{attribute}/options")
  @Tag(name = "Attribute options")
  @Operation(operationId = "createAttributeOption", summary = "Create an option")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "404", description = "No such attribute, or it has no options")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response createOption(@PathParam("attribute") String attribute, JsonObject body) {
    return endpoints.create(options, attribute, uri, body);
  }

  @PATCH
  @Path("{attribute}/options/{code}")
  @Tag(name = "Attribute options")
  @Operation(
      operationId = "updateAttributeOption",
      summary = "Update or create an option",
      description = "A JSON merge patch (RFC 7396); creates the option when it does not exist.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response updateOption(
      @PathParam("attribute") String attribute,
      @PathParam("code") String code,
      JsonObject patch,
      @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(options, attribute, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{attribute}/options/{code}")
  @Tag(name = "Attribute options")
  @Operation(operationId = "deleteAttributeOption", summary = "Delete an option")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such attribute or option")
  @APIResponse(responseCode = "409", description = "Products use it: the answer lists them")
  public Response deleteOption(
      @PathParam("attribute") String attribute,
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(options, attribute, code, ifMatch);
  }
}
