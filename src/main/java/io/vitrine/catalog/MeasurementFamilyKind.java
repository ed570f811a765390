package io.vitrine.catalog;

import io.vitrine.platform.json.Decimals;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.JsonTypes;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Measurement families in Akeneo's format: units keyed by code, each with the steps of {@code
 * convert_from_standard} that turn an amount in that unit into the standard unit.
 */
@ApplicationScoped
public class MeasurementFamilyKind extends CatalogKind<MeasurementFamily> {

  private static final List<Conversion.Step> IDENTITY =
      List.of(new Conversion.Step(Conversion.Operator.MUL, BigDecimal.ONE));

  @Inject Usages usages;

  public MeasurementFamilyKind() {
    super("measurement_family", MeasurementFamily.class);
  }

  @Override
  protected MeasurementFamily create(String parent, String code) {
    return new MeasurementFamily(code);
  }

  @Override
  public JsonObject toJson(MeasurementFamily family) {
    var units = Jsonp.objectBuilder();
    for (MeasurementUnit unit : family.units()) {
      var steps = Jsonp.arrayBuilder();
      unit.conversion()
          .forEach(
              s ->
                  steps.add(
                      Jsonp.objectBuilder()
                          .add("operator", s.operator().code())
                          .add("value", Decimals.plain(s.value()))));
      units.add(
          unit.code(),
          Jsonp.objectBuilder()
              .add("code", unit.code())
              .add("labels", labels(unit.labels()))
              .add("convert_from_standard", steps)
              .add("symbol", unit.symbol()));
    }
    var json = head(family);
    if (family.standardUnit() == null) {
      json.addNull("standard_unit_code");
    } else {
      json.add("standard_unit_code", family.standardUnit());
    }
    return tail(json.add("units", units), family).build();
  }

  @Override
  protected void read(JsonInput in, MeasurementFamily family, Edit edit) {
    in.requiredString("code");
    var labels = in.labels("labels");
    String standard = in.requiredCode("standard_unit_code");
    JsonObject unitsJson = in.object("units");
    List<MeasurementUnit.Definition> units = new ArrayList<>();
    if (unitsJson == null || unitsJson.isEmpty()) {
      in.invalid("units", "must define at least one unit.");
    } else {
      JsonInput unitsIn = in.nested("units", unitsJson);
      unitsJson.forEach((code, unit) -> readUnit(unitsIn, code, unit, units));
    }
    in.rejectUnknown("a measurement family", "created", "updated");
    if (standard != null && !units.isEmpty()) {
      var standardUnit = units.stream().filter(u -> u.code().equals(standard)).findFirst();
      if (standardUnit.isEmpty()) {
        in.invalid("standard_unit_code", "'" + standard + "' is not one of the units.");
      } else if (!isIdentity(standardUnit.get().conversion())) {
        in.invalid(
            "units." + standard + ".convert_from_standard",
            "the standard unit must convert as [{\"operator\":\"mul\",\"value\":\"1\"}].");
      }
    }
    if (!in.violations().isEmpty()) {
      return;
    }
    if (!edit.isNew()) {
      refuseBreakingChanges(family, standard, units, edit);
    }
    family.setLabels(labels);
    family.setStandardUnit(standard);
    family.replaceUnits(units);
  }

  private void readUnit(
      JsonInput units, String code, JsonValue value, List<MeasurementUnit.Definition> into) {
    if (JsonTypes.isNull(value)) {
      return;
    }
    if (!JsonInput.CODE.matcher(code).matches()) {
      units.invalid(code, "unit code " + JsonInput.codeMessage(code));
      return;
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      units.invalid(code, "must be an object, not " + JsonTypes.name(value) + ".");
      return;
    }
    JsonInput unit = units.nested(code, value.asJsonObject());
    String declared = unit.string("code");
    if (declared != null && !declared.equals(code)) {
      unit.invalid("code", "must be '" + code + "', the key it is listed under.");
    }
    var labels = unit.labels("labels");
    String symbol = unit.string("symbol");
    if (symbol != null && symbol.length() > 40) {
      unit.invalid("symbol", "must be at most 40 characters long.");
    }
    List<Conversion.Step> steps = steps(unit);
    unit.rejectUnknown("a unit");
    into.add(new MeasurementUnit.Definition(code, labels, symbol == null ? "" : symbol, steps));
  }

