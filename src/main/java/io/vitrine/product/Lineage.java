package io.vitrine.product;

import io.vitrine.catalog.FamilyVariant;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The product models above a variant product or a sub-model, root first, and what it inherits from
 * them: their values and categories.
 */
public record Lineage(List<ProductModel> ancestors) {

  public static final Lineage NONE = new Lineage(List.of());

  public Lineage {
    ancestors = List.copyOf(ancestors);
  }

  /** The lineage of whatever sits directly below {@code parent} (none when parent is null). */
  static Lineage below(Long parent, Map<Long, ProductModel> models) {
    List<ProductModel> chain = new ArrayList<>();
    for (Long id = parent; id != null; id = models.get(id).parentId()) {
      chain.add(0, models.get(id));
    }
    return new Lineage(chain);
  }

  /**
   * Loads the models {@code ids} and every model above them, by id. Models already in the
   * persistence context come back as they are there.
   */
  static Map<Long, ProductModel> load(EntityManager em, Collection<Long> ids) {
    Map<Long, ProductModel> models = new HashMap<>();
    Set<Long> wanted = new HashSet<>(ids);
    wanted.remove(null);
    while (!wanted.isEmpty()) {
      Set<Long> next = new HashSet<>();
      for (ProductModel model :
          em.createQuery("SELECT m FROM ProductModel m WHERE m.id IN :ids", ProductModel.class)
              .setParameter("ids", List.copyOf(wanted))
              .getResultList()) {
        models.put(model.id(), model);
        if (model.parentId() != null && !models.containsKey(model.parentId())) {
          next.add(model.parentId());
        }
      }
      wanted = next;
    }
    return models;
  }

  public boolean isEmpty() {
    return ancestors.isEmpty();
  }

  public ProductModel parent() {
    return ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1);
  }

  /** The values of every ancestor; an attribute's values sit at one level only. */
  public ProductValues values() {
    ProductValues values = ProductValues.EMPTY;
    for (ProductModel model : ancestors) {
      values = values.merge(model.values().asMap());
    }
    return values;
  }

  public Set<String> categories() {
    Set<String> categories = new TreeSet<>();
    ancestors.forEach(m -> categories.addAll(m.categories()));
    return categories;
  }

  /** The model at {@code level} (0 is the root), if the lineage reaches it. */
  public ProductModel at(int level) {
    return level < ancestors.size() ? ancestors.get(level) : null;
  }

  public List<Node> nodes() {
    return ancestors.stream().map(ProductModel::node).toList();
  }

  /** Names where an attribute's values are set, for messages. */
  String describeOwner(FamilyVariant variant, int level) {
    ProductModel model = at(level);
    return variant.describeLevel(level)
        + " of the family variant '"
        + variant.code()
        + "'"
        + (model == null ? "" : " (here, the product model '" + model.code() + "')");
  }
}
