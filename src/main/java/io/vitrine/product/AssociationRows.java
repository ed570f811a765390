package io.vitrine.product;

import io.vitrine.platform.database.VitrineDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The association table, read and written with JDBC on the transaction's own connection: links by
 * owner (with their targets' identifiers or codes), changed rows only, and the owners that link to
 * a product or model about to be deleted.
 */
@ApplicationScoped
public class AssociationRows {

  private static final int CHUNK = 500;

  @Resource(lookup = VitrineDatabase.JNDI_NAME)
  DataSource dataSource;

  /** Links by owner, and the identifier or code of every target. */
  public record Loaded(Map<Node, Set<Link>> links, Map<Node, String> names) {}

  public Loaded load(Collection<Node> owners) {
    Map<Node, Set<Link>> links = new HashMap<>();
    Map<Node, String> names = new HashMap<>();
    owners.forEach(o -> links.put(o, new LinkedHashSet<>()));
    if (owners.isEmpty()) {
      return new Loaded(links, names);
    }
    try (Connection connection = dataSource.getConnection()) {
      for (Node.Type type : Node.Type.values()) {
        List<Long> ids = owners.stream().filter(o -> o.type() == type).map(Node::id).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
          List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
          String sql =
              "SELECT a.owner_product_id, a.owner_model_id, a.type_code, a.target_product_id,"
                  + " a.target_model_id, a.quantity, p.identifier, m.code FROM association a"
                  + " LEFT JOIN product p ON p.id = a.target_product_id"
                  + " LEFT JOIN product_model m ON m.id = a.target_model_id WHERE a."
                  + ownerColumn(type)
                  + " IN ("
                  + "?, ".repeat(chunk.size() - 1)
                  + "?) ORDER BY a.type_code, p.identifier, m.code";
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < chunk.size(); i++) {
              statement.setLong(i + 1, chunk.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
              while (rows.next()) {
                Node owner = node(rows, 1, 2);
                Node target = node(rows, 4, 5);
                int quantity = rows.getInt(6);
                Integer q = rows.wasNull() ? null : quantity;
                links.get(owner).add(new Link(rows.getString(3), target, q));
                names.put(
                    target,
                    target.type() == Node.Type.PRODUCT ? rows.getString(7) : rows.getString(8));
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not read associations: " + e.getMessage(), e);
    }
    return new Loaded(links, names);
  }

  /** Who links to a product: product owners by id, model owners by code. */
  public record Linkers(Set<Long> products, Set<String> models) {}

  /**
   * The owners of links to each of the products {@code ids} or to the models above it (a link to a
   * model stands for its variants), by product: what reads differently when those products change.
   * Products nothing links to are left out.
   */
  public Map<Long, Linkers> linkingTo(Collection<Long> ids) {
    Map<Long, Linkers> linkers = new HashMap<>();
    List<Long> wanted = List.copyOf(ids);
    int size = 100; // three IN lists of it in one statement
    String owner =
        ", a.owner_product_id, om.code FROM association a"
            + " LEFT JOIN product_model om ON om.id = a.owner_model_id";
    try (Connection connection = dataSource.getConnection()) {
      for (int from = 0; from < wanted.size(); from += size) {
        List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + size));
        String in = "(" + "?, ".repeat(chunk.size() - 1) + "?)";
        String sql =
            "SELECT a.target_product_id"
                + owner
                + " WHERE a.target_product_id IN "
                + in
                + " UNION ALL SELECT p.id"
                + owner
                + " JOIN product p ON p.parent_id = a.target_model_id WHERE p.id IN "
                + in
                + " UNION ALL SELECT p.id"
                + owner
                + " JOIN product_model m ON m.parent_id = a.target_model_id"
                + " JOIN product p ON p.parent_id = m.id WHERE p.id IN "
                + in;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
          int parameter = 1;
          for (int copy = 0; copy < 3; copy++) {
            for (Long id : chunk) {
              statement.setLong(parameter++, id);
            }
          }
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              Linkers of =
                  linkers.computeIfAbsent(
                      rows.getLong(1), t -> new Linkers(new HashSet<>(), new HashSet<>()));
              long product = rows.getLong(2);
              if (!rows.wasNull()) {
                of.products().add(product);
              } else if (rows.getString(3) != null) {
                of.models().add(rows.getString(3));
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not read associations: " + e.getMessage(), e);
    }
    return linkers;
  }

  /** The products and models that link to {@code target}. */
  public Set<Node> ownersLinkingTo(Node target) {
    Set<Node> owners = new HashSet<>();
    String sql =
        "SELECT DISTINCT owner_product_id, owner_model_id FROM association WHERE "
            + targetColumn(target.type())
            + " = ?";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, target.id());
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          owners.add(node(rows, 1, 2));
        }
      }
    } catch (SQLException e) {
      throw new PersistenceException("Could not read associations: " + e.getMessage(), e);
    }
    owners.remove(target);
    return owners;
  }

  /** Deletes the links each owner lost and inserts those it gained: every delete first. */
  public void rewrite(Map<Node, Set<Link>> before, Map<Node, Set<Link>> after) {
    List<Object[]> removed = new ArrayList<>();
    List<Object[]> added = new ArrayList<>();
    after.forEach(
        (owner, links) -> {
          Set<Link> old = before.getOrDefault(owner, Set.of());
          old.stream().filter(l -> !links.contains(l)).forEach(l -> removed.add(row(owner, l)));
          links.stream().filter(l -> !old.contains(l)).forEach(l -> added.add(row(owner, l)));
        });
    if (removed.isEmpty() && added.isEmpty()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      // Per owner and target type, so that each delete finds its rows by the owner's index.
      Map<String, List<Object[]>> deletes = new HashMap<>();
      for (Object[] row : removed) {
        String sql =
            "DELETE FROM association WHERE type_code = ? AND "
                + (row[1] != null ? "owner_product_id" : "owner_model_id")
                + " = ? AND "
                + (row[3] != null ? "target_product_id" : "target_model_id")
                + " = ?";
        deletes.computeIfAbsent(sql, k -> new ArrayList<>()).add(row);
      }
      for (var delete : deletes.entrySet()) {
        try (PreparedStatement statement = connection.prepareStatement(delete.getKey())) {
          for (Object[] row : delete.getValue()) {
            statement.setString(1, (String) row[0]);
            statement.setLong(2, (Long) (row[1] != null ? row[1] : row[2]));
            statement.setLong(3, (Long) (row[3] != null ? row[3] : row[4]));
            statement.addBatch();
          }
          statement.executeBatch();
        }
      }
      if (!added.isEmpty()) {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO association (type_code, owner_product_id, owner_model_id,"
                    + " target_product_id, target_model_id, quantity) VALUES (?, ?, ?, ?, ?, ?)")) {
          for (Object[] row : added) {
            insert.setString(1, (String) row[0]);
            for (int i = 1; i <= 4; i++) {
              if (row[i] == null) {
                insert.setNull(i + 1, Types.BIGINT);
              } else {
                insert.setLong(i + 1, (Long) row[i]);
              }
            }
            if (row[5] == null) {
              insert.setNull(6, Types.INTEGER);
            } else {
              insert.setInt(6, (Integer) row[5]);
            }
            insert.addBatch();
          }
          insert.executeBatch();
        }
      }
      flagLinked(connection, after);
    } catch (SQLException e) {
      throw new PersistenceException("Could not write associations: " + e.getMessage(), e);
    }
  }

  /** Sets each owner's {@code linked} column to whether it has links now. */
  private static void flagLinked(Connection connection, Map<Node, Set<Link>> after)
      throws SQLException {
    for (Node.Type type : Node.Type.values()) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE "
                  + (type == Node.Type.PRODUCT ? "product" : "product_model")
                  + " SET linked = ? WHERE id = ?")) {
        boolean any = false;
        for (var owner : after.entrySet()) {
          if (owner.getKey().type() == type) {
            update.setBoolean(1, !owner.getValue().isEmpty());
            update.setLong(2, owner.getKey().id());
            update.addBatch();
            any = true;
          }
        }
        if (any) {
          update.executeBatch();
        }
      }
    }
  }

  private static Object[] row(Node owner, Link link) {
    return new Object[] {
      link.type(),
      owner.type() == Node.Type.PRODUCT ? owner.id() : null,
      owner.type() == Node.Type.MODEL ? owner.id() : null,
      link.target().type() == Node.Type.PRODUCT ? link.target().id() : null,
      link.target().type() == Node.Type.MODEL ? link.target().id() : null,
      link.quantity()
    };
  }

  private static Node node(ResultSet rows, int productColumn, int modelColumn) throws SQLException {
    long product = rows.getLong(productColumn);
    if (!rows.wasNull()) {
      return new Node(Node.Type.PRODUCT, product);
    }
    return new Node(Node.Type.MODEL, rows.getLong(modelColumn));
  }

  private static String ownerColumn(Node.Type type) {
    return type == Node.Type.PRODUCT ? "owner_product_id" : "owner_model_id";
  }

  private static String targetColumn(Node.Type type) {
    return type == Node.Type.PRODUCT ? "target_product_id" : "target_model_id";
  }
}
