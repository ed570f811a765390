package io.vitrine.completeness;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.jobs.JobWork;
import io.vitrine.product.IndexableProducts;
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
  @Inject IndexableProducts products;
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
                // By family, then id: the same order for one family, but the one H2 sees that
                // the (family_code, id) index gives, so it reads 500 rows instead of sorting the
                // rest of the family for every batch (half of a 200,000-product recompute).
                "SELECT p.id FROM Product p WHERE p.id > :after"
                    + (family == null
                        ? " ORDER BY p.id"
                        : " AND p.family = :family ORDER BY p.family, p.id"),
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
    CatalogSnapshot schema = catalog.current();
    Set<Long> changed = store.refresh(products.resolve(batch), schema);
    fresh.add(batch.stream().map(Product::id).toList());
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
    // As product writers do: in our commit turn, every catalog write before us has committed. If
    // one changed the rules we computed with (it may have merged into this very job while it was
    // still queued), the batch rolls back and runs again with the new rules.
    events.takeCommitTurn();
    catalog.checkUnchanged(schema);
    events.append(changes);
    return new Batch(found.get(found.size() - 1), found.size());
  }

  private static String familyOf(String subject) {
    return subject.startsWith("family:") ? subject.substring("family:".length()) : null;
  }
}
