package io.vitrine.asset.boundary;

import io.vitrine.asset.Asset;
import io.vitrine.asset.AssetFamily;
import io.vitrine.asset.AssetRecords;
import io.vitrine.asset.AssetUrls;
import io.vitrine.asset.Assets;
import io.vitrine.asset.RenditionSpec;
import io.vitrine.asset.Renditions;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.FileDownload;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Responses;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
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

  private static final String IMMUTABLE = "public, max-age=31536000, immutable";
  private static final String REVALIDATE = "public, max-age=0, must-revalidate";

  @Inject Assets assets;
  @Inject AssetRecords records;
  @Inject Renditions renditions;
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
    Map<String, AssetFamily> families = new HashMap<>();
    return Pages.page(
        uri,
        request,
        records.list(request.after(), request.limit() + 1),
        Asset::code,
        asset -> json(asset, families.computeIfAbsent(asset.family(), records::familyOrNull)),
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
  @APIResponse(
      responseCode = "409",
      description =
          "The code is another asset's in other case, or products show the asset and the family"
              + " would change")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "413", description = "Larger than vitrine.assets.max-bytes")
  @APIResponse(
      responseCode = "422",
      description = "A bad code or file name, or a file refused (property file), with the reason")
  public Response put(
      @PathParam("code") String code,
      @QueryParam("file_name") @Parameter(description = "The file's name (default: the code)")
          String fileName,
      @QueryParam("family")
          @Parameter(description = "The asset family (default: the asset's, or none when new)")
          String family,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      @HeaderParam("Content-Disposition") String disposition,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
      InputStream body) {
    String name = fileName != null ? fileName : fileName(disposition);
    Assets.Upload upload =
        assets.put(code, family, name, contentType, ifMatch, length == null ? -1 : length, body);
    AssetRecords.Saved saved = upload.saved();
    JsonObject json = uploaded(upload, uri);
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
    AssetRecords.Described described = records.described(code);
    // The description shows the family's renditions: a change of the family changes it too.
    String tag =
        described.asset().version()
            + (described.family() == null ? "" : "-f" + described.family().version());
    return Responses.read(json(described.asset(), described.family()), tag, ifNoneMatch);
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
              + " link. One byte range (Range: bytes=0-1023, bytes=1024-, bytes=-500) is"
              + " answered 206 with those bytes, so a video can seek; If-Range that is not the"
              + " current ETag, several ranges or an invalid Range get the whole file.")
  @APIResponse(responseCode = "200", description = "The file, as uploaded")
  @APIResponse(
      responseCode = "206",
      description = "The bytes of the Range asked for; Content-Range says which")
  @APIResponse(responseCode = "304", description = "The bytes of the ETag given")
  @APIResponse(responseCode = "404", description = "No such asset")
  @APIResponse(
      responseCode = "416",
      description = "The Range starts past the end of the file; Content-Range: bytes */size")
  public Response file(
      @PathParam("code") String code,
      @QueryParam("v") @Parameter(description = "The content's SHA-256, from the file link")
          String v,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam("Range") @Parameter(description = "One byte range: bytes=first-last")
          String range,
      @HeaderParam("If-Range") @Parameter(description = "The ETag the Range is a part of")
          String ifRange) {
    Asset asset = records.get(code);
    String cache =
        asset.sha256().equals(v)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=0, must-revalidate";
    var response =
        new FileDownload(assets.file(asset), asset.size(), asset.mediaType(), asset.sha256(), cache)
            .answer(range, ifRange, ifNoneMatch)
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

  @GET
  @Path("{code}/renditions/{rendition}")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "downloadAssetRendition",
      summary = "Download a rendition of an image asset",
      description =
          "Made in the background after an upload or a change of the family's specs, or now"
              + " when asked for first. The ETag names the source bytes and the spec; through"
              + " the rendition's link (?v= that tag) the answer may be cached for a year.")
  @APIResponse(responseCode = "200", description = "The rendition")
  @APIResponse(responseCode = "206", description = "The bytes of the one range asked for")
  @APIResponse(responseCode = "304", description = "The rendition of the ETag given")
  @APIResponse(responseCode = "416", description = "A range past the end")
  @APIResponse(
      responseCode = "404",
      description = "No such asset, or its family has no such rendition, or it is not an image")
  @APIResponse(responseCode = "422", description = "The image could not be made into it")
  public Response rendition(
      @PathParam("code") String code,
      @PathParam("rendition") String name,
      @QueryParam("v") @Parameter(description = "The tag from the rendition's link") String v,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
      @HeaderParam("Range") @Parameter(description = "One byte range: bytes=first-last")
          String range,
      @HeaderParam("If-Range") @Parameter(description = "The ETag the Range is a part of")
          String ifRange) {
    AssetRecords.Described described = records.described(code);
    Asset asset = described.asset();
    RenditionSpec spec =
        described.family() == null ? null : described.family().rendition(name).orElse(null);
    if (spec == null) {
      throw new ProblemException(
          Problem.of(
              "not-found",
              "Not found",
              404,
              described.family() == null
                  ? "The asset '" + code + "' has no family, so no renditions."
                  : "The family '"
                      + described.family().code()
                      + "' has no rendition '"
                      + name
                      + "'."));
    }
    String tag = Renditions.tag(asset, spec);
    String cache = tag.equals(v) ? IMMUTABLE : REVALIDATE;
    // Answered before the rendition is made: a client that holds it costs no decoding.
    if (Versions.matches(ifNoneMatch, tag)) {
      return Response.notModified(new EntityTag(tag))
          .header(HttpHeaders.CACHE_CONTROL, cache)
          .build();
    }
    java.nio.file.Path file = renditions.ready(asset, spec);
    try {
      return new FileDownload(file, Files.size(file), spec.format().mediaType(), tag, cache)
          .answer(range, ifRange, ifNoneMatch)
          .header("X-Content-Type-Options", "nosniff")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DELETE
  @Path("{code}")
  @Operation(
      operationId = "deleteAsset",
      summary = "Delete an asset",
      description =
          "Refused while products or product models show it (409, listing them). Its bytes and"
              + " renditions are deleted once no other asset has the same bytes.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such asset")
  @APIResponse(responseCode = "409", description = "Products use it: the answer lists them")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(
      @PathParam("code") String code, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    assets.delete(code, ifMatch);
    return Response.noContent().build();
  }

  JsonObject json(Asset asset, AssetFamily family) {
    return json(asset, family, uri);
  }

  /**
   * What an upload answers: the asset's description, the other assets with the same bytes, and what
   * the family's naming convention linked it to.
   */
  static JsonObject uploaded(Assets.Upload upload, UriInfo uri) {
    Asset asset = upload.saved().asset();
    return Jsonp.objectBuilder(json(asset, upload.family(), uri))
        .add("same_content_as", Jsonp.arrayBuilder(upload.saved().sameContentAs()))
        .add("link", upload.link() == null ? JsonValue.NULL : upload.link().toJson())
        .build();
  }

  /** An asset's description, as every answer about it gives it. */
  static JsonObject json(Asset asset, AssetFamily family, UriInfo uri) {
    String root = uri.getBaseUri().toString();
    String self = uri.getBaseUriBuilder().path("assets").path(asset.code()).build().toString();
    JsonObjectBuilder json = Jsonp.objectBuilder().add("code", asset.code());
    Jsonp.addOrNull(json, "family", asset.family());
    json.add("file_name", asset.fileName())
        .add("media_type", asset.mediaType())
        .add("kind", asset.kind().name().toLowerCase(java.util.Locale.ROOT))
        .add("size", asset.size())
        .add("sha256", asset.sha256());
    Jsonp.addOrNull(json, "width", asset.width());
    Jsonp.addOrNull(json, "height", asset.height());
    Jsonp.addOrNull(json, "orientation", asset.orientation());
    Jsonp.addOrNull(json, "color_space", asset.colorSpace());
    Jsonp.addOrNull(json, "duration_ms", asset.durationMs());
    Jsonp.addOrNull(json, "page_count", asset.pageCount());
    Timestamps.add(json, "created", asset.created());
    Timestamps.add(json, "updated", asset.updated());
    JsonObjectBuilder made = Jsonp.objectBuilder();
    if (family != null && Renditions.renderable(asset)) {
      for (RenditionSpec spec : family.renditions()) {
        made.add(
            spec.code(),
            Jsonp.objectBuilder()
                .add("href", root + AssetUrls.renditionPath(asset, spec))
                .add("media_type", spec.format().mediaType())
                .add("channels", Jsonp.arrayBuilder(spec.channels())));
      }
    }
    json.add("renditions", made);
    return json.add(
            "_links",
            Jsonp.objectBuilder()
                .add("self", Jsonp.objectBuilder().add("href", self))
                .add("file", Jsonp.objectBuilder().add("href", root + AssetUrls.filePath(asset))))
        .build();
  }
}
