package io.vitrine.product;

import io.vitrine.platform.database.VitrineDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Rewrites the product_* reference tables for products whose references changed, with JDBC batches
 * on the transaction's own connection: every delete first (so a unique value one product gives up
 * can be taken by another in the same batch), then every insert.
 */
@ApplicationScoped
public class ReferenceTables {

  @Resource(lookup = VitrineDatabase.JNDI_NAME)
  DataSource dataSource;

  /** Whose references: products' in V1's tables, product models' in their V3 twins. */
  public enum Owner {
    PRODUCT("product_", "product_id"),
    MODEL("product_model_", "model_id");

    private final String prefix;
    private final String idColumn;

    Owner(String prefix, String idColumn) {
      this.prefix = prefix;
      this.idColumn = idColumn;
    }
  }

  /** One product's (or model's) references before and after a write. */
  public record Rewrite(long productId, ProductReferences before, ProductReferences after) {}

  private record Table(
      String name, List<String> columns, Function<ProductReferences, Set<List<String>>> rows) {}

  private static final List<Table> TABLES =
      List.of(
          new Table("attribute", List.of("attribute_code"), r -> singles(r.attributes())),
          new Table("option", List.of("attribute_code", "option_code"), ProductReferences::options),
          new Table("locale", List.of("locale_code"), r -> singles(r.locales())),
          new Table("channel", List.of("channel_code"), r -> singles(r.channels())),
          new Table("currency", List.of("currency_code"), r -> singles(r.currencies())),
          new Table("asset", List.of("asset_code"), r -> singles(r.assets())),
          // Models hold no unique values: those are set on variant products only.
          new Table(
              "unique_value", List.of("attribute_code", "value_key"), r -> pairs(r.unique())));

  public void rewrite(Owner owner, List<Rewrite> rewrites) {
    if (rewrites.isEmpty()) {
      return;
    }
    List<Table> tables =
        owner == Owner.PRODUCT
            ? TABLES
            : TABLES.stream().filter(t -> !t.name().equals("unique_value")).toList();
    // The container hands out the connection already enlisted in the current transaction.
    try (Connection connection = dataSource.getConnection()) {
      for (Table table : tables) {
        batch(connection, deleteSql(owner, table), table, rewrites, true);
      }
      for (Table table : tables) {
        batch(connection, insertSql(owner, table), table, rewrites, false);
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not write product references: " + e.getMessage(), e);
    }
  }

  private static void batch(
      Connection connection, String sql, Table table, List<Rewrite> rewrites, boolean removed)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      int rows = 0;
      for (Rewrite rewrite : rewrites) {
        Set<List<String>> before = table.rows().apply(rewrite.before());
        Set<List<String>> after = table.rows().apply(rewrite.after());
        Set<List<String>> changed = new HashSet<>(removed ? before : after);
        changed.removeAll(removed ? after : before);
        for (List<String> row : changed) {
          statement.setLong(1, rewrite.productId());
          for (int i = 0; i < row.size(); i++) {
            statement.setString(i + 2, row.get(i));
          }
          statement.addBatch();
          rows++;
        }
      }
      if (rows > 0) {
        statement.executeBatch();
      }
    }
  }

  private static String deleteSql(Owner owner, Table table) {
    var where = new StringBuilder(owner.idColumn + " = ?");
    table.columns().forEach(c -> where.append(" AND ").append(c).append(" = ?"));
    return "DELETE FROM " + owner.prefix + table.name() + " WHERE " + where;
  }

  private static String insertSql(Owner owner, Table table) {
    return "INSERT INTO "
        + owner.prefix
        + table.name()
        + " ("
        + owner.idColumn
        + ", "
        + String.join(", ", table.columns())
        + ") VALUES (?"
        + ", ?".repeat(table.columns().size())
        + ")";
  }

  private static Set<List<String>> singles(Set<String> codes) {
    Set<List<String>> rows = new HashSet<>();
    codes.forEach(code -> rows.add(List.of(code)));
    return rows;
  }

  private static Set<List<String>> pairs(Map<String, String> map) {
    Set<List<String>> rows = new HashSet<>();
    map.forEach((k, v) -> rows.add(List.of(k, v)));
    return rows;
  }
}
