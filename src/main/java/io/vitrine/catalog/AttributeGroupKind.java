package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Usage;
import io.vitrine.quality.QualityRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Attribute groups; {@code attributes} lists the group's attributes (read-only). */
@ApplicationScoped
public class AttributeGroupKind extends CatalogKind<AttributeGroup> {

  @Inject Usages usages;

  public AttributeGroupKind() {
    super("attribute_group", AttributeGroup.class);
  }

  @Override
  protected AttributeGroup create(String parent, String code) {
    return new AttributeGroup(code);
  }

  @Override
  public JsonObject toJson(AttributeGroup group) {
    List<String> attributes =
        em.createQuery(
                "SELECT a.code FROM Attribute a WHERE a.group = :group ORDER BY a.sortOrder, a.code",
                String.class)
            .setParameter("group", group.code())
            .getResultList();
    return tail(
            head(group)
                .add("sort_order", group.sortOrder())
                .add("disabled_quality_rules", Jsonp.arrayBuilder(group.disabledQualityRules()))
                .add("attributes", Jsonp.arrayBuilder(attributes)),
            group)
        .build();
  }

  @Override
  protected void read(JsonInput in, AttributeGroup group, Edit edit) {
    in.requiredString("code");
    Integer sortOrder = in.integer("sort_order");
    Map<String, String> labels = in.labels("labels");
    List<String> disabled = disabledRules(in);
    in.rejectUnknown("an attribute group", "attributes", "created", "updated");
    if (in.violations().isEmpty()) {
      group.setSortOrder(sortOrder == null ? 0 : sortOrder);
      group.setLabels(labels);
      group.setDisabledQualityRules(disabled);
    }
  }

  private static List<String> disabledRules(JsonInput in) {
    String field = "disabled_quality_rules";
    JsonArray listed = in.array(field);
    List<String> rules = new ArrayList<>();
    if (listed == null) {
      return rules;
    }
    for (int i = 0; i < listed.size(); i++) {
      JsonValue item = listed.get(i);
      String code = item instanceof JsonString s ? s.getString() : null;
      if (code == null || QualityRule.fromCode(code).isEmpty()) {
        in.invalid(
            field + "[" + i + "]",
            (code == null ? "must be a rule code" : "'" + code + "' is not a data quality rule")
                + "; use "
                + QualityRule.codes()
                + ".");
      } else {
        rules.add(code);
      }
    }
    return rules;
  }

  @Override
  protected String undeletable(AttributeGroup group) {
    return AttributeGroup.DEFAULT.equals(group.code())
        ? "The attribute group 'other' cannot be deleted: attributes without a group go there."
        : null;
  }

  @Override
  protected List<Usage> usages(AttributeGroup group) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "attributes",
        "SELECT code FROM attribute WHERE group_code = ?1 ORDER BY code",
        group.code());
    return found;
  }
}
