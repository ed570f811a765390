package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Options of a simple or multi select attribute, under {@code /attributes/{code}/options}. Two
 * options of one attribute may not differ only in case: product values match codes without case.
 */
@ApplicationScoped
public class AttributeOptionKind extends CatalogKind<AttributeOption> {

  @Inject Usages usages;

  public AttributeOptionKind() {
    super("attribute_option", AttributeOption.class);
  }

  @Override
  public String label() {
    return "option";
  }

  @Override
  public void checkParent(String attributeCode) {
    Attribute attribute = em.find(Attribute.class, attributeCode);
    if (attribute == null) {
      throw new ProblemException(Problem.notFound("attribute", attributeCode));
    }
    if (!attribute.type().hasOptions()) {
      throw new ProblemException(
          Problem.of(
              "not-found",
              "Not found",
              404,
              "'"
                  + attributeCode
                  + "' is a "
                  + attribute.type().code()
                  + " attribute; only simpleselect and multiselect attributes have options."));
    }
  }

  @Override
  protected Object primaryKey(String attribute, String code) {
    return new AttributeOption.Key(attribute, code);
  }

  @Override
  protected AttributeOption create(String attribute, String code) {
    return new AttributeOption(attribute, code);
  }

  @Override
  public JsonObject toJson(AttributeOption option) {
    return tail(
            head(option).add("attribute", option.attribute()).add("sort_order", option.sortOrder()),
            option)
        .build();
  }

  @Override
  protected void read(JsonInput in, AttributeOption option, Edit edit) {
    in.requiredString("code");
    String attribute = in.string("attribute");
    if (attribute != null && !attribute.equals(option.attribute())) {
      in.invalid(
          "attribute", "must be '" + option.attribute() + "', the attribute in the address.");
    }
    Integer sortOrder = in.integer("sort_order");
    Map<String, String> labels = in.labels("labels");
    in.rejectUnknown("an option", "created", "updated");
    if (edit.isNew()) {
      List<String> lookalikes =
          em.createQuery(
                  "SELECT o.code FROM AttributeOption o WHERE o.attribute = :attribute AND LOWER(o.code) = :code",
                  String.class)
              .setParameter("attribute", option.attribute())
              .setParameter("code", option.code().toLowerCase(Locale.ROOT))
              .getResultList();
      if (!lookalikes.isEmpty()) {
        in.invalid(
            "code",
            "'"
                + option.code()
                + "' differs only in case from the existing option '"
                + lookalikes.get(0)
                + "'.");
      }
    }
    if (in.violations().isEmpty()) {
      option.setSortOrder(sortOrder == null ? 0 : sortOrder);
      option.setLabels(labels);
    }
  }

  @Override
  protected List<Usage> usages(AttributeOption option) {
    return usages.holders(
        "",
        "option",
        "u.attribute_code = ?1 AND u.option_code = ?2",
        option.attribute(),
        option.code());
  }

  @Override
  protected TypedQuery<AttributeOption> page(
      String attribute, String after, MultivaluedMap<String, String> filters) {
    var query =
        em.createQuery(
            "SELECT o FROM AttributeOption o WHERE o.attribute = :attribute"
                + (after == null ? "" : " AND o.code > :after")
                + " ORDER BY o.code",
            AttributeOption.class);
    query.setParameter("attribute", attribute);
    return after == null ? query : query.setParameter("after", after);
  }

  @Override
  protected long count(String attribute, MultivaluedMap<String, String> filters) {
    return em.createQuery(
            "SELECT COUNT(o) FROM AttributeOption o WHERE o.attribute = :attribute", Long.class)
        .setParameter("attribute", attribute)
        .getSingleResult();
  }
}
