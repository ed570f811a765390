package io.vitrine.product;

import io.vitrine.platform.problem.Problem;
import jakarta.json.JsonObject;

/** What became of one product write: the product as stored, or the problem that stopped it. */
public record ProductOutcome(
    int line, String identifier, int status, JsonObject product, long version, Problem problem) {

  static ProductOutcome failed(ProductCommand command, String identifier, Problem problem) {
    return new ProductOutcome(command.line(), identifier, problem.status(), null, 0, problem);
  }

  public boolean succeeded() {
    return problem == null;
  }
}
