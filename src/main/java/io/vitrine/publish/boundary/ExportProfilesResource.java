package io.vitrine.publish.boundary;

import io.vitrine.catalog.boundary.CatalogEndpoints;
import io.vitrine.jobs.Jobs;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import io.vitrine.publish.ExportProfileKind;
import io.vitrine.publish.ExportRun;
import io.vitrine.publish.Exports;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How a channel's products are exported for marketplaces: export profiles, the exports they start,
 * and small exports streamed straight to the client.
 */
@Path("channels/{channel}/export-profiles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Exports",
    description =
        "Files for marketplaces (CSV, XLSX, Google Merchant RSS, JSON) made from a channel's"
            + " products by export profiles, as background jobs or streamed.")
public class ExportProfilesResource {

  @Inject CatalogEndpoints endpoints;
  @Inject ExportProfileKind kind;
  @Inject Exports exports;
  @Inject Jobs jobs;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listExportProfiles",
      summary = "List a channel's export profiles",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of export profiles")
  @APIResponse(responseCode = "404", description = "No such channel")
  @APIResponse(responseCode = "422", description = "Invalid limit or cursor")
  public JsonObject list(
      @PathParam("channel") String channel,
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter,
      @QueryParam("with_count") @Parameter(description = "true to include items_count")
          String withCount) {
    return endpoints.list(kind, channel, uri, limit, searchAfter, withCount);
  }

  @GET
  @Path("{code}")
  @Operation(operationId = "getExportProfile", summary = "Get an export profile")
  @APIResponse(responseCode = "200", description = "The profile; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such channel or profile")
  public Response get(
      @PathParam("channel") String channel,
      @PathParam("code") String code,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    return endpoints.get(kind, channel, code, ifNoneMatch);
  }

  @POST
  @Operation(
      operationId = "createExportProfile",
      summary = "Create an export profile",
      description =
          "format: csv, xlsx, google_merchant or json. locale and currency: the channel's (by"
              + " default its first). CSV and XLSX: columns, each an attribute or product field"
              + " code or {header, source} (by default every field and attribute); CSV also"
              + " delimiter and bom. Google: mapping of Google attributes to sources (a code,"
              + " {\"value\"} or {\"template\"}; by default the attributes named like Google's)"
              + " and feed {title, link, description}. filters: families, categories,"
              + " updated_since_last_export. schedule: {every_hours}. keep: files kept. See"
              + " docs/publishing.md.")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "404", description = "No such channel")
  @APIResponse(responseCode = "409", description = "The code is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response create(@PathParam("channel") String channel, JsonObject body) {
    return endpoints.create(kind, channel, uri, body);
  }

  @PATCH
  @Path("{code}")
  @Operation(
      operationId = "updateExportProfile",
      summary = "Update or create an export profile",
      description =
          "A JSON merge patch (RFC 7396). Changing the format drops the settings of the old one."
              + " Creates the profile when it does not exist.")
  @APIResponse(responseCode = "200", description = "Updated")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "404", description = "No such channel")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed")
  public Response update(
      @PathParam("channel") String channel,
      @PathParam("code") String code,
      JsonObject patch,
      @HeaderParam("If-Match") String ifMatch) {
    return endpoints.patch(kind, channel, uri, code, patch, ifMatch);
  }

  @DELETE
  @Path("{code}")
  @Operation(
      operationId = "deleteExportProfile",
      summary = "Delete an export profile",
      description = "Its exports and their files stay, until deleted one by one.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such channel or profile")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(
      @PathParam("channel") String channel,
      @PathParam("code") String code,
      @HeaderParam("If-Match") String ifMatch) {
    return endpoints.delete(kind, channel, code, ifMatch);
  }

  @POST
  @Path("{code}/exports")
  @Operation(
      operationId = "startExport",
      summary = "Start an export",
      description =
          "A background job writes the profile's file under the data directory, 1,000 products"
              + " a batch, and lists the products the format refuses. Follow the answer's links"
              + " for its progress, its file and its rejections. Like every write, the request"
              + " needs a Content-Type; its body is ignored.")
  @APIResponse(responseCode = "202", description = "Queued; Location names the export")
  @APIResponse(responseCode = "404", description = "No such channel or profile")
  @APIResponse(
      responseCode = "409",
      description = "The channel no longer has the profile's locale or currency")
  public Response start(@PathParam("channel") String channel, @PathParam("code") String code) {
    ExportRun run = exports.start(channel, code);
    return Response.accepted(ExportsResource.json(run, jobs, uri))
        .location(ExportsResource.self(uri, run))
        .build();
  }

  @GET
  @Path("{code}/exports")
  @Operation(
      operationId = "listProfileExports",
      summary = "List a profile's exports",
      description = "The newest first; page with before (an export id).")
  @APIResponse(responseCode = "200", description = "Up to limit exports")
  @APIResponse(responseCode = "404", description = "No such channel or profile")
  @APIResponse(responseCode = "422", description = "A bad limit")
  public JsonObject exports(
      @PathParam("channel") String channel,
      @PathParam("code") String code,
      @QueryParam("before") @Parameter(description = "Only exports with a smaller id") Long before,
      @QueryParam("limit") @Parameter(description = "1 to 100 (default 20)") String limit) {
    endpoints.get(kind, channel, code, null);
    var violations = new Violations();
    int size = Pages.limit(limit, 20, 100, violations);
    violations.throwIfAny();
    JsonArrayBuilder items = Jsonp.arrayBuilder();
    exports
        .list(channel, code, before == null ? Long.MAX_VALUE : before, size)
        .forEach(run -> items.add(ExportsResource.json(run, jobs, uri)));
    return Jsonp.objectBuilder().add("items", items).build();
  }

  @GET
  @Path("{code}/output")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "streamExport",
      summary = "Stream the profile's export",
      description =
          "The export's file, written as it is sent, for profiles that take at most"
              + " vitrine.export.stream-max-products products (50,000 by default); larger ones"
              + " run as exports. The products the format refuses are not in it:"
              + " .../output/rejections lists them.")
  @APIResponse(responseCode = "200", description = "The file, in the profile's format")
  @APIResponse(responseCode = "404", description = "No such channel or profile")
  @APIResponse(
      responseCode = "409",
      description = "Too many products to stream, or the channel lacks the profile's locale")
  public Response output(@PathParam("channel") String channel, @PathParam("code") String code) {
    return streamed(exports.stream(channel, code, false));
  }

  @GET
  @Path("{code}/output/rejections")
  @Produces("text/csv")
  @Operation(
      operationId = "streamExportRejections",
      summary = "The products the profile's format refuses, and why",
      description = "A CSV of identifier and reason, as the streamed export would leave out now.")
  @APIResponse(responseCode = "200", description = "The rejections CSV")
  @APIResponse(responseCode = "404", description = "No such channel or profile")
  @APIResponse(responseCode = "409", description = "Too many products to stream")
  public Response rejections(@PathParam("channel") String channel, @PathParam("code") String code) {
    return streamed(exports.stream(channel, code, true));
  }

  private static Response streamed(Exports.Streamed export) {
    StreamingOutput body = export::writeTo;
    boolean rejections = export.fileName().endsWith("-rejections.csv");
    return Response.ok(body)
        .type(rejections ? ExportsResource.CSV : export.format().mediaType())
        .header("Content-Disposition", "attachment; filename=\"" + export.fileName() + "\"")
        .build();
  }
}
