package io.vitrine.catalog;

import io.vitrine.catalog.AttributeType.Property;
import io.vitrine.platform.json.Decimals;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Attributes. A type's properties (max_characters, number_min, metric_family, …) are accepted only
 * for the types they apply to. The type never changes; localizable, scopable, unique and the
 * measurement family change only while no product has a value for the attribute.
 */
@ApplicationScoped
public class AttributeKind extends CatalogKind<Attribute> {

  static final Set<String> VALIDATION_RULES = Set.of("regexp", "email", "url");

  @Inject Usages usages;

  public AttributeKind() {
    super("attribute", Attribute.class);
  }

  @Override
  protected Attribute create(String parent, String code) {
    return new Attribute(code);
  }

  @Override
  public JsonObject toJson(Attribute a) {
    var json = head(a);
    json.add("type", a.type() == null ? "" : a.type().code())
        .add("group", a.group() == null ? AttributeGroup.DEFAULT : a.group())
        .add("localizable", a.localizable())
        .add("scopable", a.scopable())
        .add("sort_order", a.sortOrder());
    AttributeType type = a.type();
    if (type != null) {
      optional(json, type, Property.UNIQUE, a.unique());
      optional(json, type, Property.MAX_CHARACTERS, a.maxCharacters());
      optional(json, type, Property.VALIDATION_RULE, a.validationRule());
      optional(json, type, Property.VALIDATION_REGEXP, a.validationRegexp());
      optional(json, type, Property.RICH_TEXT, a.richText());
      optional(json, type, Property.DECIMALS_ALLOWED, a.decimalsAllowed());
      optional(json, type, Property.NEGATIVE_ALLOWED, a.negativeAllowed());
      optional(
          json,
          type,
          Property.NUMBER_MIN,
          a.numberMin() == null ? null : Decimals.plain(a.numberMin()));
      optional(
          json,
          type,
          Property.NUMBER_MAX,
          a.numberMax() == null ? null : Decimals.plain(a.numberMax()));
      optional(json, type, Property.METRIC_FAMILY, a.metricFamily());
      optional(json, type, Property.DEFAULT_METRIC_UNIT, a.defaultMetricUnit());
      optional(json, type, Property.DATE_MIN, a.dateMin() == null ? null : a.dateMin().toString());
      optional(json, type, Property.DATE_MAX, a.dateMax() == null ? null : a.dateMax().toString());
      optional(json, type, Property.GTIN, a.gtin());
      optional(json, type, Property.ASSET_FAMILY, a.assetFamily());
    }
    return tail(json, a).build();
  }

  private static void optional(
      JsonObjectBuilder json, AttributeType type, Property property, Object value) {
    if (!type.accepts(property)) {
      return;
    }
    String field = property.field();
    if (value == null) {
      json.addNull(field);
    } else if (value instanceof Boolean b) {
      json.add(field, b);
    } else if (value instanceof Integer i) {
      json.add(field, i);
    } else {
      json.add(field, value.toString());
    }
  }

  @Override
  protected void read(JsonInput in, Attribute attribute, Edit edit) {
    in.requiredString("code");
    AttributeType type = type(in, attribute, edit);
    String group = in.code("group");
    if (group != null && em.find(AttributeGroup.class, group) == null) {
      in.invalid("group", "there is no attribute group '" + group + "'.");
    }
    Map<String, String> labels = in.labels("labels");
    boolean localizable = in.bool("localizable", false);
    boolean scopable = in.bool("scopable", false);
    Integer sortOrder = in.integer("sort_order");
    if (type == null) {
      return; // which fields are known depends on the type: they are judged once the type is right
    }
    for (Property property : Property.values()) {
      if (!type.accepts(property) && in.has(property.field())) {
        in.invalid(property.field(), "does not apply to " + type.code() + " attributes.");
      }
    }
    Attribute.Definition definition =
        new Attribute.Definition(
            type,
            group == null ? AttributeGroup.DEFAULT : group,
            localizable,
            scopable,
            unique(in, type, localizable, scopable),
            sortOrder == null ? 0 : sortOrder,
            maxCharacters(in, type),
            validationRule(in, type),
            type.accepts(Property.VALIDATION_REGEXP) ? in.string("validation_regexp") : null,
            type.accepts(Property.RICH_TEXT) ? in.bool("rich_text", false) : null,
            type.accepts(Property.DECIMALS_ALLOWED)
                ? in.bool("decimals_allowed", type != AttributeType.NUMBER)
                : null,
            type.accepts(Property.NEGATIVE_ALLOWED) ? in.bool("negative_allowed", false) : null,
            type.accepts(Property.NUMBER_MIN) ? in.decimal("number_min") : null,
            type.accepts(Property.NUMBER_MAX) ? in.decimal("number_max") : null,
            type.accepts(Property.METRIC_FAMILY) ? in.requiredCode("metric_family") : null,
            type.accepts(Property.DEFAULT_METRIC_UNIT)
                ? in.requiredCode("default_metric_unit")
                : null,
            type.accepts(Property.DATE_MIN) ? in.date("date_min") : null,
            type.accepts(Property.DATE_MAX) ? in.date("date_max") : null,
            type.accepts(Property.GTIN) ? in.bool("gtin", false) : null,
            type.accepts(Property.ASSET_FAMILY) ? in.code("asset_family") : null);
    in.rejectUnknown("an attribute", "created", "updated");
    checkRules(in, definition, attribute);
    if (!in.violations().isEmpty()) {
      return;
    }
    if (!edit.isNew()) {
      refuseChangesToUsedAttribute(attribute, definition, edit);
    }
    attribute.setLabels(labels);
    attribute.define(definition);
  }

