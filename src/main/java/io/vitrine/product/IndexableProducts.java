package io.vitrine.product;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Products as the search index sees them: with the values and categories they inherit from their
 * models, and the codes of the models above them.
 */
@ApplicationScoped
public class IndexableProducts {

  // Small: H2 checks each row it finds against the whole IN list of parameters (seen in a profile
  // of the completeness recompute, where 500-id lists cost more than the rest of the work).
  private static final int CHUNK = 100;

  @PersistenceContext EntityManager em;

  /** A product with what it inherits; {@code models} are the codes above it, root first. */
  public record Indexable(
      long id,
      String identifier,
      String family,
      boolean enabled,
      Set<String> categories,
      List<String> models,
      Map<ValueKey, JsonValue> values,
      OffsetDateTime created,
      OffsetDateTime updated) {}

  /** The products among {@code ids} that exist, in no particular order. */
  @Transactional(TxType.SUPPORTS)
  public List<Indexable> byIds(Collection<Long> ids) {
    List<Long> wanted = List.copyOf(ids);
    List<Indexable> found = new ArrayList<>();
    for (int from = 0; from < wanted.size(); from += CHUNK) {
      found.addAll(
          resolve(
              em.createQuery("SELECT p FROM Product p WHERE p.id IN :ids", Product.class)
                  .setParameter("ids", wanted.subList(from, Math.min(wanted.size(), from + CHUNK)))
                  .getResultList()));
    }
    return found;
  }

  /** Up to {@code limit} products with an id above {@code afterId}, by id: a rebuild's walk. */
  @Transactional(TxType.SUPPORTS)
  public List<Indexable> after(long afterId, int limit) {
    return resolve(
        em.createQuery("SELECT p FROM Product p WHERE p.id > :after ORDER BY p.id", Product.class)
            .setParameter("after", afterId)
            .setMaxResults(limit)
            .getResultList());
  }

  /** {@code products}, already read (and locked) by the caller, with what they inherit. */
  @Transactional(TxType.SUPPORTS)
  public List<Indexable> resolve(List<Product> products) {
    Map<Long, ProductModel> models =
        Lineage.load(em, products.stream().map(Product::parentId).toList());
    List<Indexable> resolved = new ArrayList<>(products.size());
    for (Product product : products) {
      Lineage lineage = Lineage.below(product.parentId(), models);
      Set<String> categories = new TreeSet<>(lineage.categories());
      categories.addAll(product.categories());
      resolved.add(
          new Indexable(
              product.id(),
              product.identifier(),
              product.family(),
              product.enabled(),
              categories,
              lineage.ancestors().stream().map(ProductModel::code).toList(),
              lineage.values().merge(product.values().asMap()).asMap(),
              product.created(),
              product.updated()));
    }
    return resolved;
  }
}
