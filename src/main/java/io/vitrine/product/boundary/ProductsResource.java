package io.vitrine.product.boundary;

import io.vitrine.completeness.Completeness;
import io.vitrine.completeness.CompletenessJson;
import io.vitrine.completeness.CompletenessStore;
import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Responses;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.product.Product;
import io.vitrine.product.ProductAnswers;
import io.vitrine.product.ProductCommand;
import io.vitrine.product.ProductCommand.Mode;
import io.vitrine.product.ProductDocuments;
import io.vitrine.product.ProductOutcome;
import io.vitrine.product.Products;
import io.vitrine.search.ProductSearch;
import io.vitrine.search.ProductSearch.Hit;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Products: one at a time, or up to 1,000 per NDJSON bulk request. */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Products with values checked against the catalog schema.")
public class ProductsResource {

  public static final String NDJSON = BulkLines.NDJSON;

  @Inject Products products;
  @Inject ProductDocuments documents;
  @Inject ProductAnswers answers;
  @Inject ProductSearch productSearch;
  @Inject CompletenessStore completeness;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listProducts",
      summary = "Search and list products",
      description =
          "Answered from the search index: filters in the Akeneo grammar (search), full text (q),"
              + " facets, sort, and cursor pages (follow _links.next). See docs/search.md.")
  @APIResponse(
      responseCode = "200",
      description = "A page of products, with facets when asked",
      headers =
          @Header(
              name = "Server-Timing",
              description =
                  "index-wait, search and read durations in ms (waiting for the index, the Lucene"
                      + " pass, reading the page's products)",
              schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "422",
      description = "An invalid filter, sort, facet, limit or cursor, each named")
  @APIResponse(responseCode = "503", description = "The search index is still catching up")
  public Response list(
      @QueryParam("search")
          @Parameter(
              description =
                  "Filters: {\"<field or attribute>\": [{\"operator\": \"IN\", \"value\": [...], \"locale\": ..., \"scope\": ...}]}")
          String search,
      @QueryParam("q") @Parameter(description = "Full text: words a shopper would type") String q,
      @QueryParam("locale")
          @Parameter(description = "Locale of full text, facets, sorts and localizable filters")
          String locale,
      @QueryParam("scope") @Parameter(description = "Channel of scopable filters, facets and sorts")
          String scope,
      @QueryParam("sort")
          @Parameter(
              description =
                  "relevance, identifier, created, updated, an attribute, or <price>.<currency>; '-' in front for descending")
          String sort,
      @QueryParam("facets")
          @Parameter(description = "Comma-separated: family, enabled, categories, attributes")
          String facets,
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter,
      @QueryParam("with_count") @Parameter(description = "true to include items_count")
          String withCount,
      @QueryParam("with_completenesses") @Parameter(description = WITH_COMPLETENESSES)
          String withCompletenesses,
      @QueryParam("with_quality_scores") @Parameter(description = WITH_QUALITY_SCORES)
          String withQualityScores) {
    var page = Pages.request(limit, searchAfter, withCount);
    var result =
        productSearch.search(
            new ProductSearch.Request(
                search,
                q,
                blankToNull(locale),
                blankToNull(scope),
                sort,
                facets,
                page.limit(),
                page.after(),
                page.withCount()));
    long readStart = System.nanoTime();
    Map<Long, Product> byId = products.byIds(result.hits().stream().map(Hit::id).toList());
    // A product deleted since the search is left out of the page.
    List<Hit> found = result.hits().stream().filter(h -> byId.containsKey(h.id())).toList();
    Map<Product, JsonObject> json = documents.products(List.copyOf(byId.values()), false);
    Derived derived = new Derived(withCompletenesses, withQualityScores);
    if (derived.any()) {
      var slots = completeness.slots(byId.keySet());
      json.replaceAll(
          (product, document) ->
              derived.add(document, slots.getOrDefault(product.id(), List.of())));
    }
    JsonObject answer =
        Pages.page(uri, page, found, Hit::cursor, h -> json.get(byId.get(h.id())), result.count());
    if (result.facets() != null) {
      answer = Jsonp.objectBuilder(answer).add("facets", result.facets()).build();
    }
    // Server-Timing (W3C) lets a client or a benchmark see where a list's time went.
    return Response.ok(answer)
        .header(
            "Server-Timing",
            timing("index-wait", result.waitNanos())
                + ", "
                + timing("search", result.searchNanos())
                + ", "
                + timing("read", System.nanoTime() - readStart))
        .build();
  }

  private static String timing(String name, long nanos) {
    return String.format(java.util.Locale.ROOT, "%s;dur=%.2f", name, nanos / 1e6);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @GET
  @Path("{identifier}")
  @Operation(operationId = "getProduct", summary = "Get a product")
  @APIResponse(responseCode = "200", description = "The product; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such product")
  public Response get(
      @PathParam("identifier") String identifier,
      @QueryParam("with_value_origins")
          @Parameter(
              description =
                  "true to add value_origins: for each attribute, the level and the product or product model its values are set on")
          String withOrigins,
      @QueryParam("with_completenesses") @Parameter(description = WITH_COMPLETENESSES)
          String withCompletenesses,
      @QueryParam("with_quality_scores") @Parameter(description = WITH_QUALITY_SCORES)
          String withQualityScores,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    Product product = products.get(identifier);
    boolean origins = "true".equals(withOrigins);
    Derived derived = new Derived(withCompletenesses, withQualityScores);
    if (!origins && !derived.any()) {
      return Responses.read(() -> answers.of(product), product.version(), ifNoneMatch);
    }
    JsonObject document = documents.product(product, origins);
    if (!derived.any()) {
      return Responses.read(document, product.version(), ifNoneMatch);
    }
    List<Completeness.Slot> slots =
        completeness.slots(List.of(product.id())).getOrDefault(product.id(), List.of());
    // Completeness and quality move without a new version when the rules change: the tag covers
    // them too.
    JsonObject with = derived.add(document, slots);
    int digest = java.util.Objects.hash(with.get("completenesses"), with.get("quality_scores"));
    String tag = product.version() + "-c" + Integer.toHexString(digest);
    return Responses.read(with, tag, ifNoneMatch);
  }

  private static final String WITH_COMPLETENESSES =
      "true to add completenesses: per channel and locale, the ratio (data), the number of"
          + " required values and the missing attributes";

  private static final String WITH_QUALITY_SCORES =
      "true to add quality_scores: per channel and locale, the grade A to E (data), the score"
          + " out of 100 and the problems found, each with its rule, attribute and message";

  /** What a product shows on request besides its values: completeness, data quality. */
  private record Derived(boolean completenesses, boolean qualityScores) {

    Derived(String withCompletenesses, String withQualityScores) {
      this("true".equals(withCompletenesses), "true".equals(withQualityScores));
    }

    boolean any() {
      return completenesses || qualityScores;
    }

    JsonObject add(JsonObject document, List<Completeness.Slot> slots) {
      var with = Jsonp.objectBuilder(document);
      if (completenesses) {
        with.add("completenesses", CompletenessJson.of(slots));
      }
      if (qualityScores) {
        with.add("quality_scores", CompletenessJson.qualityScores(slots));
      }
      return with.build();
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createProduct", summary = "Create a product")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "A product with this identifier exists")
  @APIResponse(
      responseCode = "422",
      description = "Invalid fields or values, each listed with attribute, locale and scope")
  public Response create(JsonObject body) {
    return answer(products.save(new ProductCommand(Mode.CREATE, 1, null, body, null)));
  }

  @PATCH
  @Path("{identifier}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "updateProduct",
      summary = "Update or create a product",
      description =
          "Values merge per attribute × locale × scope (data null removes one); other fields present replace. "
              + "Creates the product when it does not exist; an identifier in the body renames an existing product.")
  @APIResponse(responseCode = "200", description = "Updated (or unchanged)")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(
      responseCode = "422",
      description = "Invalid fields or values, each listed with attribute, locale and scope")
  public Response update(
      @PathParam("identifier") String identifier,
      JsonObject body,
      @HeaderParam("If-Match") String ifMatch) {
    return answer(products.save(new ProductCommand(Mode.UPSERT, 1, identifier, body, ifMatch)));
  }

  @DELETE
  @Path("{identifier}")
  @Operation(operationId = "deleteProduct", summary = "Delete a product")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such product")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(
      @PathParam("identifier") String identifier, @HeaderParam("If-Match") String ifMatch) {
    products.delete(identifier, ifMatch);
    return Response.noContent().build();
  }

  @PATCH
  @Consumes(NDJSON)
  @Produces(NDJSON)
  @Operation(
      operationId = "upsertProducts",
      summary = "Create or update many products",
      description =
          "One product per line (NDJSON), up to 1,000 lines, each merged like PATCH /products/{identifier}. "
              + "The answer has one line per product line, in order, with its status code and, when refused, its problems; "
              + "a refused line does not stop the others.")
  @APIResponse(responseCode = "200", description = "One status line per input line")
  @APIResponse(
      responseCode = "413",
      description = "More than 1,000 lines, or a body over the size limit")
  @APIResponse(responseCode = "415", description = "The body is not application/x-ndjson")
  public Response upsertMany(InputStream body) {
    return BulkLines.write(body, products::saveAll);
  }

  private Response answer(ProductOutcome outcome) {
    if (!outcome.succeeded()) {
      throw new ProblemException(outcome.problem());
    }
    return Responses.written(
        outcome.product(),
        outcome.version(),
        outcome.status() == 201,
        uri.getBaseUriBuilder().path("products/{identifier}").build(outcome.identifier()));
  }
}
