package io.vitrine.product.boundary;

import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Responses;
import io.vitrine.platform.json.JsonDocuments;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.product.Product;
import io.vitrine.product.ProductCommand;
import io.vitrine.product.ProductCommand.Mode;
import io.vitrine.product.ProductJson;
import io.vitrine.product.ProductOutcome;
import io.vitrine.product.Products;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Products: one at a time, or up to {@value #MAX_LINES} per NDJSON bulk request. */
@Path("products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "Products with values checked against the catalog schema.")
public class ProductsResource {

  public static final String NDJSON = "application/x-ndjson";
  public static final int MAX_LINES = 1000;

  @Inject Products products;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listProducts",
      summary = "List products",
      description = "Ordered by identifier, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of products")
  @APIResponse(responseCode = "422", description = "Invalid limit or cursor")
  public JsonObject list(
      @QueryParam("limit") @Parameter(description = "Items per page, 1 to 100 (default 20)")
          String limit,
      @QueryParam("search_after")
          @Parameter(description = "The cursor from the previous page's next link")
          String searchAfter,
      @QueryParam("with_count") @Parameter(description = "true to include items_count")
          String withCount) {
    var request = Pages.request(limit, searchAfter, withCount);
    List<Product> page = products.page(request);
    return Pages.page(
        uri,
        request,
        page,
        p -> Product.key(p.identifier()),
        ProductJson::of,
        request.withCount() ? products.count() : null);
  }

  @GET
  @Path("{identifier}")
  @Operation(operationId = "getProduct", summary = "Get a product")
  @APIResponse(responseCode = "200", description = "The product; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such product")
  public Response get(
      @PathParam("identifier") String identifier,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    Product product = products.get(identifier);
    return Responses.read(ProductJson.of(product), product.version(), ifNoneMatch);
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
    Map<Integer, ProductOutcome> outcomes = new TreeMap<>();
    List<ProductCommand> commands = new ArrayList<>();
    readLines(body, outcomes, commands);
    products.saveAll(commands).forEach(o -> outcomes.put(o.line(), o));
    StreamingOutput answer =
        out -> {
          var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          for (ProductOutcome outcome : outcomes.values()) {
            writer.write(statusLine(outcome));
            writer.write('\n');
          }
          writer.flush();
        };
    return Response.ok(answer, NDJSON).build();
  }

  private static void readLines(
      InputStream body, Map<Integer, ProductOutcome> outcomes, List<ProductCommand> commands) {
    var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    int lineNumber = 0;
    int products = 0;
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        if (++products > MAX_LINES) {
          throw new ProblemException(
              Problem.of(
                  "payload-too-large",
                  "Too many lines",
                  413,
                  "A bulk request holds at most "
                      + MAX_LINES
                      + " products; split the rest into further requests."));
        }
        try {
          commands.add(
              new ProductCommand(
                  Mode.UPSERT,
                  lineNumber,
                  null,
                  JsonDocuments.parseObject(line, "Line " + lineNumber),
                  null));
        } catch (ProblemException e) {
          outcomes.put(
              lineNumber,
              new ProductOutcome(lineNumber, null, e.problem().status(), null, 0, e.problem()));
        }
      }
    } catch (IOException e) {
      throw new ProblemException(
          Problem.badRequest("The request body could not be read: " + e.getMessage()));
    }
    if (products == 0) {
      throw new ProblemException(Problem.badRequest("The request body holds no product lines."));
    }
  }

  private static String statusLine(ProductOutcome outcome) {
    var line = Jsonp.objectBuilder().add("line", outcome.line());
    if (outcome.identifier() == null) {
      line.addNull("identifier");
    } else {
      line.add("identifier", outcome.identifier());
    }
    line.add("status_code", outcome.status());
    if (outcome.succeeded()) {
      line.add("version", outcome.version());
    } else {
      Problem problem = outcome.problem();
      line.add("type", problem.type())
          .add("message", problem.detail() == null ? problem.title() : problem.detail());
      problem.extensions().forEach(line::add);
    }
    return line.build().toString();
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
