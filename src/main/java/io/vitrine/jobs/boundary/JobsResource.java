package io.vitrine.jobs.boundary;

import io.vitrine.jobs.Job;
import io.vitrine.jobs.Jobs;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Violations;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Background jobs and their progress. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jobs", description = "Background work (completeness recomputes) and its progress.")
public class JobsResource {

  @Inject Jobs jobs;

  @GET
  @Operation(
      operationId = "listJobs",
      summary = "List jobs",
      description = "The newest first; filter by kind and state, page with before (a job id).")
  @APIResponse(responseCode = "200", description = "Up to limit jobs")
  @APIResponse(responseCode = "422", description = "An unknown state or a bad limit")
  public JsonObject list(
      @QueryParam("kind") @Parameter(description = "completeness") String kind,
      @QueryParam("state") @Parameter(description = "queued, running, finished or failed")
          String state,
      @QueryParam("before") @Parameter(description = "Only jobs with a smaller id") Long before,
      @QueryParam("limit") @Parameter(description = "1 to 100 (default 20)") Integer limit) {
    var violations = new Violations();
    Job.State wanted = null;
    if (state != null && !state.isBlank()) {
      try {
        wanted = Job.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        violations.add(
            "state", "must be queued, running, finished or failed, not '" + state + "'.");
      }
    }
    int size = limit == null ? 20 : limit;
    if (size < 1 || size > 100) {
      violations.add("limit", "must be between 1 and 100.");
    }
    violations.throwIfAny();
    JsonArrayBuilder items = Jsonp.arrayBuilder();
    jobs.list(
            kind == null || kind.isBlank() ? null : kind.strip(),
            wanted,
            before == null ? Long.MAX_VALUE : before,
            size)
        .forEach(job -> items.add(json(job)));
    return Jsonp.objectBuilder().add("items", items).build();
  }

  @GET
  @Path("{id}")
  @Operation(operationId = "getJob", summary = "Get a job and its progress")
  @APIResponse(responseCode = "200", description = "The job")
  @APIResponse(responseCode = "404", description = "No such job")
  public JsonObject get(@PathParam("id") long id) {
    return json(found(jobs.find(id), id));
  }

  @POST
  @Path("{id}/retry")
  @Operation(
      operationId = "retryJob",
      summary = "Run a failed job again",
      description =
          "Queues a failed job again; it resumes after its last committed batch. Like every write,"
              + " the request needs a Content-Type; its body is ignored.")
  @APIResponse(responseCode = "200", description = "Queued again")
  @APIResponse(responseCode = "404", description = "No such job")
  @APIResponse(responseCode = "409", description = "The job has not failed")
  public JsonObject retry(@PathParam("id") long id) {
    return json(found(jobs.retry(id), id));
  }

  private static Job found(Job job, long id) {
    if (job == null) {
      throw new ProblemException(Problem.notFound("job", Long.toString(id)));
    }
    return job;
  }

  static JsonObject json(Job job) {
    JsonObjectBuilder json =
        Jsonp.objectBuilder()
            .add("id", job.id())
            .add("kind", job.kind())
            .add("state", job.state().name().toLowerCase(Locale.ROOT))
            .add("done", job.done())
            .add("total", job.total());
    if (job.subject() != null) {
      json.add("subject", job.subject());
    }
    Timestamps.add(json, "created", job.created());
    Timestamps.add(json, "started", job.started());
    Timestamps.add(json, "finished", job.finished());
    json.add("errors", Jsonp.arrayBuilder(job.errors()));
    return json.build();
  }
}