  private AttributeType type(JsonInput in, Attribute attribute, Edit edit) {
    String code = in.requiredString("type");
    if (code == null) {
      return null;
    }
    var type = AttributeType.fromCode(code);
    if (type.isEmpty()) {
      in.invalid(
          "type",
          "'" + code + "' is not an attribute type; use one of " + AttributeType.codes() + ".");
      return null;
    }
    if (!edit.isNew() && attribute.type() != type.get()) {
      in.invalid(
          "type",
          "cannot change from "
              + attribute.type().code()
              + " to "
              + code
              + "; create a new attribute and move the values.");
      return null;
    }
    if (edit.isNew() && type.get() == AttributeType.IDENTIFIER) {
      identifierAttribute()
          .ifPresent(
              existing ->
                  in.invalid(
                      "type",
                      "the catalog already has its identifier attribute '"
                          + existing
                          + "'; there is only one."));
    }
    return type.get();
  }

  private static boolean unique(
      JsonInput in, AttributeType type, boolean localizable, boolean scopable) {
    if (type == AttributeType.IDENTIFIER) {
      if (Boolean.FALSE.equals(in.bool("unique"))) {
        in.invalid("unique", "an identifier is always unique.");
      }
      if (localizable || scopable) {
        in.invalid(
            localizable ? "localizable" : "scopable",
            "an identifier cannot differ per locale or channel.");
      }
      return true;
    }
    if (!type.accepts(Property.UNIQUE)) {
      return false;
    }
    boolean unique = in.bool("unique", false);
    if (unique && (localizable || scopable)) {
      in.invalid("unique", "a unique attribute cannot be localizable or scopable.");
    }
    return unique;
  }

  private static Integer maxCharacters(JsonInput in, AttributeType type) {
    if (!type.accepts(Property.MAX_CHARACTERS)) {
      return null;
    }
    Integer max = in.integer("max_characters");
    int limit = type.characterLimit();
    if (max != null && (max < 1 || max > limit)) {
      in.invalid(
          "max_characters",
          "must be between 1 and " + limit + " for " + type.code() + " attributes.");
    }
    return max == null ? limit : max;
  }

  private static String validationRule(JsonInput in, AttributeType type) {
    if (!type.accepts(Property.VALIDATION_RULE)) {
      return null;
    }
    String rule = in.string("validation_rule");
    if (rule != null && !VALIDATION_RULES.contains(rule)) {
      in.invalid("validation_rule", "must be regexp, email or url (or null).");
      return null;
    }
    return rule;
  }

