package io.vitrine.asset.boundary;

import io.vitrine.asset.Assets;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.ProblemMappers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Uploads from a browser form: a folder's files in one {@code multipart/form-data} request, each
 * streamed and stored as {@code PUT /assets/{code}} stores one, each answered on its own.
 */
@Path("assets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assets")
public class AssetUploadsResource {

  @Inject Assets assets;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      operationId = "uploadAssets",
      summary = "Upload files from a form",
      description =
          "A multipart/form-data body with one or more parts named file (at most "
              + UploadForm.MAX_FILES
              + "), each streamed to disk as it arrives and checked as PUT /assets/{code} checks"
              + " one: its file name is the part's filename (without folders), its declared type"
              + " the part's Content-Type. Its code is a code field sent just before it, or else"
              + " its file name with characters other than letters, digits, _ . - replaced by _."
              + " A family field puts the file parts after it in that asset family (and links"
              + " them by its naming convention). An asset with that code gets its file replaced."
              + " The answer lists, in order, each file's status (201, 200, or the 409, 413 or 422"
              + " a PUT would give, with its problem): a refused file stores nothing and does not"
              + " stop the others.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA,
              schema =
                  @Schema(
                      type = SchemaType.OBJECT,
                      properties = {
                        @SchemaProperty(
                            name = UploadForm.CODE,
                            type = SchemaType.STRING,
                            description = "The code of the file part sent next (optional)"),
                        @SchemaProperty(
                            name = UploadForm.FAMILY,
                            type = SchemaType.STRING,
                            description = "The asset family of the file parts after it (optional)"),
                        @SchemaProperty(
                            name = UploadForm.FILE,
                            type = SchemaType.STRING,
                            format = "binary",
                            description =
                                "A file, with its filename and Content-Type: one part per file")
                      })))
  @APIResponse(
      responseCode = "200",
      description = "Each file's status and asset or problem, in the order sent")
  @APIResponse(responseCode = "400", description = "A body that is not a readable form")
  @APIResponse(
      responseCode = "413",
      description =
          "More files than allowed (those before are done, listed in items). A file over"
              + " vitrine.assets.max-bytes is that file's own 413 in the answer's items.")
  @APIResponse(responseCode = "415", description = "Not multipart/form-data")
  @APIResponse(
      responseCode = "422",
      description = "No file part, or a field that is unknown or applies to no file")
  public JsonObject upload(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) {
    var read = UploadForm.read(type, body, this::store);
    var items = Jsonp.arrayBuilder(read.results());
    if (read.stopped() != null) {
      // The files before the stop are done: the problem lists them too.
      throw new ProblemException(
          read.results().isEmpty()
              ? read.stopped()
              : read.stopped().with(Jsonp.objectBuilder().add("items", items)));
    }
    return Jsonp.objectBuilder().add("items", items).build();
  }

  /** Stores one file part; what PUT would have answered for it, as an item. */
  private JsonObject store(UploadForm.FilePart file) {
    JsonObjectBuilder item = Jsonp.objectBuilder();
    Jsonp.addOrNull(item, "file_name", file.sentName());
    Jsonp.addOrNull(item, "code", file.code().isEmpty() ? null : file.code());
    try {
      if (file.refusal() != null) {
        throw new ProblemException(file.refusal());
      }
      Assets.Upload upload =
          assets.put(
              file.code(),
              file.family(),
              file.fileName(),
              file.contentType(),
              null,
              -1,
              file.content());
      return item.add("status", upload.saved().created() ? 201 : 200)
          .add("asset", AssetsResource.uploaded(upload, uri))
          .build();
    } catch (ProblemException refused) {
      Problem problem = refused.problem();
      return item.add("status", problem.status())
          .add("problem", problem.toJson(ProblemMappers.instance(uri)))
          .build();
    }
  }
}
