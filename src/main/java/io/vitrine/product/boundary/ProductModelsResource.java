package io.vitrine.product.boundary;

import io.vitrine.platform.http.Pages;
import io.vitrine.platform.http.Responses;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.product.Product;
import io.vitrine.product.ProductCommand;
import io.vitrine.product.ProductCommand.Mode;
import io.vitrine.product.ProductDocuments;
import io.vitrine.product.ProductModel;
import io.vitrine.product.ProductModels;
import io.vitrine.product.ProductOutcome;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Product models: the shared values of variant products, one level of a family variant each. */
@Path("product-models")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Product models",
    description =
        "The values variant products share: a root model holds the common attributes of its family variant, a sub-model those of level 1.")
public class ProductModelsResource {

  @Inject ProductModels models;
  @Inject ProductDocuments documents;
  @Context UriInfo uri;

  @GET
  @Operation(
      operationId = "listProductModels",
      summary = "List product models",
      description = "Ordered by code, a page at a time: follow _links.next.")
  @APIResponse(responseCode = "200", description = "A page of product models")
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
    List<ProductModel> page = models.page(request);
    Map<ProductModel, JsonObject> json = documents.models(page, false);
    return Pages.page(
        uri,
        request,
        page,
        m -> Product.key(m.code()),
        json::get,
        request.withCount() ? models.count() : null);
  }

  @GET
  @Path("{code}")
  @Operation(
      operationId = "getProductModel",
      summary = "Get a product model",
      description = "A sub-model shows its own values and those it inherits from its root model.")
  @APIResponse(responseCode = "200", description = "The product model; ETag is its version")
  @APIResponse(responseCode = "304", description = "Unchanged since the version in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such product model")
  public Response get(
      @PathParam("code") String code,
      @QueryParam("with_value_origins")
          @Parameter(
              description =
                  "true to add value_origins: for each attribute, the level and the model its values are set on")
          String withOrigins,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    ProductModel model = models.get(code);
    return Responses.read(
        documents.model(model, "true".equals(withOrigins)), model.version(), ifNoneMatch);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(operationId = "createProductModel", summary = "Create a product model")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "A product model with this code exists")
  @APIResponse(
      responseCode = "422",
      description =
          "Invalid fields or values, each listed; a value of another level names the level that owns it")
  public Response create(JsonObject body) {
    return answer(models.save(new ProductCommand(Mode.CREATE, 1, null, body, null)));
  }

  @PATCH
  @Path("{code}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      operationId = "updateProductModel",
      summary = "Update or create a product model",
      description =
          "Values merge per attribute × locale × scope (data null removes one); other fields present replace. "
              + "Creates the model when it does not exist. Every sub-model and variant below the model gets a new version "
              + "and a change event, in the same transaction.")
  @APIResponse(responseCode = "200", description = "Updated (or unchanged)")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(
      responseCode = "409",
      description =
          "A move that would leave data invalid (another family variant, a duplicate axis combination)")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  @APIResponse(responseCode = "422", description = "Invalid fields or values, each listed")
  public Response update(
      @PathParam("code") String code, JsonObject body, @HeaderParam("If-Match") String ifMatch) {
    return answer(models.save(new ProductCommand(Mode.UPSERT, 1, code, body, ifMatch)));
  }

  @DELETE
  @Path("{code}")
  @Operation(operationId = "deleteProductModel", summary = "Delete a product model")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "404", description = "No such product model")
  @APIResponse(
      responseCode = "409",
      description = "It has sub-models or variants: the answer lists them")
  @APIResponse(responseCode = "412", description = "If-Match does not name the current version")
  public Response delete(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch) {
    models.delete(code, ifMatch);
    return Response.noContent().build();
  }

  @PATCH
  @Consumes(BulkLines.NDJSON)
  @Produces(BulkLines.NDJSON)
  @Operation(
      operationId = "upsertProductModels",
      summary = "Create or update many product models",
      description =
          "One product model per line (NDJSON), up to 1,000 lines, each merged like PATCH /product-models/{code}; "
              + "a root model may come before its sub-models in the same request. "
              + "The answer has one line per input line, in order, with its status code and, when refused, its problems.")
  @APIResponse(responseCode = "200", description = "One status line per input line")
  @APIResponse(
      responseCode = "413",
      description = "More than 1,000 lines, or a body over the size limit")
  @APIResponse(responseCode = "415", description = "The body is not application/x-ndjson")
  public Response upsertMany(InputStream body) {
    return BulkLines.write(body, models::saveAll);
  }

  private Response answer(ProductOutcome outcome) {
    if (!outcome.succeeded()) {
      throw new ProblemException(outcome.problem());
    }
    return Responses.written(
        outcome.product(),
        outcome.version(),
        outcome.status() == 201,
        uri.getBaseUriBuilder().path("product-models/{code}").build(outcome.identifier()));
  }
}
