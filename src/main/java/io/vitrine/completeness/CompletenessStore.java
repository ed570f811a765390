package io.vitrine.completeness;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.CatalogTerms;
import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.platform.database.VitrineDatabase;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.product.IndexableProducts;
import io.vitrine.product.IndexableProducts.Indexable;
import io.vitrine.product.Product;
import io.vitrine.quality.Issue;
import io.vitrine.quality.OptionLabels;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The completeness rows: one per product, channel and locale, with the data quality found there.
 * Rows are replaced per product, in the caller's transaction and with JDBC batches on its
 * connection, so a product's completeness and quality are never half-updated.
 */
@ApplicationScoped
public class CompletenessStore {

  // Small: H2 checks each row it finds against the whole IN list of parameters; with 500 ids (2,000
  // rows or more) that cost a recompute job two thirds of its time.
  private static final int CHUNK = 50;

  @Resource(lookup = VitrineDatabase.JNDI_NAME)
  DataSource dataSource;

  @Inject IndexableProducts products;
  @Inject CatalogTerms terms;
  @PersistenceContext EntityManager em;

  /**
   * Computes the completeness of the products {@code ids} (those that exist) against {@code schema}
   * and stores what changed. Returns the ids whose completeness changed. Called inside a writer's
   * transaction, the products come from its persistence context: no second read of them.
   */
  public Set<Long> refresh(Collection<Long> ids, CatalogSnapshot schema) {
    List<Product> found =
        ids.stream().map(id -> em.find(Product.class, id)).filter(Objects::nonNull).toList();
    return found.isEmpty() ? Set.of() : refresh(products.resolve(found), schema);
  }

  /** The same for products already read with what they inherit. */
  public Set<Long> refresh(List<Indexable> found, CatalogSnapshot schema) {
    if (found.isEmpty()) {
      return Set.of();
    }
    Map<Long, List<Slot>> stored = slots(found.stream().map(Indexable::id).toList());
    OptionLabels labels = labels(found, schema);
    Map<Long, List<Slot>> changed = new HashMap<>();
    for (Indexable product : found) {
      List<Slot> computed = Completeness.of(product.family(), product.values(), schema, labels);
      if (!computed.equals(stored.getOrDefault(product.id(), List.of()))) {
        changed.put(product.id(), computed);
      }
    }
    write(changed);
    return changed.keySet();
  }

  private OptionLabels labels(List<Indexable> found, CatalogSnapshot schema) {
    Map<String, Map<String, Map<String, String>>> labels = new HashMap<>();
    OptionLabels.selected(found.stream().map(Indexable::values).toList(), schema)
        .forEach(
            (attribute, options) -> labels.put(attribute, terms.optionLabels(attribute, options)));
    return new OptionLabels(labels);
  }

  /** The stored slots of the products {@code ids}, in channel and locale order. */
  public Map<Long, List<Slot>> slots(Collection<Long> ids) {
    Map<Long, List<Slot>> slots = new HashMap<>();
    List<Long> wanted = List.copyOf(new LinkedHashSet<>(ids));
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < wanted.size(); from += CHUNK) {
        List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
        String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT product_id, channel_code, locale_code, required_count, missing,"
                    + " quality_issues FROM completeness WHERE product_id IN ("
                    + marks
                    + ")")) {
          for (int i = 0; i < chunk.size(); i++) {
            select.setLong(i + 1, chunk.get(i));
          }
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              String missing = rows.getString(5);
              slots
                  .computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                  .add(
                      new Slot(
                          rows.getString(2),
                          rows.getString(3),
                          rows.getInt(4),
                          missing.isEmpty() ? List.of() : List.of(missing.split(" ")),
                          issues(rows.getString(6))));
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not read completeness: " + e.getMessage(), e);
    }
    // Sorted here: database collations order codes with '_' differently.
    slots.values().forEach(s -> s.sort(Completeness.ORDER));
    return slots;
  }

  private static List<Issue> issues(String json) {
    if (json.equals("[]")) {
      return List.of();
    }
    try (JsonReader reader = Jsonp.reader(new StringReader(json))) {
      return Issue.fromJson(reader.readArray());
    }
  }

  private void write(Map<Long, List<Slot>> changed) {
    if (changed.isEmpty()) {
      return;
    }
    // The container hands out the connection already enlisted in the current transaction.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement("DELETE FROM completeness WHERE product_id = ?");
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO completeness (product_id, channel_code, locale_code, required_count,"
                    + " missing_count, ratio, missing, quality_score, quality_grade, quality_issues)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Long id : changed.keySet()) {
        delete.setLong(1, id);
        delete.addBatch();
      }
      delete.executeBatch();
      int rows = 0;
      for (var entry : changed.entrySet()) {
        for (Slot slot : entry.getValue()) {
          insert.setLong(1, entry.getKey());
          insert.setString(2, slot.channel());
          insert.setString(3, slot.locale());
          insert.setInt(4, slot.required());
          insert.setInt(5, slot.missing().size());
          insert.setInt(6, slot.ratio());
          insert.setString(7, String.join(" ", slot.missing()));
          insert.setInt(8, slot.score());
          insert.setString(9, slot.grade().name());
          insert.setString(
              10, slot.issues().isEmpty() ? "[]" : Issue.toJson(slot.issues()).toString());
          insert.addBatch();
          rows++;
        }
      }
      if (rows > 0) {
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not write completeness: " + e.getMessage(), e);
    }
  }
}
