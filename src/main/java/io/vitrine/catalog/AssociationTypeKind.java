package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Association types. A type's direction and quantities cannot change while links of that type
 * exist: existing links would be half two-way, or lack their quantities.
 */
@ApplicationScoped
public class AssociationTypeKind extends CatalogKind<AssociationType> {

  @Inject Usages usages;

  public AssociationTypeKind() {
    super("association_type", AssociationType.class);
  }

  @Override
  protected AssociationType create(String parent, String code) {
    return new AssociationType(code);
  }

  @Override
  public JsonObject toJson(AssociationType type) {
    return tail(head(type).add("two_way", type.twoWay()).add("quantified", type.quantified()), type)
        .build();
  }

  @Override
  protected void read(JsonInput in, AssociationType type, Edit edit) {
    in.requiredString("code");
    var labels = in.labels("labels");
    boolean twoWay = in.bool("two_way", false);
    boolean quantified = in.bool("quantified", false);
    if (twoWay && quantified) {
      in.invalid(
          "two_way",
          "a quantified association cannot be two-way: \"a pack holds 2 of x\" does not make x hold"
              + " the pack.");
    }
    in.rejectUnknown("an association type", "created", "updated");
    if (!in.violations().isEmpty()) {
      return;
    }
    if (!edit.isNew() && (type.twoWay() != twoWay || type.quantified() != quantified)) {
      List<Usage> links = links(type);
      if (!links.isEmpty()) {
        edit.refuse(
            "The association type '"
                + type.code()
                + "' cannot change two_way or quantified while links of this type exist: "
                + Usage.describeAll(links)
                + ". Remove those links first, or create a new association type.",
            links);
        return;
      }
    }
    type.setLabels(labels);
    type.define(twoWay, quantified);
  }

  @Override
  protected List<Usage> usages(AssociationType type) {
    return links(type);
  }

  private List<Usage> links(AssociationType type) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "products with links of this type",
        "SELECT DISTINCT p.identifier FROM association a JOIN product p ON p.id = a.owner_product_id"
            + " WHERE a.type_code = ?1 ORDER BY p.identifier",
        type.code());
    usages.collect(
        found,
        "product models with links of this type",
        "SELECT DISTINCT m.code FROM association a JOIN product_model m ON m.id = a.owner_model_id"
            + " WHERE a.type_code = ?1 ORDER BY m.code",
        type.code());
    return found;
  }
}
