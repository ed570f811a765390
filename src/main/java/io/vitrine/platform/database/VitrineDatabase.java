package io.vitrine.platform.database;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The one database: its connection pool, defined from MicroProfile Config, and the Flyway
 * migrations that create and upgrade its schema at start-up.
 */
@DataSourceDefinition(
    name = VitrineDatabase.JNDI_NAME,
    className = "io.vitrine.platform.database.DatabaseUrlDataSource",
    url = "${MPCONFIG=vitrine.db.url}",
    user = "${MPCONFIG=vitrine.db.user}",
    password = "${MPCONFIG=vitrine.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class VitrineDatabase {

  public static final String JNDI_NAME = "java:app/jdbc/vitrine";
  private static final Logger LOG = Logger.getLogger(VitrineDatabase.class.getName());

  @Resource(lookup = JNDI_NAME)
  DataSource dataSource;

  private volatile boolean migrated;

  /** Brings the schema to the newest version; the same scripts serve H2 and PostgreSQL. */
  public void migrate() {
    var result =
        Flyway.configure(getClass().getClassLoader())
            .dataSource(dataSource)
            // SQL scripts, and the Java migrations that need a feature's code (values parsed).
            .locations("classpath:db/migration", "classpath:io/vitrine/product/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
    migrated = true;
  }

  public boolean isMigrated() {
    return migrated;
  }

  /** True when a connection can be opened and answers. */
  public boolean isReachable() {
    try (var connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }
}
