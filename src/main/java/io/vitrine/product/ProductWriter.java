package io.vitrine.product;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Family;
import io.vitrine.catalog.FamilyVariant;
import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a batch of product commands in one transaction. The database is asked once per batch
 * (existing products, categories, options, unique values); then each command is judged in order
 * against what the batch has written so far, so a later line sees an earlier one. Invalid commands
 * write nothing and are answered with their problems; valid ones are stored with their reference
 * rows and one change event each. A database error (a concurrent writer took the same unique value
 * or identifier, or changed the same product) ends the whole batch, and {@link Products} retries.
 */
@ApplicationScoped
public class ProductWriter {

  @PersistenceContext EntityManager em;
  @Inject Catalog catalog;
  @Inject ChangeEventLog events;
  @Inject ReferenceTables referenceTables;
  @Inject AssociationRows associationRows;
  @Inject ProductDocuments documents;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<ProductOutcome> write(List<ProductCommand> commands) {
    em.setFlushMode(FlushModeType.COMMIT);
    CatalogSnapshot schema = catalog.current();
    var batch = new Batch(schema, commands.size() == 1);
    List<Parsed> parsed = new ArrayList<>();
    for (ProductCommand command : commands) {
      var violations = new Violations();
      parsed.add(
          new Parsed(command, ProductChange.read(command.body(), schema, violations), violations));
    }
    batch.load(parsed);
    List<Pending> pending = new ArrayList<>();
    List<ProductOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Parsed p = parsed.get(i);
      try {
        outcomes.add(batch.apply(p, i, pending));
      } catch (ProblemException e) {
        outcomes.add(ProductOutcome.failed(p.command(), p.command().target(), e.problem()));
      }
    }
    if (pending.isEmpty()) {
      return outcomes;
    }
    em.flush();
    pending.forEach(Pending::settle);
    List<ReferenceTables.Rewrite> rewrites = new ArrayList<>();
    batch.before.forEach(
        (product, before) ->
            rewrites.add(
                new ReferenceTables.Rewrite(
                    product.id(), before, ProductReferences.of(product.values(), schema))));
    referenceTables.rewrite(ReferenceTables.Owner.PRODUCT, rewrites);
    batch.links.write();
    Map<Node, Long> settled = new HashMap<>();
    batch.written.forEach((product, write) -> settled.put(product.node(), write.version));
    var touches = new Touches(em, batch.now);
    batch.links.changed().stream().filter(n -> !settled.containsKey(n)).forEach(touches::node);
    // The links of others show a renamed product's new identifier: their documents change too.
    pending.stream()
        .filter(p -> p.renamedFrom != null)
        .flatMap(p -> associationRows.ownersLinkingTo(p.product.node()).stream())
        .filter(n -> !settled.containsKey(n))
        .forEach(touches::node);
    em.flush();
    List<Change> changes = new ArrayList<>();
    for (Pending p : pending) {
      if (p.renamedFrom != null) {
        changes.add(
            new Change("product", p.renamedFrom, p.product.id(), Change.Action.RENAMED, p.version));
      }
      changes.add(
          new Change(
              "product",
              p.identifier,
              p.product.id(),
              p.created ? Change.Action.CREATED : Change.Action.UPDATED,
              p.version));
    }
    changes.addAll(touches.changes(settled));
    Map<Product, JsonObject> json =
        batch.answersWithDocuments
            ? documents.products(List.copyOf(batch.written.keySet()), false, batch.links.changed())
            : Map.of();
    for (Pending p : pending) {
      JsonObject document = batch.written.get(p.product) == p ? json.get(p.product) : null;
      outcomes.set(
          p.index,
          new ProductOutcome(
              p.line, p.identifier, p.created ? 201 : 200, document, p.version, null));
    }
    events.append(changes);
    // In our commit turn now: every catalog write before us has committed. If one changed the
    // schema we judged against, the batch is judged again (Products retries this conflict).
    catalog.checkUnchanged(schema);
    return outcomes;
  }

  private record Parsed(ProductCommand command, ProductChange change, Violations violations) {}

  /**
   * A product written by one command of the batch. Its version is known once the write is flushed:
   * at the end of the batch, or before a later command of the batch writes the same product, so
   * that every command is a version and an event of its own.
   */
  private static final class Pending {
    final int index;
    final int line;
    final Product product;
    final boolean created;
    String renamedFrom;
    String identifier;
    long version;

    Pending(int index, int line, Product product, boolean created) {
      this.index = index;
      this.line = line;
      this.product = product;
      this.created = created;
    }

    /** Takes the version this write got: call after the flush that wrote it. */
    void settle() {
      if (identifier == null) {
        identifier = product.identifier();
        version = product.version();
      }
    }
  }

  /**
   * What the batch knows: products by identifier key, product models above them, sibling axis
   * combinations, unique owners, catalog lookups and associations.
   */
  private final class Batch {
    final CatalogSnapshot schema;
    final CatalogLookups lookups;
    final AssociationBatch links;
    final Map<String, Product> products = new HashMap<>();

    /** Product models by id and by code key: the parents named and those of loaded products. */
    final Map<Long, ProductModel> models = new HashMap<>();

    final Map<String, ProductModel> modelsByKey = new HashMap<>();

    /** parent model id → axis key → the variant holding it, as the batch has left them. */
    final Map<Long, Map<String, Product>> siblings = new HashMap<>();

    /** attribute → unique key → owning product id, as the batch has left them. */
    final Map<String, Map<String, Long>> uniqueOwners = new HashMap<>();

    final Map<Long, String> ownerIdentifiers = new HashMap<>();
    final Map<Product, ProductReferences> before = new IdentityHashMap<>();

    /** The last write of each product in this batch. */
    final Map<Product, Pending> written = new IdentityHashMap<>();

    final OffsetDateTime now = Timestamps.now();

    /** Whether answers carry the document: a single write's do, bulk lines show versions only. */
    final boolean answersWithDocuments;

    Batch(CatalogSnapshot schema, boolean answersWithDocuments) {
      this.schema = schema;
      this.answersWithDocuments = answersWithDocuments;
      this.lookups = new CatalogLookups(em, schema);
      this.links = new AssociationBatch(associationRows, em, schema);
    }

    void load(List<Parsed> parsed) {
      Set<String> keys = new HashSet<>();
      Set<String> categoryCodes = new HashSet<>();
      Set<String> parentKeys = new HashSet<>();
      Map<String, Set<String>> uniqueKeys = new HashMap<>();
      for (Parsed p : parsed) {
        ProductChange change = p.change();
        if (p.command().target() != null) {
          keys.add(Product.key(p.command().target()));
        }
        if (change.identifier() != null) {
          keys.add(Product.key(change.identifier()));
        }
        if (change.categories() != null) {
          categoryCodes.addAll(change.categories());
        }
        if (change.parent() != null) {
          parentKeys.add(Product.key(change.parent()));
        }
        change
            .values()
            .forEach(
                (key, data) -> {
                  Attribute attribute = schema.attributes().get(key.attribute());
                  if (data != JsonValue.NULL && attribute.unique()) {
                    uniqueKeys
                        .computeIfAbsent(key.attribute(), a -> new HashSet<>())
                        .add(ProductReferences.uniqueKey(attribute, data));
                  }
                });
      }
      if (!keys.isEmpty()) {
        // Locked: writers of the same product queue up instead of failing on each other's versions.
        em.createQuery(
                "SELECT p FROM Product p WHERE p.identifierKey IN :keys ORDER BY p.id",
                Product.class)
            .setParameter("keys", List.copyOf(keys))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList()
            .forEach(p -> products.put(Product.key(p.identifier()), p));
      }
      loadModels(parentKeys);
      lookups.load(parsed.stream().map(p -> p.change().values()).toList(), categoryCodes);
      uniqueKeys.forEach(this::loadOwners);
      links.load(products.values(), Product::node, Product::linked);
      links.resolve(parsed.stream().map(p -> p.change().associations()).toList());
    }

    /**
     * The parents named and those of the loaded products, locked: a model writer changes what the
     * variants below it inherit, and must not miss a variant written at the same time. Then the
     * roots above them, and the variants beside them.
     */
    private void loadModels(Set<String> parentKeys) {
      Set<Long> ids = new HashSet<>();
      products.values().forEach(p -> ids.add(p.parentId()));
      ids.remove(null);
      if (ids.isEmpty() && parentKeys.isEmpty()) {
        return;
      }
      em.createQuery(
              "SELECT m FROM ProductModel m WHERE m.codeKey IN :keys OR m.id IN :ids ORDER BY m.id",
              ProductModel.class)
          .setParameter("keys", parentKeys.isEmpty() ? List.of("") : List.copyOf(parentKeys))
          .setParameter("ids", ids.isEmpty() ? List.of(-1L) : List.copyOf(ids))
          .setLockMode(LockModeType.PESSIMISTIC_WRITE)
          .getResultList()
          .forEach(m -> ids.add(m.id()));
      if (ids.isEmpty()) {
        return;
      }
      models.putAll(Lineage.load(em, ids));
      models.values().forEach(m -> modelsByKey.put(Product.key(m.code()), m));
      for (Product sibling :
          em.createQuery("SELECT p FROM Product p WHERE p.parentId IN :ids", Product.class)
              .setParameter("ids", List.copyOf(ids))
              .getResultList()) {
        siblings
            .computeIfAbsent(sibling.parentId(), id -> new HashMap<>())
            .put(sibling.axisKey(), sibling);
      }
    }

    private void loadOwners(String attribute, Set<String> keys) {
      Map<String, Long> owners = uniqueOwners.computeIfAbsent(attribute, a -> new HashMap<>());
      List<String> values = List.copyOf(keys);
      var placeholders = new StringBuilder();
      for (int i = 0; i < values.size(); i++) {
        placeholders.append(i == 0 ? "?" : ", ?").append(i + 2);
      }
      var query =
          em.createNativeQuery(
                  "SELECT u.value_key, u.product_id, p.identifier FROM product_unique_value u"
                      + " JOIN product p ON p.id = u.product_id WHERE u.attribute_code = ?1 AND u.value_key IN ("
                      + placeholders
                      + ")")
              .setParameter(1, attribute);
      for (int i = 0; i < values.size(); i++) {
        query.setParameter(i + 2, values.get(i));
      }
      List<?> rows = query.getResultList();
      for (Object row : rows) {
        Object[] columns = (Object[]) row;
        long id = ((Number) columns[1]).longValue();
        owners.put((String) columns[0], id);
        ownerIdentifiers.put(id, (String) columns[2]);
      }
    }

    /** Judges one command; a valid one is applied and answered once the batch is flushed. */
    ProductOutcome apply(Parsed parsed, int index, List<Pending> pending) {
      ProductCommand command = parsed.command();
      ProductChange change = parsed.change();
      Violations violations = parsed.violations();
      String target = parsed.command().target();
      if (target == null) {
        violations.add("identifier", "is required.");
        throw new ProblemException(Problem.validation(violations.list()));
      }
      Product existing = products.get(Product.key(target));
      if (command.mode() == ProductCommand.Mode.CREATE && existing != null) {
        throw new ProblemException(Problem.alreadyExists("product", existing.identifier()));
      }
      Versions.checkIfMatch(command.ifMatch(), existing == null ? null : existing.version());
      // Identifiers are found without regard to case: only a different identifier renames.
      String identifier = change.identifier() != null ? change.identifier() : target;
      if (existing != null && Product.key(identifier).equals(Product.key(existing.identifier()))) {
        identifier = existing.identifier();
      }
      checkIdentifier(identifier, violations);
      boolean renamed =
          existing != null && !Product.key(identifier).equals(Product.key(existing.identifier()));
      if (existing == null && !Product.key(identifier).equals(Product.key(target))) {
        violations.add(
            "identifier",
            "'"
                + identifier
                + "' differs from the address ('"
                + target
                + "'); only an existing product can be renamed.");
      } else if (renamed && products.containsKey(Product.key(identifier))) {
        violations.add(
            "identifier", "'" + identifier + "' is already the identifier of another product.");
      }
      if (change.identifierValue() != null && !change.identifierValue().equals(identifier)) {
        violations.add(
            schema.identifier().map(Attribute::code).orElse("sku"),
            null,
            null,
            "says '"
                + change.identifierValue()
                + "' but the identifier is '"
                + identifier
                + "'; change the identifier field instead.");
      }
      ProductState base = existing == null ? ProductState.empty(identifier) : existing.state();
      Map<ValueKey, JsonValue> values = lookups.resolveCodes(change.values(), violations);
      lookups.checkCategories(change.categories(), base.categories(), violations);
      ProductState next =
          new ProductState(
              identifier,
              change.familyGiven() ? change.family() : base.family(),
              change.categories() != null ? new TreeSet<>(change.categories()) : base.categories(),
              change.enabled() != null ? change.enabled() : base.enabled(),
              base.values().merge(values));
      ProductModel oldParent = existing == null ? null : models.get(existing.parentId());
      ProductModel parent = parent(change, oldParent, violations);
      String axisKey = null;
      if (parent != null) {
        FamilyVariant variant = schema.familyVariant(parent.familyVariant()).orElseThrow();
        Lineage lineage = Lineage.below(parent.id(), models);
        if (change.familyGiven() && !variant.family().equals(change.family())) {
          violations.add(
              "family",
              "must be '"
                  + variant.family()
                  + "', the family of the product model '"
                  + parent.code()
                  + "'.");
        }
        Set<String> own = new TreeSet<>(next.categories());
        own.removeAll(lineage.categories());
        var placed =
            ProductValues.of(
                VariantRules.place(
                    variant,
                    variant.levelCount(),
                    lineage,
                    next.values().asMap(),
                    schema,
                    violations));
        next = new ProductState(identifier, variant.family(), own, next.enabled(), placed);
        axisKey = VariantRules.axisKey(variant, variant.levelCount(), placed, schema, violations);
        checkSibling(parent, oldParent, axisKey, existing, variant, placed, violations);
      }
      checkFamily(next, base, violations);
      checkUnique(values, existing, violations);
      var associations =
          links.check(change.associations(), Node.Type.PRODUCT, identifier, violations);
      if (!violations.isEmpty()) {
        throw new ProblemException(Problem.validation(violations.list()));
      }
      Product product = existing != null ? existing : new Product(identifier);
      Pending earlier = written.get(product);
      if (earlier != null) {
        // The product was written earlier in this batch: that write becomes a version of its own.
        em.flush();
        earlier.settle();
      }
      Long parentId = parent == null ? null : parent.id();
      if (existing != null
          && next.equals(base)
          && Objects.equals(parentId, existing.parentId())
          && links.wouldKeep(existing.node(), associations)) {
        return new ProductOutcome(
            command.line(),
            existing.identifier(),
            200,
            answersWithDocuments ? documents.product(existing, false) : null,
            existing.version(),
            null);
      }
      before.putIfAbsent(
          product,
          existing == null ? ProductReferences.NONE : ProductReferences.of(base.values(), schema));
      if (existing != null && existing.parentId() != null) {
        siblings.getOrDefault(existing.parentId(), new HashMap<>()).remove(existing.axisKey());
      }
      product.apply(next, now);
      product.place(parentId, axisKey);
      if (parentId != null) {
        siblings.computeIfAbsent(parentId, id -> new HashMap<>()).put(axisKey, product);
      }
      if (existing == null) {
        em.persist(product);
      } else if (renamed) {
        products.remove(Product.key(base.identifier()));
      }
      products.put(Product.key(identifier), product);
      claimUnique(product, base.values(), next.values());
      links.known(product.node(), existing == null ? null : base.identifier(), identifier);
      links.apply(product.node(), associations);
      var write = new Pending(index, command.line(), product, existing == null);
      write.renamedFrom = renamed ? base.identifier() : null;
      pending.add(write);
      written.put(product, write);
      return new ProductOutcome(command.line(), identifier, 0, null, 0, null);
    }

    /**
     * The product model the product is, or becomes, a variant of. A variant may move to another
     * model of its family variant, at the level variant products sit under; moving it elsewhere, or
     * out of its model, is a conflict.
     */
    private ProductModel parent(ProductChange change, ProductModel current, Violations violations) {
      if (!change.parentGiven()) {
        return current;
      }
      if (change.parent() == null) {
        if (current != null) {
          throw new ProblemException(
              Problem.conflict(
                  "A variant cannot leave its product model ('"
                      + current.code()
                      + "'): its inherited values would be lost. Move it to another model of the"
                      + " same family variant, or delete it and create a product on its own."));
        }
        return null;
      }
      ProductModel wanted = modelsByKey.get(Product.key(change.parent()));
      if (wanted == null) {
        violations.add("parent", "there is no product model '" + change.parent() + "'.");
        return current;
      }
      FamilyVariant variant = schema.familyVariant(wanted.familyVariant()).orElseThrow();
      if (current != null && !current.familyVariant().equals(wanted.familyVariant())) {
        throw new ProblemException(
            Problem.conflict(
                "The variant cannot move from '"
                    + current.code()
                    + "' (family variant '"
                    + current.familyVariant()
                    + "') to '"
                    + wanted.code()
                    + "' (family variant '"
                    + wanted.familyVariant()
                    + "'): its values are placed by its family variant. Variants move only"
                    + " between models of the same family variant."));
      }
      if (wanted.level() != variant.levelCount() - 1) {
        violations.add(
            "parent",
            "'"
                + wanted.code()
                + "' is a root model of the two-level family variant '"
                + variant.code()
                + "': variant products go under its sub-models.");
        return current;
      }
      return wanted;
    }

    private void checkSibling(
        ProductModel parent,
        ProductModel oldParent,
        String axisKey,
        Product self,
        FamilyVariant variant,
        ProductValues values,
        Violations violations) {
      if (axisKey == null) {
        return;
      }
      Product holder = siblings.getOrDefault(parent.id(), Map.of()).get(axisKey);
      if (holder == null || holder == self) {
        return;
      }
      String combination = VariantRules.describeAxes(variant, variant.levelCount(), values);
      if (self != null && oldParent != null && oldParent != parent) {
        throw new ProblemException(
            Problem.conflict(
                "The variant cannot move to '"
                    + parent.code()
                    + "': its variant '"
                    + holder.identifier()
                    + "' already has "
                    + combination
                    + ", and two variants of one model cannot share their axis values."));
      }
      for (String axis : variant.axes(variant.levelCount())) {
        violations.add(
            axis,
            null,
            null,
            "the product model '"
                + parent.code()
                + "' already has a variant with "
                + combination
                + ": '"
                + holder.identifier()
                + "'. Axis values are unique among the variants of a model.");
      }
    }

    private void checkIdentifier(String identifier, Violations violations) {
      if (!Product.checkKeyForm("identifier", identifier, violations)) {
        return;
      }
      // The identifier attribute's own rules (length, pattern, email, url) apply as to any text
      // value.
      schema
          .identifier()
          .ifPresent(
              attribute -> {
                var found = new Violations();
                new ValueRules(schema)
                    .check(
                        attribute,
                        new ValueKey(attribute.code(), null, null),
                        Jsonp.value(identifier),
                        found);
                found.list().forEach(v -> violations.add("identifier", v.message()));
              });
    }

    /** Every value must belong to the product's family: a new family must have all of them. */
    private void checkFamily(ProductState next, ProductState base, Violations violations) {
      if (next.family() == null) {
        return;
      }
      Family family = schema.family(next.family()).orElse(null);
      if (family == null) {
        return; // reported when the change was read
      }
      boolean familyChanged = !next.family().equals(base.family());
      for (ValueKey key : next.values().asMap().keySet()) {
        Attribute attribute = schema.attributes().get(key.attribute());
        if (attribute == null || schema.inFamily(family, attribute)) {
          continue;
        }
        boolean alreadyStored = base.values().asMap().containsKey(key);
        violations.add(
            key.attribute(),
            key.locale(),
            key.scope(),
            "is not an attribute of the family '"
                + family.code()
                + "'"
                + (alreadyStored && familyChanged
                    ? "; remove the value (data null) to move the product to this family."
                    : "; add the attribute to the family first."));
      }
    }

    private void checkUnique(Map<ValueKey, JsonValue> values, Product self, Violations violations) {
      values.forEach(
          (key, data) -> {
            Attribute attribute = schema.attributes().get(key.attribute());
            if (data == JsonValue.NULL || !attribute.unique()) {
              return;
            }
            String uniqueKey = ProductReferences.uniqueKey(attribute, data);
            if (uniqueKey.length() > Product.MAX_KEY_LENGTH) {
              violations.add(
                  key.attribute(),
                  key.locale(),
                  key.scope(),
                  "is too long for a unique value: at most "
                      + Product.MAX_KEY_LENGTH
                      + " UTF-16 characters.");
              return;
            }
            Long owner = uniqueOwners.getOrDefault(key.attribute(), Map.of()).get(uniqueKey);
            if (owner != null && (self == null || !owner.equals(self.id()))) {
              violations.add(
                  key.attribute(),
                  key.locale(),
                  key.scope(),
                  "'"
                      + stringOf(data)
                      + "' is already the "
                      + key.attribute()
                      + " of the product '"
                      + ownerIdentifiers.get(owner)
                      + "'; it must be unique.");
            }
          });
    }

    /** Records in the batch's view that {@code product} now owns its unique values. */
    private void claimUnique(Product product, ProductValues old, ProductValues now) {
      ProductReferences before = ProductReferences.of(old, schema);
      ProductReferences after = ProductReferences.of(now, schema);
      before
          .unique()
          .forEach(
              (attribute, key) ->
                  uniqueOwners.getOrDefault(attribute, new HashMap<>()).remove(key));
      if (product.id() == null) {
        return;
      }
      after
          .unique()
          .forEach(
              (attribute, key) -> {
                uniqueOwners
                    .computeIfAbsent(attribute, a -> new HashMap<>())
                    .put(key, product.id());
                ownerIdentifiers.put(product.id(), product.identifier());
              });
    }
  }

  private static String stringOf(JsonValue data) {
    return data instanceof JsonString s ? s.getString() : data.toString();
  }
}