  private static List<Conversion.Step> steps(JsonInput unit) {
    JsonArray array = unit.array("convert_from_standard");
    List<Conversion.Step> steps = new ArrayList<>();
    if (array == null || array.isEmpty()) {
      unit.invalid(
          "convert_from_standard",
          "must list at least one operation, such as {\"operator\":\"mul\",\"value\":\"0.001\"}.");
      return steps;
    }
    for (int i = 0; i < array.size(); i++) {
      String where = "convert_from_standard[" + i + "]";
      if (array.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
        unit.invalid(where, "must be an object with an operator and a value.");
        continue;
      }
      JsonObject step = array.getJsonObject(i);
      JsonValue operator = step.get("operator");
      BigDecimal value = Decimals.parse(step.get("value"));
      Conversion.Operator op = null;
      if (operator instanceof JsonString name) {
        try {
          op = Conversion.Operator.valueOf(name.getString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // reported below
        }
      }
      if (op == null) {
        unit.invalid(where + ".operator", "must be mul, div, add or sub.");
      }
      if (value == null) {
        unit.invalid(where + ".value", "must be a number written as a string, such as \"0.001\".");
      } else if ((op == Conversion.Operator.MUL || op == Conversion.Operator.DIV)
          && value.signum() == 0) {
        unit.invalid(where + ".value", "must not be 0 for " + op.code() + ".");
      }
      Set<String> extra = new TreeSet<>(step.keySet());
      extra.removeAll(Set.of("operator", "value"));
      if (!extra.isEmpty()) {
        unit.invalid(
            where, "has unknown fields " + extra + "; an operation has only operator and value.");
      }
      if (op != null && value != null) {
        steps.add(new Conversion.Step(op, value));
      }
    }
    return steps;
  }

  private static boolean isIdentity(List<Conversion.Step> steps) {
    return steps.size() == 1
        && steps.get(0).operator() == Conversion.Operator.MUL
        && steps.get(0).value().compareTo(BigDecimal.ONE) == 0;
  }

  /**
   * Units that attributes or channels rely on cannot disappear; the standard unit of a used family
   * stays.
   */
  private void refuseBreakingChanges(
      MeasurementFamily family,
      String standard,
      List<MeasurementUnit.Definition> units,
      Edit edit) {
    Set<String> kept = new TreeSet<>();
    units.forEach(u -> kept.add(u.code()));
    Usage attributes = familyAttributes(family);
    if (!standard.equals(family.standardUnit()) && attributes.count() > 0) {
      edit.refuse(
          "The standard unit of "
              + family.code()
              + " cannot change while attributes use the family: "
              + attributes.describe()
              + ".",
          List.of(attributes));
    }
    for (MeasurementUnit unit : family.units()) {
      if (kept.contains(unit.code())) {
        continue;
      }
      List<Usage> found = new ArrayList<>();
      // Values are not indexed by unit: any product value of the family's attributes may use it.
      usages.collectHolders(
          found,
          " with values of " + family.code() + " attributes",
          "attribute",
          "u.attribute_code IN (SELECT a.code FROM attribute a WHERE a.metric_family = ?1)",
          family.code());
      usages.collect(
          found,
          "attributes (default unit)",
          "SELECT code FROM attribute WHERE metric_family = ?1 AND default_metric_unit = ?2 ORDER BY code",
          family.code(),
          unit.code());
      channelsConverting(
              (attribute, converted) ->
                  converted.equals(unit.code()) && usesFamily(attribute, family.code()))
          .ifPresent(found::add);
      if (!found.isEmpty()) {
        edit.refuse(
            "The unit "
                + unit.code()
                + " cannot be removed: it is used by "
                + Usage.describeAll(found)
                + ".",
            found);
      }
    }
  }

  private boolean usesFamily(String attributeCode, String family) {
    Attribute attribute = em.find(Attribute.class, attributeCode);
    return attribute != null && family.equals(attribute.metricFamily());
  }

  private Usage familyAttributes(MeasurementFamily family) {
    return usages.find(
        "attributes",
        "SELECT code FROM attribute WHERE metric_family = ?1 ORDER BY code",
        family.code());
  }

  @Override
  protected List<Usage> usages(MeasurementFamily family) {
    Usage attributes = familyAttributes(family);
    return attributes.count() == 0 ? List.of() : List.of(attributes);
  }
}
