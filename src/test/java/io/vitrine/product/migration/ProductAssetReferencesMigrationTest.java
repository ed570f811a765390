package io.vitrine.product.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

class ProductAssetReferencesMigrationTest {

  @Test
  void referencesOfExistingAssetsAreFilledWithoutRegardToCaseAndUnknownOnesSkipped()
      throws Exception {
    try (Connection connection =
            DriverManager.getConnection("jdbc:h2:mem:v11_" + System.nanoTime());
        Statement sql = connection.createStatement()) {
      sql.execute("CREATE TABLE attribute (code VARCHAR PRIMARY KEY, attribute_type VARCHAR)");
      sql.execute("CREATE TABLE asset (code VARCHAR PRIMARY KEY, code_key VARCHAR)");
      sql.execute("CREATE TABLE product (id BIGINT PRIMARY KEY, values_json VARCHAR)");
      sql.execute("CREATE TABLE product_model (id BIGINT PRIMARY KEY, values_json VARCHAR)");
      sql.execute("CREATE TABLE product_asset (product_id BIGINT, asset_code VARCHAR)");
      sql.execute("CREATE TABLE product_model_asset (model_id BIGINT, asset_code VARCHAR)");
      sql.execute(
          "INSERT INTO attribute VALUES ('images', 'asset_collection'), ('name', 'text'),"
              + " ('docs', 'asset_collection')");
      sql.execute("INSERT INTO asset VALUES ('Front.jpg', 'front.jpg'), ('back', 'back')");
      sql.execute(
          "INSERT INTO product VALUES (1, '{\"images\":[{\"locale\":null,\"scope\":null,"
              + "\"data\":[\"front.JPG\",\"back\",\"gone\"]}],\"name\":[{\"locale\":null,"
              + "\"scope\":null,\"data\":\"back\"}]}'), (2, '{}')");
      sql.execute(
          "INSERT INTO product_model VALUES (7, '{\"docs\":[{\"locale\":null,\"scope\":null,"
              + "\"data\":[\"back\"]}]}')");

      new V11__Product_asset_references().migrate(context(connection));

      assertEquals(
          List.of("1 Front.jpg", "1 back"),
          rows(sql, "SELECT product_id, asset_code FROM product_asset ORDER BY asset_code"));
      assertEquals(
          List.of("7 back"), rows(sql, "SELECT model_id, asset_code FROM product_model_asset"));
    }
  }

  private static Context context(Connection connection) {
    return new Context() {
      @Override
      public Configuration getConfiguration() {
        return null;
      }

      @Override
      public Connection getConnection() {
        return connection;
      }
    };
  }

  private static List<String> rows(Statement sql, String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = sql.executeQuery(query)) {
      while (result.next()) {
        rows.add(result.getLong(1) + " " + result.getString(2));
      }
    }
    return rows;
  }
}
