package io.vitrine.platform.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * Ends a request with a problem answer; being unchecked, it also rolls back the request's
 * transaction, so nothing the request began is kept. It is a {@link WebApplicationException} so
 * that the JAX-RS runtime passes it on unchanged even from a message body reader.
 */
public class ProblemException extends WebApplicationException {

  private final Problem problem;
  private final Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  /**
   * A problem whose answer must also carry {@code headers}: those HTTP defines for its status (the
   * {@code Content-Range} of a 416).
   */
  public ProblemException(Problem problem, Map<String, String> headers) {
    super(
        problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()),
        null,
        problem.status());
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public Problem problem() {
    return problem;
  }

  /** The headers the answer carries besides the problem's own. */
  public Map<String, String> headers() {
    return headers;
  }
}
