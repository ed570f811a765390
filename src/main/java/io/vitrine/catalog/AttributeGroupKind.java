package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
                .add("attributes", Jsonp.arrayBuilder(attributes)),
            group)
        .build();
  }

  @Override
  protected void read(JsonInput in, AttributeGroup group, Edit edit) {
    in.requiredString("code");
    Integer sortOrder = in.integer("sort_order");
    Map<String, String> labels = in.labels("labels");
    in.rejectUnknown("an attribute group", "attributes", "created", "updated");
    if (in.violations().isEmpty()) {
      group.setSortOrder(sortOrder == null ? 0 : sortOrder);
      group.setLabels(labels);
    }
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
