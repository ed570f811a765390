package io.vitrine.product;

import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.database.ConcurrentWrites;
import io.vitrine.platform.http.Pages.PageRequest;
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
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Product reads and writes. Writes go through {@link ProductWriter} in batches; when a batch fails
 * in the database (another writer took the same identifier or unique value first, or changed the
 * same product), its commands are written one by one, each retried, so that the conflict lands on
 * the command that caused it and every other command still gets its answer.
 */
@ApplicationScoped
public class Products {

  static final int BATCH = 100;
  private static final int ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(Products.class.getName());

  @PersistenceContext EntityManager em;
  @Inject ProductWriter writer;
  @Inject ChangeEventLog events;
  @Inject MetricRegistry metrics;

  /** Writes one product; the outcome carries the problem if it was refused. */
  public ProductOutcome save(ProductCommand command) {
    return counted(attempts(command));
  }

  private ProductOutcome attempts(ProductCommand command) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return writer.write(List.of(command)).get(0);
      } catch (RuntimeException e) {
        if (!ConcurrentWrites.lost(e)) {
          throw e;
        }
        last = e;
      }
    }
    LOG.log(Level.INFO, "Product write lost to concurrent writers " + ATTEMPTS + " times", last);
    return ProductOutcome.failed(
        command,
        command.target(),
        Problem.conflict(
            "Other writers changed the same product or unique value at the same time; send the change again."));
  }

  /** Writes many products, answering each; one command's failure never stops the others. */
  public List<ProductOutcome> saveAll(List<ProductCommand> commands) {
    List<ProductOutcome> outcomes = new ArrayList<>(commands.size());
    for (int from = 0; from < commands.size(); from += BATCH) {
      List<ProductCommand> batch = commands.subList(from, Math.min(commands.size(), from + BATCH));
      try {
        writer.write(batch).forEach(o -> outcomes.add(counted(o)));
      } catch (RuntimeException e) {
        for (ProductCommand command : batch) {
          outcomes.add(saveAlone(command));
        }
      }
    }
    return outcomes;
  }

  private ProductOutcome counted(ProductOutcome outcome) {
    metrics
        .counter(outcome.succeeded() ? "vitrine_product_writes" : "vitrine_product_writes_refused")
        .inc();
    return outcome;
  }

  private ProductOutcome saveAlone(ProductCommand command) {
    try {
      return save(command);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "Product write failed unexpectedly (bulk line " + command.line() + ")", e);
      return ProductOutcome.failed(
          command,
          command.target(),
          Problem.of(
              "internal-error",
              "Internal error",
              500,
              "This line could not be written; the error has been logged."));
    }
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

  /** Up to limit + 1 products after the cursor, ordered by identifier without regard to case. */
  @Transactional(TxType.SUPPORTS)
  public List<Product> page(PageRequest request) {
    var query =
        em.createQuery(
            "SELECT p FROM Product p"
                + (request.after() == null ? "" : " WHERE p.identifierKey > :after")
                + " ORDER BY p.identifierKey",
            Product.class);
    if (request.after() != null) {
      query.setParameter("after", request.after());
    }
    List<Product> products = query.setMaxResults(request.limit() + 1).getResultList();
    products.forEach(Product::categories);
    return products;
  }

  @Transactional(TxType.SUPPORTS)
  public long count() {
    return em.createQuery("SELECT COUNT(p) FROM Product p", Long.class).getSingleResult();
  }

  @Transactional
  public void delete(String identifier, String ifMatch) {
    // Locked like any write, so a delete waits for a write of the same product instead of failing.
    Product product = find(identifier, LockModeType.PESSIMISTIC_WRITE);
    Versions.checkIfMatch(ifMatch, product.version());
    long version = product.version();
    em.remove(product);
    em.flush();
    events.append(
        List.of(
            new Change(
                "product",
                product.identifier(),
                product.id(),
                Change.Action.DELETED,
                version + 1)));
  }
}
