package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Family variants, under {@code /families/{family}/variants}. While product models use a family
 * variant its levels and axes are fixed, and an attribute may move to another level only when
 * nothing holds a value for it at its old level: values would otherwise sit at a level that no
 * longer owns them.
 */
@ApplicationScoped
public class FamilyVariantKind extends CatalogKind<FamilyVariant> {

  static final Set<AttributeType> AXIS_TYPES =
      Set.of(
          AttributeType.SIMPLESELECT,
          AttributeType.BOOLEAN,
          AttributeType.METRIC,
          AttributeType.NUMBER);

  @Inject Usages usages;

  public FamilyVariantKind() {
    super("family_variant", FamilyVariant.class);
  }

  @Override
  public void checkParent(String family) {
    if (em.find(Family.class, family) == null) {
      throw new ProblemException(Problem.notFound("family", family));
    }
  }

  @Override
  public FamilyVariant find(String family, String code) {
    FamilyVariant variant = super.find(family, code);
    return variant == null || !variant.family().equals(family) ? null : variant;
  }

  @Override
  public FamilyVariant findForUpdate(String family, String code) {
    FamilyVariant variant = super.findForUpdate(family, code);
    return variant == null || !variant.family().equals(family) ? null : variant;
  }

  @Override
  public String label() {
    return "family variant";
  }

  @Override
  protected FamilyVariant create(String family, String code) {
    return new FamilyVariant(code, family);
  }

  @Override
  public JsonObject toJson(FamilyVariant variant) {
    Family family = em.find(Family.class, variant.family());
    String identifier = identifierAttribute().orElse("sku");
    List<String> unique =
        family == null || family.attributes().isEmpty()
            ? List.of()
            : em.createQuery(
                    "SELECT a.code FROM Attribute a WHERE a.unique = true AND a.code IN :codes"
                        + " ORDER BY a.code",
                    String.class)
                .setParameter("codes", List.copyOf(family.attributes()))
                .getResultList();
    var sets = Jsonp.arrayBuilder();
    for (VariantLevel level : variant.levels()) {
      Set<String> attributes = new LinkedHashSet<>(level.axes());
      attributes.addAll(level.attributes());
      if (level.level() == variant.levelCount()) {
        attributes.add(identifier);
        unique.stream().filter(a -> variant.listedLevel(a).isEmpty()).forEach(attributes::add);
      }
      sets.add(
          Jsonp.objectBuilder()
              .add("level", level.level())
              .add("axes", Jsonp.arrayBuilder(level.axes()))
              .add("attributes", Jsonp.arrayBuilder(attributes)));
    }
    return tail(
            head(variant).add("family", variant.family()).add("variant_attribute_sets", sets),
            variant)
        .build();
  }

  @Override
  protected void read(JsonInput in, FamilyVariant variant, Edit edit) {
    in.requiredString("code");
    var labels = in.labels("labels");
    String family = in.string("family");
    if (family != null && !family.equals(variant.family())) {
      in.invalid("family", "must be '" + variant.family() + "', the family in the address.");
    }
    if (edit.isNew()) {
      FamilyVariant taken = em.find(FamilyVariant.class, variant.code());
      if (taken != null) {
        in.invalid(
            "code",
            "'"
                + variant.code()
                + "' is already a family variant of the family '"
                + taken.family()
                + "'; family variant codes are unique across families.");
      }
    }
    List<VariantLevel> levels = levels(in, variant.family());
    in.rejectUnknown("a family variant", "created", "updated");
    if (!in.violations().isEmpty()) {
      return;
    }
    if (!edit.isNew()) {
      refuseInvalidatingChanges(variant, levels, edit);
    }
    variant.setLabels(labels);
    variant.define(levels);
  }

