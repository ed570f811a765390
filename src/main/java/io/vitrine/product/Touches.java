package io.vitrine.product;

import io.vitrine.events.Change;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products and models that change without being written: what they inherit changed (their model was
 * written), or their links did (the other end of a two-way link, a deleted or renamed target). Each
 * gets a new version, so that its ETag changes, and a change event, so that search, completeness
 * and feeds see it.
 */
final class Touches {

  private final EntityManager em;
  private final OffsetDateTime now;
  private final Map<Node, Object> touched = new LinkedHashMap<>();

  Touches(EntityManager em, OffsetDateTime now) {
    this.em = em;
    this.now = now;
  }

  void product(long id) {
    Node node = new Node(Node.Type.PRODUCT, id);
    if (!touched.containsKey(node)) {
      Product product = em.find(Product.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (product != null) {
        product.touch(now);
        touched.put(node, product);
      }
    }
  }

  /** The model, and everything below it, which inherits from it. */
  void model(long id) {
    ProductModel model = em.find(ProductModel.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (model == null) {
      return;
    }
    model.touch(now);
    touched.put(model.node(), model);
    below(List.of(id));
  }

  /** Everything below the models {@code ids}: sub-models and variant products. */
  void below(List<Long> ids) {
    List<Long> parents = new ArrayList<>(ids);
    for (ProductModel sub :
        em.createQuery(
                "SELECT m FROM ProductModel m WHERE m.parentId IN :ids ORDER BY m.id",
                ProductModel.class)
            .setParameter("ids", ids)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      sub.touch(now);
      touched.put(sub.node(), sub);
      parents.add(sub.id());
    }
    for (Product product :
        em.createQuery(
                "SELECT p FROM Product p WHERE p.parentId IN :ids ORDER BY p.id", Product.class)
            .setParameter("ids", parents)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()) {
      product.touch(now);
      touched.put(product.node(), product);
    }
  }

  void node(Node node) {
    if (node.type() == Node.Type.PRODUCT) {
      product(node.id());
    } else {
      model(node.id());
    }
  }

  /**
   * One event per touched product or model, after the flush; a node the batch wrote is left out
   * when its write's event already carries its final version ({@code settled}).
   */
  List<Change> changes(Map<Node, Long> settled) {
    List<Change> changes = new ArrayList<>();
    touched.forEach(
        (node, entity) -> {
          long version =
              entity instanceof Product p ? p.version() : ((ProductModel) entity).version();
          if (Long.valueOf(version).equals(settled.get(node))) {
            return;
          }
          if (entity instanceof Product p) {
            changes.add(
                new Change("product", p.identifier(), p.id(), Change.Action.UPDATED, p.version()));
          } else if (entity instanceof ProductModel m) {
            changes.add(
                new Change("product_model", m.code(), m.id(), Change.Action.UPDATED, m.version()));
          }
        });
    return changes;
  }
}