  private void checkRules(JsonInput in, Attribute.Definition d, Attribute attribute) {
    if ("regexp".equals(d.validationRule())) {
      if (d.validationRegexp() == null || d.validationRegexp().isEmpty()) {
        in.invalid("validation_regexp", "is required when validation_rule is regexp.");
      } else {
        try {
          Pattern.compile(d.validationRegexp());
        } catch (PatternSyntaxException e) {
          in.invalid(
              "validation_regexp",
              "is not a valid regular expression: " + e.getDescription() + ".");
        }
      }
    } else if (d.validationRegexp() != null) {
      in.invalid("validation_regexp", "is only used when validation_rule is regexp.");
    }
    if (d.numberMin() != null
        && d.numberMax() != null
        && d.numberMin().compareTo(d.numberMax()) > 0) {
      in.invalid("number_min", "must not be greater than number_max.");
    }
    if (Boolean.FALSE.equals(d.negativeAllowed())
        && d.numberMin() != null
        && d.numberMin().signum() < 0) {
      in.invalid("number_min", "cannot be negative when negative_allowed is false.");
    }
    if (d.type() == AttributeType.PRICE_COLLECTION
        && d.numberMin() != null
        && d.numberMin().signum() < 0) {
      in.invalid("number_min", "prices cannot be negative.");
    }
    if (d.dateMin() != null && d.dateMax() != null && d.dateMin().isAfter(d.dateMax())) {
      in.invalid("date_min", "must not be after date_max.");
    }
    if (d.assetFamily() != null
        && em.createNativeQuery("SELECT code FROM asset_family WHERE code = ?1")
            .setParameter(1, d.assetFamily())
            .getResultList()
            .isEmpty()) {
      // The asset feature owns asset families; the catalog only needs to know one exists.
      in.invalid("asset_family", "there is no asset family '" + d.assetFamily() + "'.");
    }
    if (d.metricFamily() != null) {
      MeasurementFamily family = em.find(MeasurementFamily.class, d.metricFamily());
      if (family == null) {
        in.invalid("metric_family", "there is no measurement family '" + d.metricFamily() + "'.");
      } else if (d.defaultMetricUnit() != null && family.unit(d.defaultMetricUnit()).isEmpty()) {
        in.invalid(
            "default_metric_unit",
            "'" + d.defaultMetricUnit() + "' is not a unit of " + d.metricFamily() + ".");
      }
    }
  }

  private void refuseChangesToUsedAttribute(Attribute a, Attribute.Definition d, Edit edit) {
    List<String> changes = new ArrayList<>();
    if (a.localizable() != d.localizable()) {
      changes.add(d.localizable() ? "become localizable" : "stop being localizable");
    }
    if (a.scopable() != d.scopable()) {
      changes.add(d.scopable() ? "become scopable" : "stop being scopable");
    }
    if (a.unique() != d.unique()) {
      changes.add(d.unique() ? "become unique" : "stop being unique");
    }
    if (!Objects.equals(a.metricFamily(), d.metricFamily())) {
      changes.add("change its measurement family");
    }
    if (!Objects.equals(a.assetFamily(), d.assetFamily())) {
      changes.add("change its asset family");
    }
    if (changes.isEmpty()) {
      return;
    }
    List<Usage> holders = values(a);
    if (!holders.isEmpty()) {
      edit.refuse(
          "The attribute '"
              + a.code()
              + "' cannot "
              + String.join(" or ", changes)
              + " while products or product models have values for it: "
              + Usage.describeAll(holders)
              + ". Remove those values first, or create a new attribute.",
          holders);
    }
    refuseBreakingFamilyVariants(a, d, edit);
  }

  /** An axis has one value per product; unique values can only sit on variant products. */
  private void refuseBreakingFamilyVariants(Attribute a, Attribute.Definition d, Edit edit) {
    boolean perLocaleOrChannel = d.localizable() || d.scopable();
    if (!perLocaleOrChannel && !(d.unique() && !a.unique())) {
      return;
    }
    List<String> variants = new ArrayList<>();
    for (FamilyVariant variant :
        em.createQuery("SELECT v FROM FamilyVariant v ORDER BY v.code", FamilyVariant.class)
            .getResultList()) {
      int level = variant.listedLevel(a.code()).orElse(-1);
      boolean axis = level > 0 && variant.axes(level).contains(a.code());
      if ((axis && perLocaleOrChannel)
          || (d.unique() && level > 0 && level < variant.levelCount())) {
        variants.add(variant.code());
      }
    }
    if (!variants.isEmpty()) {
      var usage =
          new Usage(
              "family variants", variants.size(), variants.stream().limit(Usage.EXAMPLES).toList());
      edit.refuse(
          "The attribute '"
              + a.code()
              + "' cannot "
              + (perLocaleOrChannel
                  ? "differ per locale or channel while it is an axis"
                  : "become unique while it is set above the variant products")
              + " of "
              + usage.describe()
              + ". Change those family variants first.",
          List.of(usage));
    }
  }

  private List<Usage> values(Attribute a) {
    return usages.holders("", "attribute", "u.attribute_code = ?1", a.code());
  }

  @Override
  protected String undeletable(Attribute attribute) {
    return attribute.type() == AttributeType.IDENTIFIER
        ? "The identifier attribute '"
            + attribute.code()
            + "' cannot be deleted: every product needs an identifier."
        : null;
  }

  @Override
  protected List<Usage> usages(Attribute a) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "families",
        "SELECT family_code FROM family_attribute WHERE attribute_code = ?1 ORDER BY family_code",
        a.code());
    channelsConverting((attribute, unit) -> attribute.equals(a.code())).ifPresent(found::add);
    found.addAll(values(a));
    return found;
  }
}
