package io.vitrine.publish.boundary;

import io.vitrine.platform.json.Jsonp;
import io.vitrine.publish.ChannelEligibility;
import io.vitrine.publish.Verdict;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Why a product is, or is not, published on a channel. */
@Path("channels/{channel}/eligibility/{identifier}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Publishing", description = "Channels as views: which products each one publishes.")
public class ChannelEligibilityResource {

  @Inject ChannelEligibility eligibility;

  @GET
  @Operation(
      operationId = "getChannelEligibility",
      summary = "Whether a product is in a channel, and why",
      description =
          "Each rule of the channel's eligibility (enabled, category_tree, completeness, quality)"
              + " with whether the product passes it and the reason, for example the attributes"
              + " missing in each locale.")
  @APIResponse(responseCode = "200", description = "The verdict")
  @APIResponse(responseCode = "404", description = "No such channel or product")
  public JsonObject get(
      @PathParam("channel") String channel, @PathParam("identifier") String identifier) {
    Verdict verdict = eligibility.judge(channel, identifier);
    JsonArrayBuilder checks = Jsonp.arrayBuilder();
    for (Verdict.Check check : verdict.checks()) {
      checks.add(
          Jsonp.objectBuilder()
              .add("rule", check.rule())
              .add("passed", check.passed())
              .add("reason", check.reason()));
    }
    return Jsonp.objectBuilder()
        .add("channel", verdict.channel())
        .add("identifier", verdict.product())
        .add("eligible", verdict.eligible())
        .add("rules", checks)
        .build();
  }
}
