package io.vitrine.publish.boundary;

import io.vitrine.catalog.Channel;
import io.vitrine.platform.Digests;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import io.vitrine.publish.ChannelFeed;
import io.vitrine.publish.FeedCursor;
import io.vitrine.publish.SchemaOrgProduct;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A channel's products for storefronts: a full pull, then the changes since, and one by one. */
@Path("channels/{channel}/products")
@Tag(name = "Publishing", description = "Channels as views: which products each one publishes.")
public class ChannelFeedResource {

  public static final String NDJSON = "application/x-ndjson";
  public static final String JSON_LD = "application/ld+json";

  @Inject ChannelFeed feed;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @GET
  @Produces({MediaType.APPLICATION_JSON, NDJSON})
  @Operation(
      operationId = "listChannelProducts",
      summary = "The products a channel publishes, or what changed since a cursor",
      description =
          "Without since: the full pull, every product the channel's eligibility rule admits,"
              + " resolved for the channel (its scoped values, locales, currencies and units),"
              + " in pages of up to 1,000. The last page's next link starts the changes. With"
              + " since: the upserts and tombstones since that cursor, oldest first; every page"
              + " links to the next, the last one too. NDJSON (Accept: application/x-ndjson)"
              + " gives one item a line and the next page in the Link header. See"
              + " docs/publishing.md.")
  @APIResponse(
      responseCode = "200",
      description = "A page of products (full pull) or of changes (since)",
      headers = {
        @Header(
            name = "ETag",
            description = "Changes when anything is written",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = "Link",
            description = "The next page, rel=\"next\"",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "304", description = "Nothing was written since the ETag given")
  @APIResponse(responseCode = "404", description = "No such channel")
  @APIResponse(
      responseCode = "410",
      description =
          "The channel's locales, currencies, tree, units or eligibility rule changed after the"
              + " cursor: pull again from the first page")
  @APIResponse(responseCode = "422", description = "A bad limit or cursor, named")
  @APIResponse(responseCode = "503", description = "The search index is still catching up")
  public Response list(
      @PathParam("channel") String code,
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 1000 (default 100)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The full pull's cursor, from the previous page's next link")
          String searchAfter,
      @QueryParam("since")
          @Parameter(description = "The changes cursor, from the previous page's next link")
          String since,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Channel channel = feed.channel(code);
    var violations = new Violations();
    int size = Pages.limit(limit, ChannelFeed.DEFAULT_LIMIT, ChannelFeed.MAX_LIMIT, violations);
    FeedCursor after = cursor("search_after", searchAfter, FeedCursor.Products.class, violations);
    FeedCursor changes = cursor("since", since, FeedCursor.Changes.class, violations);
    if (after != null && changes != null) {
      violations.add("since", "cannot be given with search_after: follow one next link.");
    }
    violations.throwIfAny();
    boolean ndjson = wantsNdjson();
    // The page's answer stays the same while nothing is written; the tag names the page too, so
    // that the previous page's tag sent with the next link is not taken for this one's.
    EntityTag tag =
        new EntityTag(
            "feed-"
                + feed.head()
                + "-"
                + Digests.sha256(
                    channel.code() + " " + size + " " + searchAfter + " " + since + " " + ndjson,
                    6));
    if (Versions.matches(ifNoneMatch, tag.getValue())) {
      return Response.notModified(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
    List<JsonObject> items;
    FeedCursor next;
    if (changes != null) {
      var page = feed.changes(channel, (FeedCursor.Changes) changes, size);
      items = page.changes().stream().map(ChannelFeed.Change::toJson).toList();
      next = page.next();
    } else {
      var page = feed.products(channel, (FeedCursor.Products) after, size);
      items = page.products();
      next = page.next();
    }
    String nextHref = link(next, size);
    Response.ResponseBuilder response =
        Response.ok()
            .tag(tag)
            .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
            .header("Link", "<" + nextHref + ">; rel=\"next\"");
    if (ndjson) {
      return response.type(NDJSON).entity(ndjsonBody(items)).build();
    }
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    items.forEach(array::add);
    JsonObject body =
        Jsonp.objectBuilder()
            .add(
                "_links",
                Jsonp.objectBuilder()
                    .add("self", href(uri.getRequestUri().toString()))
                    .add(
                        "first",
                        href(
                            uri.getRequestUriBuilder()
                                .replaceQuery(null)
                                .queryParam("limit", size)
                                .build()
                                .toString()))
                    .add("next", href(nextHref)))
            .add("channel", channel.code())
            .add("_embedded", Jsonp.objectBuilder().add("items", array))
            .build();
    return response.type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  @GET
  @Path("{identifier}")
  @Produces({MediaType.APPLICATION_JSON, JSON_LD})
  @Operation(
      operationId = "getChannelProduct",
      summary = "One product as a channel publishes it",
      description =
          "Resolved for the channel, as in the feed. Accept: application/ld+json gives a"
              + " schema.org Product (name, description, sku, gtin, brand, offers) in one of the"
              + " channel's locales (locale, by default its first).")
  @APIResponse(
      responseCode = "200",
      description = "The resolved product, or its schema.org JSON-LD",
      headers =
          @Header(
              name = "ETag",
              description = "A digest of the answer",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "304", description = "The answer has not changed since the ETag")
  @APIResponse(
      responseCode = "404",
      description = "No such channel or product, or the channel does not publish it (and why)")
  @APIResponse(responseCode = "422", description = "A locale the channel does not have")
  public Response get(
      @PathParam("channel") String code,
      @PathParam("identifier") String identifier,
      @QueryParam("locale")
          @Parameter(
              description = "JSON-LD only: the locale of its texts (default: the channel's first)")
          String locale,
      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    Channel channel = feed.channel(code);
    boolean jsonLd = wantsJsonLd();
    if (jsonLd && locale != null && !channel.locales().contains(locale)) {
      new Violations()
          .add("locale", "'" + locale + "' is not a locale of the channel " + channel.code() + ".")
          .throwIfAny();
    }
    JsonObject product = feed.product(channel, identifier);
    JsonObject body =
        jsonLd
            ? SchemaOrgProduct.of(
                product, locale != null ? locale : channel.locales().get(0), feed.schema())
            : product;
    String text = body.toString();
    EntityTag tag = new EntityTag(Digests.sha256(text, 16));
    if (Versions.matches(ifNoneMatch, tag.getValue())) {
      return Response.notModified(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }
    return Response.ok(text, jsonLd ? JSON_LD : MediaType.APPLICATION_JSON)
        .tag(tag)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .build();
  }

  private boolean wantsNdjson() {
    return preferred(NDJSON);
  }

  private boolean wantsJsonLd() {
    return preferred(JSON_LD);
  }

  /** Whether the client ranks {@code type} above JSON (JAX-RS sorts the Accept list so). */
  private boolean preferred(String type) {
    for (MediaType accepted : headers.getAcceptableMediaTypes()) {
      if (accepted.isCompatible(MediaType.valueOf(type)) && !accepted.isWildcardSubtype()) {
        return true;
      }
      if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }

  private static FeedCursor cursor(
      String name, String text, Class<? extends FeedCursor> kind, Violations violations) {
    if (text == null || text.isBlank()) {
      return null;
    }
    FeedCursor cursor = FeedCursor.decode(text);
    if (!kind.isInstance(cursor)) {
      violations.add(name, "is not a cursor from a previous page's next link.");
      return null;
    }
    return cursor;
  }

  private String link(FeedCursor next, int size) {
    var builder = uri.getRequestUriBuilder().replaceQuery(null).queryParam("limit", size);
    if (next instanceof FeedCursor.Changes) {
      builder.queryParam("since", next.encode());
    } else {
      builder.queryParam("search_after", next.encode());
    }
    return builder.build().toString();
  }

  private static JsonObject href(String href) {
    return Jsonp.objectBuilder().add("href", href).build();
  }

  private static StreamingOutput ndjsonBody(List<JsonObject> items) {
    return output -> {
      Writer writer =
          new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
      for (JsonObject item : items) {
        // Not closed: closing would close the response.
        Jsonp.provider().createWriter(writer).write(item);
        writer.write('\n');
      }
      writer.flush();
    };
  }
}
