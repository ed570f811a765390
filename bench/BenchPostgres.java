import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server a benchmark measures its baseline on, and runs Vitrine on when asked: the
 * server of {@code --pg-url} when one is given, otherwise one started for this run from the
 * embedded PostgreSQL binaries the integration tests use, so that no benchmark needs a system
 * server. Fresh databases are created on it by name, dropped first if an earlier run left them.
 */
final class BenchPostgres implements AutoCloseable {

  final String url;
  final String user;
  final String password;
  private final EmbeddedPostgres embedded;

  private BenchPostgres(String url, String user, String password, EmbeddedPostgres embedded) {
    this.url = url;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
  }

  /** The server of {@code url}, or an embedded one when {@code url} is null. */
  static BenchPostgres of(String url, String user, String password) throws Exception {
    if (url != null) {
      return new BenchPostgres(url, user, password, null);
    }
    EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
    System.out.println("Embedded PostgreSQL on port " + embedded.getPort());
    return new BenchPostgres(
        embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", embedded);
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** Creates (again) the database {@code name} on this server and returns its JDBC URL. */
  String freshDatabase(String name) throws SQLException {
    try (Connection connection = connect();
        Statement sql = connection.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      sql.execute("CREATE DATABASE " + name);
    }
    int query = url.indexOf('?');
    String path = query < 0 ? url : url.substring(0, query);
    return path.substring(0, path.lastIndexOf('/') + 1)
        + name
        + (query < 0 ? "" : url.substring(query));
  }

  /** What the results say about the server: embedded (and its version) or the URL given. */
  String description() throws SQLException {
    try (Connection connection = connect()) {
      String version = connection.getMetaData().getDatabaseProductVersion();
      return (embedded == null ? "PostgreSQL " : "embedded PostgreSQL ") + version;
    }
  }

  @Override
  public void close() throws Exception {
    if (embedded != null) {
      embedded.close();
    }
  }
}
