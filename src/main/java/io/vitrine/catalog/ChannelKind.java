package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.JsonTypes;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Channels: locales, currencies, category tree and unit conversions. */
@ApplicationScoped
public class ChannelKind extends CatalogKind<Channel> {

  @Inject Usages usages;

  public ChannelKind() {
    super("channel", Channel.class);
  }

  @Override
  protected Channel create(String parent, String code) {
    return new Channel(code);
  }

  @Override
  public JsonObject toJson(Channel channel) {
    var units = Jsonp.objectBuilder();
    channel.conversionUnits().forEach(units::add);
    var json =
        head(channel)
            .add("locales", Jsonp.arrayBuilder(channel.locales()))
            .add("currencies", Jsonp.arrayBuilder(channel.currencies()));
    if (channel.categoryTree() == null) {
      json.addNull("category_tree");
    } else {
      json.add("category_tree", channel.categoryTree());
    }
    Eligibility e = channel.eligibility();
    var eligibility =
        Jsonp.objectBuilder()
            .add("enabled_only", e.enabledOnly())
            .add("in_category_tree", e.inTreeOnly())
            .add("min_completeness", e.minCompleteness())
            .add("locales", e.allLocales() ? "all" : "any");
    if (e.minQualityGrade() == null) {
      eligibility.addNull("min_quality_grade");
    } else {
      eligibility.add("min_quality_grade", e.minQualityGrade());
    }
    json.add("eligibility", eligibility);
    Jsonp.addOrNull(json, "title_min_length", channel.titleMinLength());
    Jsonp.addOrNull(json, "title_max_length", channel.titleMaxLength());
    return tail(json.add("conversion_units", units), channel).build();
  }

  @Override
  protected void read(JsonInput in, Channel channel, Edit edit) {
    in.requiredString("code");
    Map<String, String> labels = in.labels("labels");
    List<String> locales = nonEmpty(in, "locales", "locale");
    requireExisting(in, "locales", locales, CatalogLocale.class, "locale");
    List<String> currencies = nonEmpty(in, "currencies", "currency");
    requireExisting(in, "currencies", currencies, CatalogCurrency.class, "currency");
    String tree = in.requiredCode("category_tree");
    if (tree != null) {
      Category root = em.find(Category.class, tree);
      if (root == null) {
        in.invalid("category_tree", "there is no category '" + tree + "'.");
      } else if (root.parent() != null) {
        in.invalid(
            "category_tree",
            "'" + tree + "' is not the root of a tree (its parent is '" + root.parent() + "').");
      }
    }
    Map<String, String> units = conversionUnits(in);
    Integer titleMin = positive(in, "title_min_length");
    Integer titleMax = positive(in, "title_max_length");
    if (titleMin != null && titleMax != null && titleMin > titleMax) {
      in.invalid("title_min_length", "must not be greater than title_max_length.");
    }
    Eligibility eligibility = eligibility(in);
    in.rejectUnknown("a channel", "created", "updated");
    if (in.violations().isEmpty()) {
      channel.setLabels(labels);
      channel.define(locales, currencies, tree, units);
      channel.setTitleLength(titleMin, titleMax);
      channel.setEligibility(eligibility);
    }
  }

  /** The eligibility object; a field left out keeps its default. */
  private static Eligibility eligibility(JsonInput in) {
    JsonObject object = in.object("eligibility");
    if (object == null) {
      return Eligibility.standard();
    }
    JsonInput e = in.nested("eligibility", object);
    boolean enabledOnly = e.bool("enabled_only", true);
    boolean inTree = e.bool("in_category_tree", true);
    Integer min = e.integer("min_completeness");
    if (min != null && (min < 0 || min > 100)) {
      e.invalid("min_completeness", "must be a whole number from 0 to 100.");
    }
    String grade = e.string("min_quality_grade");
    if (grade != null && !List.of("A", "B", "C", "D", "E").contains(grade)) {
      e.invalid("min_quality_grade", "must be A, B, C, D or E (or null: any grade).");
    }
    String locales = e.string("locales");
    if (locales != null && !locales.equals("all") && !locales.equals("any")) {
      e.invalid(
          "locales", "must be all (on every locale of the channel) or any (on at least one).");
    }
    e.rejectUnknown("an eligibility rule");
    return new Eligibility(
        enabledOnly, inTree, min == null ? 100 : min, grade, !"any".equals(locales));
  }

  private static Integer positive(JsonInput in, String field) {
    Integer value = in.integer(field);
    if (value != null && value < 1) {
      in.invalid(field, "must be a whole number of characters, at least 1 (or null: no bound).");
      return null;
    }
    return value;
  }

  private static List<String> nonEmpty(JsonInput in, String field, String what) {
    List<String> codes = in.codes(field);
    if (codes == null) {
      if (!in.has(field)) {
        in.invalid(field, "is required: list at least one " + what + ".");
      }
      return List.of();
    }
    if (in.array(field).isEmpty()) {
      in.invalid(field, "must list at least one " + what + ".");
    }
    return codes;
  }

  /** Metric attribute code to one of its family's units. */
  private Map<String, String> conversionUnits(JsonInput in) {
    JsonObject object = in.object("conversion_units");
    Map<String, String> units = new TreeMap<>();
    if (object == null) {
      return units;
    }
    object.forEach(
        (attributeCode, value) -> {
          String where = "conversion_units." + attributeCode;
          if (JsonTypes.isNull(value)) {
            return;
          }
          if (!(value instanceof JsonString unitCode)) {
            in.invalid(where, "must be a unit code, not " + JsonTypes.name(value) + ".");
            return;
          }
          Attribute attribute = em.find(Attribute.class, attributeCode);
          if (attribute == null) {
            in.invalid(where, "there is no attribute '" + attributeCode + "'.");
          } else if (attribute.type() != AttributeType.METRIC) {
            in.invalid(
                where,
                "'"
                    + attributeCode
                    + "' is a "
                    + attribute.type().code()
                    + " attribute; only metric attributes convert.");
          } else if (em.find(MeasurementFamily.class, attribute.metricFamily())
              .unit(unitCode.getString())
              .isEmpty()) {
            in.invalid(
                where,
                "'"
                    + unitCode.getString()
                    + "' is not a unit of "
                    + attribute.metricFamily()
                    + ".");
          } else {
            units.put(attributeCode, unitCode.getString());
          }
        });
    return units;
  }

  @Override
  protected List<Usage> usages(Channel channel) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "families (requirements)",
        "SELECT DISTINCT family_code FROM family_requirement WHERE channel_code = ?1 ORDER BY family_code",
        channel.code());
    usages.collectHolders(
        found, " (values for this channel)", "channel", "u.channel_code = ?1", channel.code());
    return found;
  }
}
