package io.vitrine.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of the catalog that are too many for {@link CatalogSnapshot} but that search needs: the
 * category tree and option labels.
 */
@ApplicationScoped
public class CatalogTerms {

  private static final int CHUNK = 500;

  @PersistenceContext EntityManager em;

  private volatile CategoryParents parents;

  private record CategoryParents(long generation, Map<String, String> byCode) {}

  /**
   * Every category's parent, by code (roots map to null), as of catalog {@code generation}: read
   * again only when the catalog has changed since. Do not change the map.
   */
  @Transactional(TxType.SUPPORTS)
  public Map<String, String> categoryParents(long generation) {
    CategoryParents cached = parents;
    if (cached == null || cached.generation() != generation) {
      cached = new CategoryParents(generation, categoryParents());
      parents = cached;
    }
    return cached.byCode();
  }

  /** Every category's parent, by code (roots map to null). */
  @Transactional(TxType.SUPPORTS)
  public Map<String, String> categoryParents() {
    Map<String, String> parents = new HashMap<>();
    for (Object[] row :
        em.createQuery("SELECT c.code, c.parent FROM Category c", Object[].class).getResultList()) {
      parents.put((String) row[0], (String) row[1]);
    }
    return parents;
  }

  /** The labels of the options {@code codes} of {@code attribute}, by option code. */
  @Transactional(TxType.SUPPORTS)
  public Map<String, Map<String, String>> optionLabels(String attribute, Collection<String> codes) {
    Map<String, Map<String, String>> labels = new HashMap<>();
    List<String> wanted = new ArrayList<>(codes);
    for (int from = 0; from < wanted.size(); from += CHUNK) {
      // Codes and labels only: product writers read them too, and entities would join their
      // persistence context (and its checks at commit).
      for (Object[] option :
          em.createQuery(
                  "SELECT o.code, o.labels FROM AttributeOption o WHERE o.attribute = :attribute"
                      + " AND o.code IN :codes",
                  Object[].class)
              .setParameter("attribute", attribute)
              .setParameter("codes", wanted.subList(from, Math.min(wanted.size(), from + CHUNK)))
              .setFlushMode(jakarta.persistence.FlushModeType.COMMIT)
              .getResultList()) {
        @SuppressWarnings("unchecked")
        Map<String, String> byLocale = (Map<String, String>) option[1];
        labels.put((String) option[0], byLocale);
      }
    }
    return labels;
  }
}
