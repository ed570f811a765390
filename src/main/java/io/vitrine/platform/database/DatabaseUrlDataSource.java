package io.vitrine.platform.database;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A data source that connects with whichever driver its JDBC URL names, so that setting {@code
 * vitrine.db.url} alone switches Vitrine between H2 and PostgreSQL. Payara's connection pool wraps
 * it; Payara sets the bean properties from {@link VitrineDatabase}'s definition.
 */
public class DatabaseUrlDataSource implements DataSource {

  private String url;
  private String user;
  private String password;
  private DataSource target;

  public void setUrl(String url) {
    this.url = url;
    this.target = null;
  }

  public void setURL(String url) {
    setUrl(url);
  }

  public String getUrl() {
    return url;
  }

  public void setUser(String user) {
    this.user = user;
    this.target = null;
  }

  public void setPassword(String password) {
    this.password = password;
    this.target = null;
  }

  private synchronized DataSource target() throws SQLException {
    if (target == null) {
      target = forUrl(url, user, password);
    }
    return target;
  }

  /**
   * H2 writes a commit to its file up to WRITE_DELAY (500 ms) later: a kill -9 in that window lost
   * products whose write had been acknowledged (SearchRecoveryIT caught it). 0 writes at each
   * commit; a URL that sets WRITE_DELAY itself keeps its choice.
   */
  static String durable(String h2Url) {
    return h2Url.toUpperCase(java.util.Locale.ROOT).contains(";WRITE_DELAY=")
        ? h2Url
        : h2Url + ";WRITE_DELAY=0";
  }

  static DataSource forUrl(String url, String user, String password) throws SQLException {
    if (url == null || url.isBlank()) {
      throw new SQLException("vitrine.db.url is not set");
    }
    if (url.startsWith("jdbc:h2:")) {
      var h2 = new JdbcDataSource();
      h2.setURL(durable(url));
      h2.setUser(user);
      h2.setPassword(password);
      return h2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      var postgres = new PGSimpleDataSource();
      postgres.setUrl(url);
      postgres.setUser(user);
      postgres.setPassword(password);
      return postgres;
    }
    throw new SQLException(
        "vitrine.db.url must be an H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql:...) URL, not "
            + url);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return target().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return target().getConnection(username, password);
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    return target().unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return type.isInstance(this) || target().isWrapperFor(type);
  }
}
