package io.vitrine.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the index is open; the lag says how many committed events it has yet to apply. */
@Readiness
@ApplicationScoped
public class SearchReadiness implements HealthCheck {

  @Inject Indexer indexer;

  @Override
  public HealthCheckResponse call() {
    Indexer.Status status = indexer.status();
    var response =
        HealthCheckResponse.named("search")
            .status(status.open())
            .withData("applied_seq", status.appliedSeq())
            .withData("lag", status.lag())
            .withData("documents", status.documents());
    if (status.failure() != null) {
      response.withData("failure", status.failure());
    }
    return response.build();
  }
}
