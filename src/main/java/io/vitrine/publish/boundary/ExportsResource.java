package io.vitrine.publish.boundary;

import io.vitrine.jobs.Job;
import io.vitrine.jobs.Jobs;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Violations;
import io.vitrine.publish.ExportRun;
import io.vitrine.publish.Exports;
import io.vitrine.publish.export.ExportFormat;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Exports made by profiles: their progress, files and rejections. */
@Path("exports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exports")
public class ExportsResource {

  static final String CSV = "text/csv; charset=UTF-8";

  @Inject Exports exports;
  @Inject Jobs jobs;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listExports",
      summary = "List exports",
      description = "Of every profile, the newest first; page with before (an export id).")
  @APIResponse(responseCode = "200", description = "Up to limit exports")
  @APIResponse(responseCode = "422", description = "A bad limit")
  public JsonObject list(
      @QueryParam("before") @Parameter(description = "Only exports with a smaller id") Long before,
      @QueryParam("limit") @Parameter(description = "1 to 100 (default 20)") String limit) {
    var violations = new Violations();
    int size = Pages.limit(limit, 20, 100, violations);
    violations.throwIfAny();
    JsonArrayBuilder items = Jsonp.arrayBuilder();
    exports
        .list(null, null, before == null ? Long.MAX_VALUE : before, size)
        .forEach(run -> items.add(json(run, jobs, uri)));
    return Jsonp.objectBuilder().add("items", items).build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getExport", summary = "An export and its progress")
  @APIResponse(responseCode = "200", description = "The export")
  @APIResponse(responseCode = "404", description = "No such export")
  public JsonObject get(@PathParam("id") long id) {
    return json(exports.find(id), jobs, uri);
  }

  @DELETE
  @Path("{id}")
  @Operation(operationId = "deleteExport", summary = "Delete an export and its files")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such export")
  @APIResponse(responseCode = "409", description = "Its job is still writing it")
  public Response delete(@PathParam("id") long id) {
    exports.delete(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/file")
  @Produces(MediaType.WILDCARD)
  @Operation(
      operationId = "downloadExport",
      summary = "Download an export's file",
      description = "Once the export is finished. The ETag stays while the export exists.")
  @APIResponse(responseCode = "200", description = "The file, in the profile's format")
  @APIResponse(responseCode = "304", description = "The file of the ETag given")
  @APIResponse(responseCode = "404", description = "No such export")
  @APIResponse(responseCode = "409", description = "The export is not finished")
  public Response file(
      @PathParam("id") long id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    ExportRun run = exports.find(id);
    if (!run.complete()) {
      throw new ProblemException(
          Problem.conflict(
              "Export "
                  + id
                  + " is "
                  + state(run, jobs.find(run.job()))
                  + ": its file can be downloaded once it is finished."));
    }
    EntityTag tag = new EntityTag("export-" + id + "-" + run.fileLength());
    if (Versions.matches(ifNoneMatch, tag.getValue())) {
      return Response.notModified(tag).build();
    }
    ExportFormat format = run.format();
    return Response.ok(bytes(exports.file(run), run.fileLength()))
        .type(format.mediaType())
        .tag(tag)
        .header(HttpHeaders.CONTENT_LENGTH, run.fileLength())
        .header("Content-Disposition", "attachment; filename=\"" + Exports.fileName(run) + "\"")
        .build();
  }

  @GET
  @Path("{id}/rejections")
  @Produces("text/csv")
  @Operation(
      operationId = "exportRejections",
      summary = "The products an export's format refused, and why",
      description =
          "A CSV of identifier and reason; while the export runs, those of its batches done.")
  @APIResponse(responseCode = "200", description = "The rejections CSV")
  @APIResponse(responseCode = "404", description = "No such export")
  public Response rejections(@PathParam("id") long id) {
    ExportRun run = exports.find(id);
    // Before its first batch, an export has refused nothing: the header alone.
    Object body =
        run.rejectionsLength() == 0
            ? Exports.Rejections.EMPTY
            : bytes(exports.rejections(run), run.rejectionsLength());
    return Response.ok(body)
        .type(CSV)
        .header("Content-Disposition", "attachment; filename=\"export-" + id + "-rejections.csv\"")
        .build();
  }

  /** The first {@code length} bytes of {@code file}: what committed batches wrote. */
  private static StreamingOutput bytes(java.nio.file.Path file, long length) {
    try {
      if (Files.size(file) < length) {
        throw new IllegalStateException(
            file + " holds fewer bytes than the " + length + " its export committed.");
      }
    } catch (IOException e) {
      throw new IllegalStateException("The file of an export is missing: " + file, e);
    }
    return out -> {
      if (length == 0) {
        return;
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buffer = new byte[1 << 16];
        long left = length;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
          out.write(buffer, 0, read);
          left -= read;
        }
      } catch (NoSuchFileException e) {
        throw new IOException("The file of an export is missing: " + file, e);
      }
    };
  }

  static URI self(UriInfo uri, ExportRun run) {
    return uri.getBaseUriBuilder().path("exports").path(Long.toString(run.id())).build();
  }

  static JsonObject json(ExportRun run, Jobs jobs, UriInfo uri) {
    Job job = jobs.find(run.job());
    String self = self(uri, run).toString();
    ExportFormat format = run.format();
    JsonObjectBuilder links =
        Jsonp.objectBuilder()
            .add("self", href(self))
            .add("rejections", href(self + "/rejections"))
            .add(
                "job",
                href(
                    uri.getBaseUriBuilder()
                        .path("jobs")
                        .path(Long.toString(run.job()))
                        .build()
                        .toString()))
            .add(
                "profile",
                href(
                    uri.getBaseUriBuilder()
                        .path("channels")
                        .path(run.channel())
                        .path("export-profiles")
                        .path(run.profile())
                        .build()
                        .toString()));
    JsonObjectBuilder json =
        Jsonp.objectBuilder()
            .add("id", run.id())
            .add("channel", run.channel())
            .add("profile", run.profile())
            .add("format", format.code())
            .add("state", state(run, job))
            .add("done", job == null ? 0 : job.done())
            .add("total", job == null ? 0 : job.total())
            .add("written", run.written())
            .add("rejected", run.rejected());
    Timestamps.add(json, "updated_after", run.updatedAfter());
    Timestamps.add(json, "created", run.created());
    Timestamps.add(json, "finished", run.finished());
    if (run.complete()) {
      links.add("file", href(self + "/file"));
      json.add(
          "file",
          Jsonp.objectBuilder()
              .add("name", Exports.fileName(run))
              .add("size", run.fileLength())
              .add("media_type", format.mediaType()));
    } else {
      json.addNull("file");
    }
    json.add("errors", Jsonp.arrayBuilder(job == null ? java.util.List.of() : job.errors()));
    return json.add("_links", links).build();
  }

  /** queued, running, finished or failed: the job's, but finished only once the file is whole. */
  private static String state(ExportRun run, Job job) {
    if (run.complete()) {
      return "finished";
    }
    if (job == null) {
      return "failed";
    }
    Job.State state = job.state() == Job.State.FINISHED ? Job.State.RUNNING : job.state();
    return state.name().toLowerCase(Locale.ROOT);
  }

  private static JsonObject href(String href) {
    return Jsonp.objectBuilder().add("href", href).build();
  }
}
