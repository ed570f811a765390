package io.vitrine.product.migration;

import io.vitrine.product.ProductValues;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills V10's product_asset and product_model_asset from the values written before them: asset
 * collections had no checks until then, so a value may name an asset that does not exist. Those
 * codes get no row (a foreign key would refuse it) and are logged; the next write of the product is
 * refused until its value names existing assets. Named as Flyway finds Java migrations.
 */
public class V11__Product_asset_references extends BaseJavaMigration {

  private static final Logger LOG = Logger.getLogger(V11__Product_asset_references.class.getName());
  private static final int BATCH = 1000;

  @Override
  public void migrate(Context context) throws SQLException {
    Connection connection = context.getConnection();
    Set<String> attributes =
        codes(connection, "SELECT code FROM attribute WHERE attribute_type = 'asset_collection'");
    if (attributes.isEmpty()) {
      return;
    }
    Map<String, String> assets = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT code, code_key FROM asset")) {
      while (rows.next()) {
        assets.put(rows.getString(2), rows.getString(1));
      }
    }
    Set<String> unknown = new TreeSet<>();
    fill(connection, "product", "product_asset", "product_id", attributes, assets, unknown);
    fill(
        connection,
        "product_model",
        "product_model_asset",
        "model_id",
        attributes,
        assets,
        unknown);
    if (!unknown.isEmpty()) {
      LOG.warning(
          "Asset collections name "
              + unknown.size()
              + " codes that are no asset (their products' next writes are refused until they"
              + " name existing assets): "
              + String.join(", ", unknown.stream().limit(50).toList()));
    }
  }

  private static void fill(
      Connection connection,
      String owners,
      String references,
      String ownerColumn,
      Set<String> attributes,
      Map<String, String> assets,
      Set<String> unknown)
      throws SQLException {
    try (Statement read = connection.createStatement();
        ResultSet rows = read.executeQuery("SELECT id, values_json FROM " + owners);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO " + references + " (" + ownerColumn + ", asset_code) VALUES (?, ?)")) {
      int pending = 0;
      while (rows.next()) {
        long id = rows.getLong(1);
        Set<String> shown = new HashSet<>();
        ProductValues.parse(rows.getString(2))
            .asMap()
            .forEach(
                (key, data) -> {
                  if (attributes.contains(key.attribute())
                      && data instanceof jakarta.json.JsonArray list) {
                    for (JsonValue item : list) {
                      if (item instanceof JsonString code) {
                        String asset = assets.get(code.getString().toLowerCase(Locale.ROOT));
                        if (asset == null) {
                          unknown.add(code.getString());
                        } else {
                          shown.add(asset);
                        }
                      }
                    }
                  }
                });
        for (String asset : shown) {
          insert.setLong(1, id);
          insert.setString(2, asset);
          insert.addBatch();
          if (++pending == BATCH) {
            insert.executeBatch();
            pending = 0;
          }
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static Set<String> codes(Connection connection, String sql) throws SQLException {
    Set<String> codes = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        codes.add(rows.getString(1));
      }
    }
    return codes;
  }
}
