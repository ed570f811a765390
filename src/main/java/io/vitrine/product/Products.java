package io.vitrine.product;

import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Product reads and writes. Writes go through {@link ProductWriter} in batches, retried by {@link
 * Retries}; a delete also removes the links to the product, as a change of each linking owner.
 */
@ApplicationScoped
public class Products {

  @PersistenceContext EntityManager em;
  @Inject ProductWriter writer;
  @Inject ChangeEventLog events;
  @Inject AssociationRows associations;
  @Inject MetricRegistry metrics;

  /** Writes one product; the outcome carries the problem if it was refused. */
  public ProductOutcome save(ProductCommand command) {
    return retries().save(command);
  }

  /** Writes many products, answering each; one command's failure never stops the others. */
  public List<ProductOutcome> saveAll(List<ProductCommand> commands) {
    return retries().saveAll(commands);
  }

  private Retries retries() {
    return new Retries(writer::write, metrics, "vitrine_product_writes", "identifier");
  }

  /** A product as stored, by identifier (without regard to case). */
  @Transactional(TxType.SUPPORTS)
  public Product get(String identifier) {
    return find(identifier, LockModeType.NONE);
  }

  private Product find(String identifier, LockModeType lock) {
    List<Product> found =
        em.createQuery("SELECT p FROM Product p WHERE p.identifierKey = :key", Product.class)
            .setParameter("key", Product.key(identifier))
            .setLockMode(lock)
            .getResultList();
    if (found.isEmpty()) {
      throw new ProblemException(
          Problem.of(
              "not-found",
              "Not found",
              404,
              "There is no product with identifier '" + identifier + "'."));
    }
    return found.get(0);
  }

  /** The products among {@code ids} that exist, by id. */
  @Transactional(TxType.SUPPORTS)
  public Map<Long, Product> byIds(List<Long> ids) {
    Map<Long, Product> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    em.createQuery("SELECT p FROM Product p WHERE p.id IN :ids", Product.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(
            p -> {
              p.categories();
              found.put(p.id(), p);
            });
    return found;
  }

  @Transactional
  public void delete(String identifier, String ifMatch) {
    // Locked like any write, so a delete waits for a write of the same product instead of failing.
    Product product = find(identifier, LockModeType.PESSIMISTIC_WRITE);
    Versions.checkIfMatch(ifMatch, product.version());
    long version = product.version();
    // Links to the product go with it: their owners change, and say so in their own events. So
    // may links to its models, which stand for their variants (a channel keeps a linked model
    // while one of its variants is published).
    var touches = new Touches(em, Timestamps.now());
    associations.ownersLinkingTo(product.node()).forEach(touches::node);
    Long parent = product.parentId();
    for (int level = 0; parent != null && level < 2; level++) {
      associations.ownersLinkingTo(new Node(Node.Type.MODEL, parent)).stream()
          .filter(owner -> !owner.equals(product.node()))
          .forEach(touches::node);
      ProductModel model = em.find(ProductModel.class, parent);
      parent = model == null ? null : model.parentId();
    }
    em.remove(product);
    em.flush();
    List<Change> changes = new ArrayList<>();
    changes.add(
        new Change(
            "product", product.identifier(), product.id(), Change.Action.DELETED, version + 1));
    changes.addAll(touches.changes(Map.of()));
    events.append(changes);
  }
}
