package io.vitrine.asset.boundary;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetRecords;
import io.vitrine.asset.Assets;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Responses;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.json.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Digital assets: upload a file's bytes, read what Vitrine made of them, download them. */
@Path("assets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Assets",
    description =
        "Images, videos and documents, stored once by content and checked for what they are.")
public class AssetsResource {

  private static final Pattern FILE_NAME =
      Pattern.compile(
          "filename\\*=UTF-8''([^;]+)|filename=\"([^\"]*)\"|filename=([^;\\s]+)",
          Pattern.CASE_INSENSITIVE);

  @Inject Assets assets;
  @Inject AssetRecords records;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listAssets",
      summary = "List assets",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of assets")
  @APIResponse(responseCode = "422", description = "Invalid limit or cursor")
  public JsonObject list(
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter) {
    var request = Pages.request(limit, searchAfter, null);
    return Pages.page(
        uri,
        request,
        records.list(request.after(), request.limit() + 1),
        Asset::code,
        this::json,
        null);
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "putAsset",
      summary = "Upload an asset's file",
      description =
          "The request's body is the file, streamed to disk (up to vitrine.assets.max-bytes,"
              + " 100 MB by default). Its type is read from its content: a Content-Type or file"
              + " name (Content-Disposition filename, or file_name) that says otherwise is"
              + " refused, as are empty, cut-short or damaged files, images over"
              + " vitrine.assets.max-pixels, SVGs with scripts or references to other files, and"
              + " types Vitrine does not keep. Creates the asset, or replaces its file"
              + " (If-Match honoured). The same bytes are stored once: same_content_as lists the"
              + " other assets that have them.")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "200", description = "Its file replaced")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "413", description = "Larger than vitrine.assets.max-bytes")
  @APIResponse(
      responseCode = "422",
      description = "A bad code or file name, or a file refused (property file), with the reason")
  public Response put(
      @PathParam("code") String code,
      @QueryParam("file_name") @Parameter(description = "The file's name (default: the code)")
          String fileName,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam("Content-Disposition") String disposition,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    String name = fileName != null ? fileName : fileName(disposition);
    AssetRecords.Saved saved =
        assets.put(code, name, contentType, ifMatch, length == null ? -1 : length, body);
    JsonObject json =
        Jsonp.objectBuilder(json(saved.asset()))
            .add("same_content_as", Jsonp.arrayBuilder(saved.sameContentAs()))
            .build();
    return Responses.written(
        json,
        saved.asset().version(),
        saved.created(),
        uri.getBaseUriBuilder().path("assets").path(code).build());
  }

  /** The file name a Content-Disposition header gives, if any. */
  static String fileName(String disposition) {
    if (disposition == null) {
      return null;
    }
    Matcher found = FILE_NAME.matcher(disposition);
    if (!found.find()) {
      return null;
    }
    if (found.group(1) != null) {
      try {
        return URLDecoder.decode(found.group(1).replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException badEscape) {
        return found.group(1);
      }
    }
    return found.group(2) != null ? found.group(2) : found.group(3);
  }

  @GET
  @Path("{code}")
  @Operation(
      operationId = "getAsset",
      summary = "Get an asset's description",
      description =
          "As the upload answered it, but for same_content_as, which the upload alone tells.")
  @APIResponse(responseCode = "200", description = "The asset; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such asset")
  public Response get(
      @PathParam("code") String code, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Asset asset = records.get(code);
    return Responses.read(json(asset), asset.version(), ifNoneMatch);
  }

  @GET
  @Path("{code}/file")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "downloadAsset",
      summary = "Download an asset's file",
      description =
          "The ETag is the content's SHA-256. Through the file link of the asset's description"
              + " (?v= its SHA-256) the answer may be cached for a year: new bytes get a new"
              + " link.")
  @APIResponse(responseCode = "200", description = "The file, as uploaded")
  @APIResponse(responseCode = "304", description = "The bytes of the ETag given")
  @APIResponse(responseCode = "404", description = "No such asset")
  public Response file(
      @PathParam("code") String code,
      @QueryParam("v") @Parameter(description = "The content's SHA-256, from the file link")
          String v,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Asset asset = records.get(code);
    EntityTag tag = new EntityTag(asset.sha256());
    String cache =
        asset.sha256().equals(v)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=0, must-revalidate";
    if (Versions.matches(ifNoneMatch, asset.sha256())) {
      return Response.notModified(tag).header(HttpHeaders.CACHE_CONTROL, cache).build();
    }
    var response =
        Response.ok(assets.file(asset).toFile())
            .type(asset.mediaType())
            .tag(tag)
            .header(HttpHeaders.CACHE_CONTROL, cache)
            .header(HttpHeaders.CONTENT_LENGTH, asset.size())
            .header("X-Content-Type-Options", "nosniff")
            .header(
                "Content-Disposition",
                "inline; filename*=UTF-8''"
                    + java.net.URLEncoder.encode(asset.fileName(), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
    if (asset.mediaType().equals("image/svg+xml")) {
      // An SVG opened on its own is a page: it may not run or fetch anything.
      response.header(
          "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    }
    return response.build();
  }

  JsonObject json(Asset asset) {
    return json(asset, uri);
  }

  /** An asset's description, as every answer about it gives it. */
  static JsonObject json(Asset asset, UriInfo uri) {
    JsonObjectBuilder json =
        Jsonp.objectBuilder()
            .add("code", asset.code())
            .add("file_name", asset.fileName())
            .add("media_type", asset.mediaType())
            .add("kind", asset.kind().name().toLowerCase(java.util.Locale.ROOT))
            .add("size", asset.size())
            .add("sha256", asset.sha256());
    Jsonp.addOrNull(json, "width", asset.width());
    Jsonp.addOrNull(json, "height", asset.height());
    Jsonp.addOrNull(json, "orientation", asset.orientation());
    Jsonp.addOrNull(json, "color_space", asset.colorSpace());
    Jsonp.addOrNull(json, "duration_ms", asset.durationMs());
    Timestamps.add(json, "created", asset.created());
    Timestamps.add(json, "updated", asset.updated());
    String self = uri.getBaseUriBuilder().path("assets").path(asset.code()).build().toString();
    return json.add(
            "_links",
            Jsonp.objectBuilder()
                .add("self", Jsonp.objectBuilder().add("href", self))
                .add("file", Jsonp.objectBuilder().add("href", self + "/file?v=" + asset.sha256())))
        .build();
  }
}
