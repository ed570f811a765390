package io.vitrine.events;

import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.json.Jsonp;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The change log, read-only: every committed write, in commit order. */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Events",
    description = "Every committed change to the catalog and its products, in commit order.")
public class EventsResource {

  @Inject ChangeEventLog log;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listEvents",
      summary = "List change events",
      description =
          "Oldest first. Every page links to the next one, the last page too: follow _links.next to catch up, "
              + "and keep its href to ask again later. An empty page means you have seen every committed change.")
  @APIResponse(responseCode = "200", description = "A page of events")
  public JsonObject list(
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter) {
    var request = Pages.request(limit, searchAfter, null);
    long after = 0;
    if (request.after() != null) {
      try {
        after = Long.parseLong(request.after());
      } catch (NumberFormatException e) {
        new io.vitrine.platform.problem.Violations()
            .add("search_after", "is not a cursor from a previous page's next link.")
            .throwIfAny();
      }
    }
    var events = log.since(after, request.limit() + 1);
    JsonObject page =
        Pages.page(uri, request, events, e -> Long.toString(e.seq()), EventsResource::toJson, null);
    String last =
        events.isEmpty()
            ? request.after()
            : Long.toString(events.get(Math.min(events.size(), request.limit()) - 1).seq());
    return Pages.withNext(page, uri, request, last);
  }

  static JsonObject toJson(ChangeEvent event) {
    var json =
        Jsonp.objectBuilder()
            .add("seq", event.seq())
            .add("entity_type", event.entityType())
            .add("entity_code", event.entityCode());
    if (event.entityId() == null) {
      json.addNull("entity_id");
    } else {
      json.add("entity_id", event.entityId());
    }
    return json.add("action", event.action())
        .add("version", event.version())
        .add("occurred_at", Timestamps.format(event.occurredAt()))
        .build();
  }
}
