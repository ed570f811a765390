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
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
 * Writes a batch of product model commands in one transaction, as {@link ProductWriter} does for
 * products. A model's values, categories and associations are inherited by everything below it, so
 * every model write also gives each sub-model and variant below it a new version and a change
 * event, in the same transaction.
 */
@ApplicationScoped
public class ProductModelWriter {

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
          new Parsed(command, ModelChange.read(command.body(), schema, violations), violations));
    }
    batch.load(parsed);
    List<ProductOutcome> outcomes = new ArrayList<>();
    for (Parsed p : parsed) {
      try {
        outcomes.add(batch.apply(p, outcomes.size()));
      } catch (ProblemException e) {
        outcomes.add(ProductOutcome.failed(p.command(), p.command().target("code"), e.problem()));
      }
    }
    if (batch.pending.isEmpty()) {
      return outcomes;
    }
    var touches = new Touches(em, batch.now);
    em.flush();
    batch.pending.forEach(Pending::settle);
    List<ReferenceTables.Rewrite> rewrites = new ArrayList<>();
    batch.before.forEach(
        (model, before) ->
            rewrites.add(
                new ReferenceTables.Rewrite(
                    model.id(), before, ProductReferences.of(model.values(), schema))));
    referenceTables.rewrite(ReferenceTables.Owner.MODEL, rewrites);
    batch.links.write();
    Map<Node, Long> settled = new HashMap<>();
    batch.last.forEach((model, write) -> settled.put(model.node(), write.version));
    touches.below(batch.last.keySet().stream().map(ProductModel::id).toList());
    batch.links.changed().stream().filter(n -> !settled.containsKey(n)).forEach(touches::node);
    em.flush();
    List<Change> changes = new ArrayList<>();
    for (Pending p : batch.pending) {
      changes.add(
          new Change(
              "product_model",
              p.model.code(),
              p.model.id(),
              p.created ? Change.Action.CREATED : Change.Action.UPDATED,
              p.version));
    }
    changes.addAll(touches.changes(settled));
    Map<ProductModel, JsonObject> byModel =
        batch.answersWithDocuments
            ? documents.models(List.copyOf(batch.last.keySet()), false, batch.links.changed())
            : Map.of();
    for (Pending p : batch.pending) {
      outcomes.set(
          p.index,
          new ProductOutcome(
              p.line,
              p.model.code(),
              p.created ? 201 : 200,
              batch.last.get(p.model) == p ? byModel.get(p.model) : null,
              p.version,
              null));
    }
    events.append(changes);
    catalog.checkUnchanged(schema);
    return outcomes;
  }

  private record Parsed(ProductCommand command, ModelChange change, Violations violations) {}

  private static final class Pending {
    final int index;
    final int line;
    final ProductModel model;
    final boolean created;
    long version = -1;

    Pending(int index, int line, ProductModel model, boolean created) {
      this.index = index;
      this.line = line;
      this.model = model;
      this.created = created;
    }

    void settle() {
      if (version < 0) {
        version = model.version();
      }
    }
  }

  private final class Batch {
    final CatalogSnapshot schema;
    final CatalogLookups lookups;
    final AssociationBatch links;
    final Map<String, ProductModel> byKey = new HashMap<>();
    final Map<Long, ProductModel> byId = new HashMap<>();

    /** root model id → axis key → the sub-model holding it. */
    final Map<Long, Map<String, ProductModel>> siblings = new HashMap<>();

    final Map<ProductModel, ProductReferences> before = new IdentityHashMap<>();
    final Map<ProductModel, Pending> last = new IdentityHashMap<>();
    final List<Pending> pending = new ArrayList<>();
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
      Set<String> categories = new HashSet<>();
      for (Parsed p : parsed) {
        String target = p.command().target("code");
        if (target != null) {
          keys.add(Product.key(target));
        }
        if (p.change().parent() != null) {
          keys.add(Product.key(p.change().parent()));
        }
        if (p.change().categories() != null) {
          categories.addAll(p.change().categories());
        }
      }
      if (!keys.isEmpty()) {
        // Locked: writers of one model queue; a parent is locked too, so that no writer of the
        // root can change what a new sub-model inherits before the sub-model is written.
        List<ProductModel> found =
            em.createQuery(
                    "SELECT m FROM ProductModel m WHERE m.codeKey IN :keys ORDER BY m.id",
                    ProductModel.class)
                .setParameter("keys", List.copyOf(keys))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        Map<Long, ProductModel> all =
            Lineage.load(em, found.stream().map(ProductModel::id).toList());
        all.values().forEach(this::know);
        Set<Long> roots = new HashSet<>();
        all.values().forEach(m -> roots.add(m.parentId() == null ? m.id() : m.parentId()));
        for (ProductModel sub :
            roots.isEmpty()
                ? List.<ProductModel>of()
                : em.createQuery(
                        "SELECT m FROM ProductModel m WHERE m.parentId IN :ids", ProductModel.class)
                    .setParameter("ids", List.copyOf(roots))
                    .getResultList()) {
          know(sub);
          siblings.computeIfAbsent(sub.parentId(), id -> new HashMap<>()).put(sub.axisKey(), sub);
        }
      }
      lookups.load(parsed.stream().map(p -> p.change().values()).toList(), categories);
      links.load(byId.values(), ProductModel::node, ProductModel::linked);
      links.resolve(parsed.stream().map(p -> p.change().associations()).toList());
    }

    private void know(ProductModel model) {
      byKey.put(Product.key(model.code()), model);
      byId.put(model.id(), model);
    }

    ProductOutcome apply(Parsed parsed, int index) {
      ProductCommand command = parsed.command();
      ModelChange change = parsed.change();
      Violations violations = parsed.violations();
      String target = command.target("code");
      if (target == null) {
        violations.add("code", "is required.");
        throw new ProblemException(Problem.validation(violations.list()));
      }
      ProductModel existing = byKey.get(Product.key(target));
      if (command.mode() == ProductCommand.Mode.CREATE && existing != null) {
        throw new ProblemException(Problem.alreadyExists("product model", existing.code()));
      }
      Versions.checkIfMatch(command.ifMatch(), existing == null ? null : existing.version());
      String code = existing != null ? existing.code() : target;
      if (change.code() != null && !Product.key(change.code()).equals(Product.key(code))) {
        violations.add(
            "code",
            existing != null
                ? "cannot be changed (it is '" + code + "'); create a new product model instead."
                : "'" + change.code() + "' differs from the address ('" + target + "').");
      }
      Product.checkKeyForm("code", code, violations);
      FamilyVariant variant = familyVariant(change, existing, violations);
      if (variant == null) {
        throw new ProblemException(Problem.validation(violations.list()));
      }
      if (change.family() != null && !change.family().equals(variant.family())) {
        violations.add(
            "family",
            "must be '"
                + variant.family()
                + "', the family of the family variant '"
                + variant.code()
                + "'.");
      }
      ProductModel current = existing == null ? null : byId.get(existing.parentId());
      ProductModel parent = parent(change, existing, current, variant, violations);
      Lineage lineage = parent == null ? Lineage.NONE : Lineage.below(parent.id(), byId);
      int level = parent == null ? 0 : 1;
      ProductValues base = existing == null ? ProductValues.EMPTY : existing.values();
      var merged = base.merge(lookups.resolveCodes(change.values(), violations));
      var values =
          ProductValues.of(
              VariantRules.place(variant, level, lineage, merged.asMap(), schema, violations));
      checkFamily(variant, values, violations);
      Set<String> baseCategories = existing == null ? Set.of() : existing.categories();
      lookups.checkCategories(change.categories(), baseCategories, violations);
      Set<String> categories =
          change.categories() == null ? baseCategories : new TreeSet<>(change.categories());
      categories = new TreeSet<>(categories);
      categories.removeAll(lineage.categories());
      String axisKey =
          level == 0 ? null : VariantRules.axisKey(variant, 1, values, schema, violations);
      checkSibling(parent, current, axisKey, existing, variant, values, violations);
      var associations = links.check(change.associations(), Node.Type.MODEL, code, violations);
      if (!violations.isEmpty()) {
        throw new ProblemException(Problem.validation(violations.list()));
      }
      ProductModel model =
          existing != null ? existing : new ProductModel(code, variant.family(), variant.code());
      Pending earlier = last.get(model);
      if (earlier != null) {
        em.flush();
        earlier.settle();
      }
      Long parentId = parent == null ? null : parent.id();
      if (existing != null
          && values.equals(base)
          && categories.equals(baseCategories)
          && Objects.equals(parentId, existing.parentId())
          && links.wouldKeep(existing.node(), associations)) {
        return new ProductOutcome(
            command.line(),
            code,
            200,
            answersWithDocuments ? documents.model(existing, false) : null,
            existing.version(),
            null);
      }
      before.putIfAbsent(
          model, existing == null ? ProductReferences.NONE : ProductReferences.of(base, schema));
      if (existing != null && existing.parentId() != null) {
        siblings.getOrDefault(existing.parentId(), new HashMap<>()).remove(existing.axisKey());
      }
      model.apply(parentId, axisKey, categories, values, now);
      if (existing == null) {
        em.persist(model);
        know(model);
      }
      if (parentId != null) {
        siblings.computeIfAbsent(parentId, id -> new HashMap<>()).put(axisKey, model);
      }
      links.known(model.node(), null, code);
      links.apply(model.node(), associations);
      var write = new Pending(index, command.line(), model, existing == null);
      pending.add(write);
      last.put(model, write);
      return new ProductOutcome(command.line(), code, 0, null, 0, null);
    }

    private FamilyVariant familyVariant(
        ModelChange change, ProductModel existing, Violations violations) {
      if (existing != null) {
        if (change.familyVariant() != null
            && !change.familyVariant().equals(existing.familyVariant())) {
          violations.add(
              "family_variant",
              "cannot be changed (it is '"
                  + existing.familyVariant()
                  + "'): the values of the model and its variants are placed by it.");
        }
        return schema.familyVariant(existing.familyVariant()).orElseThrow();
      }
      ProductModel parent =
          change.parent() == null ? null : byKey.get(Product.key(change.parent()));
      if (change.familyVariant() == null && parent != null) {
        return schema.familyVariant(parent.familyVariant()).orElseThrow();
      }
      if (change.familyVariant() == null) {
        if (!violations.list().stream().anyMatch(v -> v.property().equals("family_variant"))) {
          violations.add("family_variant", "is required for a new product model.");
        }
        return null;
      }
      return schema.familyVariant(change.familyVariant()).orElse(null);
    }

    private ProductModel parent(
        ModelChange change,
        ProductModel existing,
        ProductModel current,
        FamilyVariant variant,
        Violations violations) {
      if (!change.parentGiven()) {
        if (existing == null && variant.levelCount() == 2) {
          return null; // a new root model
        }
        return current;
      }
      if (change.parent() == null) {
        if (current != null) {
          throw new ProblemException(
              Problem.conflict(
                  "The sub-model '"
                      + existing.code()
                      + "' cannot become a root model: it holds the values of level 1 only."));
        }
        return null;
      }
      ProductModel wanted = byKey.get(Product.key(change.parent()));
      if (wanted == null) {
        violations.add("parent", "there is no product model '" + change.parent() + "'.");
        return current;
      }
      if (variant.levelCount() < 2) {
        violations.add(
            "parent",
            "the family variant '"
                + variant.code()
                + "' has one level: its product models are roots, and variant products go"
                + " directly under them.");
        return current;
      }
      if (existing != null && current == null) {
        throw new ProblemException(
            Problem.conflict(
                "The root model '"
                    + existing.code()
                    + "' cannot become a sub-model: it holds the common values of its variants."));
      }
      if (!wanted.familyVariant().equals(variant.code()) || wanted.parentId() != null) {
        String reason =
            "'"
                + wanted.code()
                + "' is not a root model of the family variant '"
                + variant.code()
                + "'.";
        if (current != null) {
          throw new ProblemException(Problem.conflict("The sub-model cannot move to " + reason));
        }
        violations.add("parent", reason);
        return current;
      }
      return wanted;
    }

    private void checkSibling(
        ProductModel parent,
        ProductModel current,
        String axisKey,
        ProductModel self,
        FamilyVariant variant,
        ProductValues values,
        Violations violations) {
      if (parent == null || axisKey == null) {
        return;
      }
      ProductModel holder = siblings.getOrDefault(parent.id(), Map.of()).get(axisKey);
      if (holder == null || holder == self) {
        return;
      }
      String combination = VariantRules.describeAxes(variant, 1, values);
      if (self != null && current != null && current != parent) {
        throw new ProblemException(
            Problem.conflict(
                "The sub-model cannot move to '"
                    + parent.code()
                    + "': its sub-model '"
                    + holder.code()
                    + "' already has "
                    + combination
                    + "."));
      }
      for (String axis : variant.axes(1)) {
        violations.add(
            axis,
            null,
            null,
            "the product model '"
                + parent.code()
                + "' already has a sub-model with "
                + combination
                + ": '"
                + holder.code()
                + "'. Axis values are unique among the sub-models of a model.");
      }
    }

    private void checkFamily(FamilyVariant variant, ProductValues values, Violations violations) {
      Family family = schema.family(variant.family()).orElse(null);
      if (family == null) {
        return;
      }
      for (ValueKey key : values.asMap().keySet()) {
        Attribute attribute = schema.attributes().get(key.attribute());
        if (attribute != null && !schema.inFamily(family, attribute)) {
          violations.add(
              key.attribute(),
              key.locale(),
              key.scope(),
              "is not an attribute of the family '"
                  + family.code()
                  + "'; add the attribute to the family first.");
        }
      }
    }
  }
}
