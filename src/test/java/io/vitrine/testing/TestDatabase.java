package io.vitrine.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Provides the database an integration-test run talks to, before Arquillian starts Payara Micro.
 * The failsafe execution names it in {@code vitrine.it.db}: {@code h2} (a fresh file database) or
 * {@code postgres} (embedded PostgreSQL 17, or a fresh database on the server that {@code
 * VITRINE_TEST_PG_URL} names). The Payara Micro JVM receives it through {@code
 * vitrine.it.jvmOptions}, which arquillian.xml passes on. Unit-test runs leave {@code
 * vitrine.it.db} unset and get nothing.
 */
public class TestDatabase implements LauncherSessionListener {

  private EmbeddedPostgres embedded;
  private String serverDatabase;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    String kind = System.getProperty("vitrine.it.db");
    if (kind == null || System.getProperty("vitrine.it.jvmOptions") != null) {
      return;
    }
    Path work = Path.of(System.getProperty("vitrine.it.work", "target/it")).toAbsolutePath();
    // failsafe points java.io.tmpdir into target/ (STACK-NOTES 9); after a clean it must be made.
    createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
    Path dataDir = work.resolve(kind + "-data");
    deleteRecursively(dataDir);
    String url;
    String user;
    String password;
    switch (kind) {
      case "h2" -> {
        url =
            "jdbc:h2:file:"
                + dataDir.resolve("db/vitrine")
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
        user = "vitrine";
        password = "vitrine";
      }
      case "postgres" -> {
        String server = System.getenv("VITRINE_TEST_PG_URL");
        user = envOr("VITRINE_TEST_PG_USER", "postgres");
        password = envOr("VITRINE_TEST_PG_PASSWORD", "postgres");
        if (server == null) {
          url = startEmbedded();
        } else {
          serverDatabase = "vitrine_it_" + System.currentTimeMillis();
          url = createDatabase(server, user, password, serverDatabase);
        }
      }
      default ->
          throw new IllegalArgumentException("vitrine.it.db must be h2 or postgres: " + kind);
    }
    System.setProperty(
        "vitrine.it.jvmOptions",
        String.join(
            " ",
            "-Xmx1g",
            "-Djava.io.tmpdir=" + work.resolve("tmp"),
            "-Dvitrine.data.dir=" + dataDir,
            // ExportsIT: scheduled exports start within a second; streams stop at 50 products;
            // batches of 7 make every export of the sample many batches; "updated since the last
            // export" looks 2 s back.
            "-Dvitrine.export.schedule-check-seconds=1",
            "-Dvitrine.export.stream-max-products=50",
            "-Dvitrine.export.batch-size=7",
            "-Dvitrine.export.updated-margin-seconds=2",
            // AssetsIT: uploads over 2 MB and images over 4 megapixels are refused.
            "-Dvitrine.assets.max-bytes=2000000",
            "-Dvitrine.assets.max-pixels=4000000",
            // Feeds and exports write asset addresses from it: golden files need it fixed.
            "-Dvitrine.public-url=https://pim.example",
            "-Dvitrine.db.url=" + url,
            "-Dvitrine.db.user=" + user,
            "-Dvitrine.db.password=" + password));
  }

  /**
   * JVM options for one more server of this run, on a fresh database of the run's kind in {@code
   * dataDir}: a test that must kill a server uses one of its own, never the shared deployment.
   */
  public static List<String> anotherServer(Path dataDir, String name) {
    String options = System.getProperty("vitrine.it.jvmOptions");
    if (options == null) {
      throw new IllegalStateException(
          "Not an integration-test run: vitrine.it.jvmOptions is unset");
    }
    String url = option(options, "vitrine.db.url");
    String user = option(options, "vitrine.db.user");
    String password = option(options, "vitrine.db.password");
    if (url.startsWith("jdbc:h2:")) {
      url = "jdbc:h2:file:" + dataDir.resolve("db/vitrine") + ";DB_CLOSE_ON_EXIT=FALSE";
    } else {
      url = createDatabase(url, user, password, name + "_" + System.currentTimeMillis());
    }
    return List.of(
        "-Dvitrine.data.dir=" + dataDir,
        "-Dvitrine.db.url=" + url,
        "-Dvitrine.db.user=" + user,
        "-Dvitrine.db.password=" + password);
  }

  private static String option(String options, String name) {
    for (String option : options.split(" ")) {
      if (option.startsWith("-D" + name + "=")) {
        return option.substring(name.length() + 3);
      }
    }
    throw new IllegalStateException(name + " is not in " + options);
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    try {
      if (embedded != null) {
        embedded.close();
      }
      if (serverDatabase != null) {
        dropDatabase();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String startEmbedded() {
    try {
      embedded = EmbeddedPostgres.builder().start();
      return embedded.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
    }
  }

  /** A database of its own on a shared server, so a run never sees another run's data. */
  private static String createDatabase(
      String serverUrl, String user, String password, String database) {
    try (var connection = DriverManager.getConnection(serverUrl, user, password);
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + database + " on " + serverUrl, e);
    }
    int slash = serverUrl.lastIndexOf('/');
    int query = serverUrl.indexOf('?', slash);
    return serverUrl.substring(0, slash + 1)
        + database
        + (query < 0 ? "" : serverUrl.substring(query));
  }

  private void dropDatabase() {
    String serverUrl = System.getenv("VITRINE_TEST_PG_URL");
    try (var connection =
            DriverManager.getConnection(
                serverUrl,
                envOr("VITRINE_TEST_PG_USER", "postgres"),
                envOr("VITRINE_TEST_PG_PASSWORD", "postgres"));
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + serverDatabase + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("Could not drop test database " + serverDatabase + ": " + e.getMessage());
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
