package io.vitrine.catalog;

import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds what uses a catalog resource, with native SQL over the tables that record uses (families'
 * attributes, products' categories, …): a count and the first few codes, in order.
 */
@ApplicationScoped
public class Usages {

  @PersistenceContext EntityManager em;

  /**
   * {@code codesSql} selects one column of codes, ordered, with ?1.. parameters; the count is taken
   * over the same query.
   */
  public Usage find(String kind, String codesSql, Object... parameters) {
    var count = em.createNativeQuery("SELECT COUNT(*) FROM (" + codesSql + ") used");
    var codes = em.createNativeQuery(codesSql).setMaxResults(Usage.EXAMPLES);
    for (int i = 0; i < parameters.length; i++) {
      count.setParameter(i + 1, parameters[i]);
      codes.setParameter(i + 1, parameters[i]);
    }
    long total = ((Number) count.getSingleResult()).longValue();
    if (total == 0) {
      return new Usage(kind, 0, List.of());
    }
    List<String> examples = new ArrayList<>();
    for (Object code : codes.getResultList()) {
      examples.add(String.valueOf(code));
    }
    return new Usage(kind, total, examples);
  }

  /** Adds the usage to {@code into} when something uses the resource. */
  public void collect(List<Usage> into, String kind, String codesSql, Object... parameters) {
    Usage usage = find(kind, codesSql, parameters);
    if (usage.count() > 0) {
      into.add(usage);
    }
  }

  /**
   * Collects the products and the product models whose reference rows (V1's {@code product_*}
   * tables and their {@code product_model_*} twins) match {@code where}, a condition on {@code u}.
   */
  public void collectHolders(
      List<Usage> into, String what, String table, String where, Object... parameters) {
    collect(
        into,
        "products" + what,
        "SELECT DISTINCT p.identifier FROM product_"
            + table
            + " u JOIN product p ON p.id = u.product_id WHERE "
            + where
            + " ORDER BY p.identifier",
        parameters);
    collect(
        into,
        "product models" + what,
        "SELECT DISTINCT m.code FROM product_model_"
            + table
            + " u JOIN product_model m ON m.id = u.model_id WHERE "
            + where
            + " ORDER BY m.code",
        parameters);
  }

  /** {@link #collectHolders} as a list. */
  public List<Usage> holders(String what, String table, String where, Object... parameters) {
    List<Usage> found = new ArrayList<>();
    collectHolders(found, what, table, where, parameters);
    return found;
  }

  public boolean exists(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql).setMaxResults(1);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return !query.getResultList().isEmpty();
  }
}
