package io.vitrine.platform.problem;

import jakarta.ws.rs.WebApplicationException;

/**
 * Ends a request with a problem answer; being unchecked, it also rolls back the request's
 * transaction, so nothing the request began is kept. It is a {@link WebApplicationException} so
 * that the JAX-RS runtime passes it on unchanged even from a message body reader.
 */
public class ProblemException extends WebApplicationException {

  private final Problem problem;

  public ProblemException(Problem problem) {
    super(
        problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()),
        null,
        problem.status());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
