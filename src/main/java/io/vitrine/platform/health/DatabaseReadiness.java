package io.vitrine.platform.health;

import io.vitrine.platform.database.VitrineDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the database answers and its schema is migrated. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject VitrineDatabase database;

  @Override
  public HealthCheckResponse call() {
    boolean reachable = database.isReachable();
    boolean migrated = database.isMigrated();
    return HealthCheckResponse.named("database")
        .status(reachable && migrated)
        .withData("reachable", reachable)
        .withData("migrated", migrated)
        .build();
  }
}
