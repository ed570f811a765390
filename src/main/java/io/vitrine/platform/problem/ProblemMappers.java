package io.vitrine.platform.problem;

import io.vitrine.platform.database.ConcurrentWrites;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves the API as {@code application/problem+json}, whatever raised it. */
public final class ProblemMappers {

  private ProblemMappers() {}

  /** The {@code instance} of a problem: the path the request was sent to. */
  public static String instance(UriInfo uri) {
    return uri == null ? null : uri.getAbsolutePath().getRawPath();
  }

  @Provider
  public static class Problems implements ExceptionMapper<ProblemException> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(ProblemException e) {
      Response response = e.problem().toResponse(instance(uri));
      if (e.headers().isEmpty()) {
        return response;
      }
      var withHeaders = Response.fromResponse(response);
      e.headers().forEach(withHeaders::header);
      return withHeaders.build();
    }
  }

  /** The JAX-RS runtime's own refusals: unknown path, wrong method, media types, bad parameters. */
  @Provider
  public static class WebApplication implements ExceptionMapper<WebApplicationException> {
    @Context UriInfo uri;
    @Context HttpHeaders headers;

    @Override
    public Response toResponse(WebApplicationException e) {
      int status = e.getResponse().getStatus();
      Problem problem =
          switch (status) {
            case 404 ->
                Problem.of("not-found", "Not found", 404, "Nothing is served at this address.");
            case 405 ->
                Problem.of(
                    "method-not-allowed",
                    "Method not allowed",
                    405,
                    "This address accepts " + allowed(e) + ".");
            case 406 ->
                Problem.of(
                    "not-acceptable",
                    "Not acceptable",
                    406,
                    "None of the media types in Accept can be produced here.");
            case 415 ->
                Problem.unsupportedMediaType(
                    headers == null || headers.getMediaType() == null
                        ? "(none)"
                        : headers.getMediaType().toString(),
                    "application/json (PATCH /api/v1/products, the bulk request, takes application/x-ndjson)");
            default ->
                status >= 500
                    ? internal(e)
                    : Problem.of(
                        "bad-request",
                        "The request cannot be understood",
                        status,
                        e.getMessage() == null ? "HTTP " + status : e.getMessage());
          };
      var response = problem.toResponse(instance(uri));
      if (e instanceof NotAllowedException) {
        return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
      }
      return response;
    }

    private static String allowed(WebApplicationException e) {
      var methods = e.getResponse().getAllowedMethods();
      return methods.isEmpty() ? "other methods" : String.join(", ", methods);
    }
  }

  /**
   * Anything unforeseen: logged in full, answered without internals. A write that lost to a
   * concurrent one in the database (a constraint, a lock, a serialization failure) is a 409 the
   * client can simply retry.
   */
  @Provider
  public static class Unexpected implements ExceptionMapper<Throwable> {
    @Context UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
      if (ConcurrentWrites.lost(e)) {
        Logger.getLogger(ProblemMappers.class.getName())
            .log(Level.INFO, "Write lost to a concurrent one", e);
        return Problem.conflict(
                "The change collided with a concurrent change to the same data; send it again.")
            .toResponse(instance(uri));
      }
      return internal(e).toResponse(instance(uri));
    }
  }

  static Problem internal(Throwable e) {
    Logger.getLogger(ProblemMappers.class.getName()).log(Level.SEVERE, "Unexpected error", e);
    return Problem.of(
        "internal-error",
        "Internal error",
        500,
        "The server could not complete the request; it has been logged.");
  }
}