  private List<VariantLevel> levels(JsonInput in, String familyCode) {
    String field = "variant_attribute_sets";
    JsonArray sets = in.array(field);
    if (sets == null) {
      in.invalid(field, "is required: one or two levels, each with 1 to 5 axes.");
      return List.of();
    }
    if (sets.isEmpty() || sets.size() > VariantLevel.MAX_LEVELS) {
      in.invalid(
          field, "must list 1 or " + VariantLevel.MAX_LEVELS + " levels, not " + sets.size() + ".");
      return List.of();
    }
    Family family = em.find(Family.class, familyCode);
    String identifier = identifierAttribute().orElse("sku");
    Map<String, Integer> placed = new HashMap<>();
    List<VariantLevel> levels = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      String where = field + "[" + i + "]";
      JsonValue item = sets.get(i);
      if (!(item instanceof JsonObject set)) {
        in.invalid(where, "must be an object with level, axes and attributes.");
        continue;
      }
      var level = in.nested(where, set);
      boolean last = i == sets.size() - 1;
      Integer number = level.integer("level");
      if (number == null) {
        level.invalid("level", "is required.");
      } else if (number != i + 1) {
        level.invalid("level", "must be " + (i + 1) + ": levels are numbered from 1, in order.");
      }
      List<String> axes = level.codes("axes");
      if (axes == null || axes.isEmpty() || axes.size() > VariantLevel.MAX_AXES) {
        level.invalid("axes", "must list 1 to " + VariantLevel.MAX_AXES + " attributes.");
        axes = axes == null ? List.of() : axes;
      }
      List<String> listed = level.codes("attributes");
      level.rejectUnknown("a variant attribute set");
      List<String> attributes = new ArrayList<>();
      for (int a = 0; a < axes.size(); a++) {
        checkAxis(level, "axes[" + a + "]", axes.get(a), family, last, i + 1, placed);
      }
      if (listed != null) {
        for (int a = 0; a < listed.size(); a++) {
          String code = listed.get(a);
          if (axes.contains(code) || (last && code.equals(identifier))) {
            continue; // implied: a client may send back what it read
          }
          String at = "attributes[" + a + "]";
          if (code.equals(identifier)) {
            level.invalid(
                at, "'" + code + "' is the identifier: it is set on the variant products.");
          } else if (member(level, at, code, family, placed, i + 1) != null) {
            if (em.find(Attribute.class, code).unique() && !last) {
              level.invalid(
                  at,
                  "'" + code + "' has unique values: it can only be set on the variant products.");
            }
            attributes.add(code);
          }
        }
      }
      levels.add(new VariantLevel(i + 1, axes, attributes));
    }
    return levels;
  }

  private void checkAxis(
      JsonInput level,
      String at,
      String code,
      Family family,
      boolean last,
      int number,
      Map<String, Integer> placed) {
    Attribute attribute = member(level, at, code, family, placed, number);
    if (attribute == null) {
      return;
    }
    if (!AXIS_TYPES.contains(attribute.type())) {
      level.invalid(
          at,
          "'"
              + code
              + "' is a "
              + attribute.type().code()
              + " attribute; an axis must be simpleselect, boolean, metric or number.");
    } else if (attribute.localizable() || attribute.scopable()) {
      level.invalid(
          at, "'" + code + "' differs per locale or channel; an axis must have one value.");
    } else if (attribute.unique() && !last) {
      level.invalid(
          at, "'" + code + "' has unique values: it can only be an axis of the variant products.");
    }
  }

  /** The attribute, when it exists, belongs to the family and is placed at one level only. */
  private Attribute member(
      JsonInput level,
      String at,
      String code,
      Family family,
      Map<String, Integer> placed,
      int number) {
    Attribute attribute = em.find(Attribute.class, code);
    if (attribute == null) {
      level.invalid(at, "there is no attribute '" + code + "'.");
      return null;
    }
    if (family != null && !family.attributes().contains(code)) {
      level.invalid(
          at, "'" + code + "' is not an attribute of the family '" + family.code() + "'.");
      return null;
    }
    Integer earlier = placed.putIfAbsent(code, number);
    if (earlier != null) {
      level.invalid(
          at,
          "'"
              + code
              + "' is already placed "
              + (earlier == number ? "at this level" : "at level " + earlier)
              + "; an attribute belongs to one level.");
      return null;
    }
    return attribute;
  }

  private void refuseInvalidatingChanges(
      FamilyVariant variant, List<VariantLevel> levels, Edit edit) {
    Usage models = models(variant);
    if (models.count() == 0) {
      return;
    }
    boolean axesChanged = levels.size() != variant.levelCount();
    for (int i = 0; !axesChanged && i < levels.size(); i++) {
      axesChanged = !levels.get(i).axes().equals(variant.levels().get(i).axes());
    }
    if (axesChanged) {
      edit.refuse(
          "The family variant '"
              + variant.code()
              + "' cannot change its levels or axes while product models use it: "
              + models.describe()
              + ". Create a new family variant instead.",
          List.of(models));
      return;
    }
    var after = new FamilyVariant(variant.code(), variant.family());
    after.define(levels);
    Family family = em.find(Family.class, variant.family());
    List<Usage> blocked = new ArrayList<>();
    List<String> moved = new ArrayList<>();
    for (String code : new TreeSet<>(family.attributes())) {
      Attribute attribute = em.find(Attribute.class, code);
      if (attribute == null || variant.levelOf(attribute) == after.levelOf(attribute)) {
        continue;
      }
      int from = variant.levelOf(attribute);
      Usage holders = valuesAt(variant, from, code);
      if (holders.count() > 0) {
        blocked.add(holders);
        moved.add(code);
      }
    }
    if (!blocked.isEmpty()) {
      edit.refuse(
          "Attributes cannot move to another level of the family variant '"
              + variant.code()
              + "' while values are set at their current level ("
              + String.join(", ", moved)
              + "): "
              + Usage.describeAll(blocked)
              + ". Clear those values first.",
          blocked);
    }
  }

  /** What holds values of {@code attribute} at {@code level} of the family variant. */
  private Usage valuesAt(FamilyVariant variant, int level, String attribute) {
    if (level == variant.levelCount()) {
      return usages.find(
          "variant products with values for " + attribute,
          "SELECT p.identifier FROM product_attribute u JOIN product p ON p.id = u.product_id"
              + " JOIN product_model m ON m.id = p.parent_id"
              + " WHERE u.attribute_code = ?1 AND m.family_variant = ?2 ORDER BY p.identifier",
          attribute,
          variant.code());
    }
    return usages.find(
        (level == 0 ? "root product models" : "sub-models") + " with values for " + attribute,
        "SELECT m.code FROM product_model_attribute u JOIN product_model m ON m.id = u.model_id"
            + " WHERE u.attribute_code = ?1 AND m.family_variant = ?2 AND m.parent_id IS "
            + (level == 0 ? "NULL" : "NOT NULL")
            + " ORDER BY m.code",
        attribute,
        variant.code());
  }

  private Usage models(FamilyVariant variant) {
    return usages.find(
        "product models",
        "SELECT code FROM product_model WHERE family_variant = ?1 ORDER BY code",
        variant.code());
  }

  @Override
  protected List<Usage> usages(FamilyVariant variant) {
    Usage models = models(variant);
    return models.count() == 0 ? List.of() : List.of(models);
  }

  @Override
  protected TypedQuery<FamilyVariant> page(
      String family, String after, MultivaluedMap<String, String> filters) {
    var query =
        em.createQuery(
            "SELECT v FROM FamilyVariant v WHERE v.family = :family"
                + (after == null ? "" : " AND v.code > :after")
                + " ORDER BY v.code",
            FamilyVariant.class);
    query.setParameter("family", family);
    return after == null ? query : query.setParameter("after", after);
  }

  @Override
  protected long count(String family, MultivaluedMap<String, String> filters) {
    return em.createQuery(
            "SELECT COUNT(v) FROM FamilyVariant v WHERE v.family = :family", Long.class)
        .setParameter("family", family)
        .getSingleResult();
  }
}
