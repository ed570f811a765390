package io.vitrine.search.boundary;

import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.search.Indexer;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The search index: how far it is, and a rebuild from the database. */
@Path("search-index")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search index", description = "The Lucene index that answers product lists.")
public class SearchIndexResource {

  @Inject Indexer indexer;

  @GET
  @Operation(
      operationId = "getSearchIndex",
      summary = "Search index status",
      description =
          "The last change event applied, the lag behind the database, the number of"
              + " products indexed, and the rebuild in progress if any.")
  @APIResponse(responseCode = "200", description = "The status")
  public JsonObject status() {
    return json(indexer.status());
  }

  @POST
  @Path("rebuild")
  @Operation(
      operationId = "rebuildSearchIndex",
      summary = "Rebuild the search index",
      description =
          "Builds a new index from the database in the background; searches go on"
              + " against the current one until the new one has caught up and is swapped in.")
  @APIResponse(responseCode = "202", description = "Started; follow it on the status")
  @APIResponse(responseCode = "409", description = "A rebuild is already running")
  public Response rebuild() {
    if (!indexer.rebuild()) {
      throw new ProblemException(
          Problem.conflict("A rebuild of the search index is already running."));
    }
    return Response.accepted(json(indexer.status())).header("Location", "search-index").build();
  }

  static JsonObject json(Indexer.Status status) {
    JsonObjectBuilder json =
        Jsonp.objectBuilder()
            .add("open", status.open())
            .add("applied_seq", status.appliedSeq())
            .add("last_seq", status.lastSeq())
            .add("lag", status.lag())
            .add("documents", status.documents());
    if (status.rebuild() == null) {
      json.addNull("rebuild");
    } else {
      json.add(
          "rebuild",
          Jsonp.objectBuilder()
              .add("started", status.rebuild().started().toString())
              .add("indexed", status.rebuild().indexed())
              .add("catching_up", status.rebuild().catchingUp()));
    }
    if (status.failure() == null) {
      json.addNull("failure");
    } else {
      json.add("failure", status.failure());
    }
    return json.build();
  }
}
