package io.vitrine.completeness;

import io.vitrine.catalog.Catalog;
import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.jobs.JobWork;
import io.vitrine.product.Product;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recomputes the completeness of a family's products (subject {@code family:<code>}) or of every
 * product ({@code all}), 500 at a time in id order. Each batch locks its products, so a concurrent
 * write waits instead of being overwritten by an older reading, and records a change event for each
 * product whose completeness changed, so search sees it.
 */
@ApplicationScoped
public class CompletenessRecompute implements JobWork {

  public static final String KIND = "completeness";
  public static final String ALL = "all";
  private static final int BATCH = 500;

  @PersistenceContext EntityManager em;
  @Inject CompletenessStore store;
  @Inject Catalog catalog;
  @Inject ChangeEventLog events;
  @Inject FreshCompleteness fresh;

  static String family(String code) {
    return "family:" + code;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public long total(String subject) {
    String family = familyOf(subject);
    var query =
        em.createQuery(
            "SELECT COUNT(p) FROM Product p" + (family == null ? "" : " WHERE p.family = :family"),
            Long.class);
    if (family != null) {
      query.setParameter("family", family);
    }
    return query.getSingleResult();
  }

  @Override
  public Batch next(String subject, long cursor) {
    String family = familyOf(subject);
    var next =
        em.createQuery(
                "SELECT p.id FROM Product p WHERE p.id > :after"
                    + (family == null ? "" : " AND p.family = :family")
                    + " ORDER BY p.id",
                Long.class)
            .setParameter("after", cursor)
            .setMaxResults(BATCH);
    if (family != null) {
      next.setParameter("family", family);
    }
    List<Long> found = next.getResultList();
    if (found.isEmpty()) {
      return null;
    }
    // Locked apart from the paging query: H2 does not take FOR UPDATE with LIMIT.
    List<Product> batch =
        em.createQuery("SELECT p FROM Product p WHERE p.id IN :ids ORDER BY p.id", Product.class)
            .setParameter("ids", found)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (batch.isEmpty()) {
      // All deleted since: move on.
      return new Batch(found.get(found.size() - 1), found.size());
    }
    List<Long> ids = batch.stream().map(Product::id).toList();
    Set<Long> changed = store.refresh(ids, catalog.current());
    fresh.add(ids);
    List<Change> changes = new ArrayList<>();
    for (Product product : batch) {
      if (changed.contains(product.id())) {
        changes.add(
            new Change(
                "product",
                product.identifier(),
                product.id(),
                Change.Action.UPDATED,
                product.version()));
      }
    }
    events.append(changes);
    return new Batch(found.get(found.size() - 1), found.size());
  }

  private static String familyOf(String subject) {
    return subject.startsWith("family:") ? subject.substring("family:".length()) : null;
  }
}
