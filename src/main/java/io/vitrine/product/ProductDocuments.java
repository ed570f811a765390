package io.vitrine.product;

import io.vitrine.platform.Timestamps;
import io.vitrine.platform.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Products and product models in the standard format of DESIGN decision 3 (Akeneo's): a variant
 * shows its own values and categories together with those it inherits, and its own associations
 * together with its models'. Built in batches: one query for the models above a page, one for their
 * associations.
 */
@ApplicationScoped
public class ProductDocuments {

  // H2 checks each row it finds against the whole IN list (see IndexableProducts).
  private static final int CHUNK = 100;

  @PersistenceContext EntityManager em;
  @Inject AssociationRows associations;

  @Transactional(Transactional.TxType.SUPPORTS)
  public JsonObject product(Product product, boolean origins) {
    return products(List.of(product), origins).get(product);
  }

  /** The documents of {@code products}, by product (identity), as stored. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Product, JsonObject> products(List<Product> products, boolean origins) {
    return products(products, origins, Set.of());
  }

  /**
   * The documents of the products among {@code ids} that exist, by id, each with {@code models}:
   * the codes of the models above it, root first (what a channel groups variants by).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<Long, JsonObject> withModels(Collection<Long> ids) {
    List<Long> wanted = List.copyOf(ids);
    List<Product> found = new ArrayList<>(wanted.size());
    for (int from = 0; from < wanted.size(); from += CHUNK) {
      found.addAll(
          em.createQuery("SELECT p FROM Product p WHERE p.id IN :ids", Product.class)
              .setParameter("ids", wanted.subList(from, Math.min(wanted.size(), from + CHUNK)))
              .getResultList());
    }
    Map<Product, JsonObject> documents = products(found, false, Set.of(), true);
    Map<Long, JsonObject> byId = new HashMap<>();
    documents.forEach((product, json) -> byId.put(product.id(), json));
    return byId;
  }

  /**
   * The documents of {@code products}, by product (identity), in a transaction that changed the
   * links of {@code relinked}: their entities do not know whether they have links now.
   */
  Map<Product, JsonObject> products(List<Product> products, boolean origins, Set<Node> relinked) {
    return products(products, origins, relinked, false);
  }

  private Map<Product, JsonObject> products(
      List<Product> products, boolean origins, Set<Node> relinked, boolean withModels) {
    var context =
        new Context(
            products.stream().map(Product::parentId).toList(),
            products.stream()
                .filter(p -> p.linked() || relinked.contains(p.node()))
                .map(Product::node)
                .toList(),
            relinked);
    Map<Product, JsonObject> documents = new IdentityHashMap<>();
    for (Product product : products) {
      Lineage lineage = Lineage.below(product.parentId(), context.models);
      var json = Jsonp.objectBuilder().add("identifier", product.identifier());
      Jsonp.addOrNull(json, "family", product.family());
      Jsonp.addOrNull(json, "parent", lineage.isEmpty() ? null : lineage.parent().code());
      if (withModels) {
        json.add(
            "models",
            Jsonp.arrayBuilder(lineage.ancestors().stream().map(ProductModel::code).toList()));
      }
      json.add("enabled", product.enabled());
      inherited(json, lineage, product.node(), product.categories(), product.valuesJson(), context);
      if (origins) {
        json.add(
            "value_origins", origins(lineage, "product", product.identifier(), product.values()));
      }
      documents.put(product, times(json, product.created(), product.updated()).build());
    }
    return documents;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public JsonObject model(ProductModel model, boolean origins) {
    return models(List.of(model), origins).get(model);
  }

  /** The documents of {@code models}, by model (identity), as stored. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<ProductModel, JsonObject> models(List<ProductModel> models, boolean origins) {
    return models(models, origins, Set.of());
  }

  /** As {@link #products(List, boolean, Set)}, for models. */
  Map<ProductModel, JsonObject> models(
      List<ProductModel> models, boolean origins, Set<Node> relinked) {
    var context =
        new Context(
            models.stream().map(ProductModel::parentId).toList(),
            models.stream()
                .filter(m -> m.linked() || relinked.contains(m.node()))
                .map(ProductModel::node)
                .toList(),
            relinked);
    Map<ProductModel, JsonObject> documents = new IdentityHashMap<>();
    for (ProductModel model : models) {
      Lineage lineage = Lineage.below(model.parentId(), context.models);
      var json =
          Jsonp.objectBuilder()
              .add("code", model.code())
              .add("family", model.family())
              .add("family_variant", model.familyVariant());
      Jsonp.addOrNull(json, "parent", lineage.isEmpty() ? null : lineage.parent().code());
      inherited(json, lineage, model.node(), model.categories(), model.valuesJson(), context);
      if (origins) {
        json.add("value_origins", origins(lineage, "product_model", model.code(), model.values()));
      }
      documents.put(model, times(json, model.created(), model.updated()).build());
    }
    return documents;
  }

  /**
   * The models above a page, and the links of those of the page and of those models that have
   * links: at most two queries, none for a page of products without parents or links.
   */
  private final class Context {
    final Map<Long, ProductModel> models;
    final AssociationRows.Loaded links;

    Context(List<Long> parents, List<Node> linked, Set<Node> relinked) {
      models = Lineage.load(em, parents);
      Set<Node> owners = new HashSet<>(linked);
      models.values().stream()
          .filter(m -> m.linked() || relinked.contains(m.node()))
          .forEach(m -> owners.add(m.node()));
      links = associations.load(owners);
    }
  }

  /** Categories, values and associations: the owner's own with those of its lineage. */
  private static void inherited(
      JsonObjectBuilder json,
      Lineage lineage,
      Node owner,
      Set<String> ownCategories,
      String ownValues,
      Context context) {
    Set<String> categories = new TreeSet<>(lineage.categories());
    categories.addAll(ownCategories);
    // Stored as toJson() writes them: without a lineage, the stored document is the answer.
    json.add("categories", Jsonp.arrayBuilder(categories))
        .add(
            "values",
            lineage.isEmpty()
                ? ProductValues.document(ownValues)
                : lineage.values().merge(ProductValues.parse(ownValues).asMap()).toJson());
    associations(json, lineage, owner, context.links);
  }

  /** Where each attribute's values are set: {"name": {"level": 0, "product_model": "tee"}}. */
  private static JsonObject origins(
      Lineage lineage, String ownType, String ownName, ProductValues own) {
    Map<String, JsonObject> origins = new TreeMap<>();
    for (int level = 0; level < lineage.ancestors().size(); level++) {
      ProductModel model = lineage.ancestors().get(level);
      for (String attribute : model.values().attributes()) {
        origins.put(
            attribute,
            Jsonp.objectBuilder().add("level", level).add("product_model", model.code()).build());
      }
    }
    for (String attribute : own.attributes()) {
      origins.put(
          attribute,
          Jsonp.objectBuilder()
              .add("level", lineage.ancestors().size())
              .add(ownType, ownName)
              .build());
    }
    var json = Jsonp.objectBuilder();
    origins.forEach(json::add);
    return json.build();
  }

  /** The links of the lineage and of the owner; the owner's quantity wins for a shared target. */
  private static void associations(
      JsonObjectBuilder json, Lineage lineage, Node owner, AssociationRows.Loaded loaded) {
    Map<String, Map<Node, Integer>> byType = new TreeMap<>();
    Map<String, Boolean> quantified = new LinkedHashMap<>();
    List<Node> nodes = new ArrayList<>(lineage.nodes());
    nodes.add(owner);
    for (Node node : nodes) {
      for (Link link : loaded.links().getOrDefault(node, Set.of())) {
        byType
            .computeIfAbsent(link.type(), t -> new LinkedHashMap<>())
            .put(link.target(), link.quantity());
        quantified.put(link.type(), link.quantity() != null);
      }
    }
    var plain = Jsonp.objectBuilder();
    var counted = Jsonp.objectBuilder();
    byType.forEach(
        (type, targets) -> {
          var lists = Jsonp.objectBuilder();
          for (Node.Type kind : Node.Type.values()) {
            Map<String, Integer> named = new TreeMap<>();
            targets.forEach(
                (target, quantity) -> {
                  if (target.type() == kind) {
                    named.put(loaded.names().get(target), quantity);
                  }
                });
            JsonArrayBuilder list = Jsonp.arrayBuilder();
            named.forEach(
                (name, quantity) -> {
                  if (quantity == null) {
                    list.add(name);
                  } else {
                    list.add(
                        Jsonp.objectBuilder().add("identifier", name).add("quantity", quantity));
                  }
                });
            lists.add(kind.field(), list);
          }
          (quantified.get(type) ? counted : plain).add(type, lists);
        });
    json.add("associations", plain).add("quantified_associations", counted);
  }

  private static JsonObjectBuilder times(
      JsonObjectBuilder json, OffsetDateTime created, OffsetDateTime updated) {
    return json.add("created", Timestamps.format(created))
        .add("updated", Timestamps.format(updated));
  }
}
