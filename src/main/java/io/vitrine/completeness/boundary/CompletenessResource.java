package io.vitrine.completeness.boundary;

import io.vitrine.search.CompletenessSummary;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The completeness and data quality dashboard. */
@Path("completeness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Completeness",
    description = "How ready the catalog is, and how good its content, per channel and locale.")
public class CompletenessResource {

  @Inject CompletenessSummary summary;

  @GET
  @Path("summary")
  @Operation(
      operationId = "getCompletenessSummary",
      summary = "Completeness and data quality per channel and locale",
      description =
          "For each channel × locale: products complete and incomplete and products per data"
              + " quality grade (A to E), the same per family, the attributes that most often keep"
              + " products incomplete and the most frequent data quality problems (10 of each)."
              + " Products without a family have neither and are not counted.")
  @APIResponse(responseCode = "200", description = "The summary")
  @APIResponse(responseCode = "503", description = "The search index is still catching up")
  public JsonObject summary() {
    return summary.summary();
  }
}
