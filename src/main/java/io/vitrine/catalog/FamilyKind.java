package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.JsonTypes;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Families. The identifier attribute belongs to every family and is required on every channel
 * without being listed. An attribute leaves a family only when no product of the family has a value
 * for it.
 */
@ApplicationScoped
public class FamilyKind extends CatalogKind<Family> {

  @Inject Usages usages;

  public FamilyKind() {
    super("family", Family.class);
  }

  @Override
  protected Family create(String parent, String code) {
    return new Family(code);
  }

  @Override
  public JsonObject toJson(Family family) {
    String identifier = identifierAttribute().orElse("sku");
    Set<String> attributes = new TreeSet<>(family.attributes());
    attributes.add(identifier);
    Map<String, Set<String>> required = new TreeMap<>();
    for (String channel :
        em.createQuery("SELECT c.code FROM Channel c", String.class).getResultList()) {
      required.put(channel, new TreeSet<>(Set.of(identifier)));
    }
    family
        .requirements()
        .forEach(
            r -> required.computeIfAbsent(r.channel(), c -> new TreeSet<>()).add(r.attribute()));
    var requirements = Jsonp.objectBuilder();
    required.forEach((channel, codes) -> requirements.add(channel, Jsonp.arrayBuilder(codes)));
    var json = head(family).add("attributes", Jsonp.arrayBuilder(attributes));
    json.add(
        "attribute_as_label",
        family.attributeAsLabel() == null ? identifier : family.attributeAsLabel());
    if (family.attributeAsImage() == null) {
      json.addNull("attribute_as_image");
    } else {
      json.add("attribute_as_image", family.attributeAsImage());
    }
    return tail(json.add("attribute_requirements", requirements), family).build();
  }

  @Override
  protected void read(JsonInput in, Family family, Edit edit) {
    in.requiredString("code");
    Map<String, String> labels = in.labels("labels");
    String identifier = identifierAttribute().orElse("sku");
    List<String> listed = in.codes("attributes");
    listed = listed == null ? List.of() : listed;
    requireExisting(in, "attributes", listed, Attribute.class, "attribute");
    Set<String> attributes = new TreeSet<>(listed);
    attributes.remove(identifier);

    String asLabel = in.code("attribute_as_label");
    if (asLabel != null && !asLabel.equals(identifier)) {
      checkMember(in, "attribute_as_label", asLabel, attributes, Set.of(AttributeType.TEXT));
    }
    String asImage = in.code("attribute_as_image");
    if (asImage != null) {
      checkMember(
          in, "attribute_as_image", asImage, attributes, Set.of(AttributeType.ASSET_COLLECTION));
    }
    Set<Family.Requirement> requirements = requirements(in, attributes, identifier);
    in.rejectUnknown("a family", "created", "updated");
    if (!in.violations().isEmpty()) {
      return;
    }
    if (!edit.isNew()) {
      refuseRemovingUsedAttributes(family, attributes, edit);
    }
    family.setLabels(labels);
    family.define(
        attributes,
        requirements,
        asLabel == null || asLabel.equals(identifier) ? null : asLabel,
        asImage);
  }

  private void checkMember(
      JsonInput in, String field, String code, Set<String> attributes, Set<AttributeType> types) {
    if (!attributes.contains(code)) {
      in.invalid(field, "'" + code + "' must be one of the family's attributes.");
      return;
    }
    Attribute attribute = em.find(Attribute.class, code);
    if (attribute != null && !types.contains(attribute.type())) {
      in.invalid(
          field,
          "'"
              + code
              + "' is a "
              + attribute.type().code()
              + " attribute; it must be "
              + describe(types)
              + ".");
    } else if (attribute != null && field.equals("attribute_as_label") && attribute.scopable()) {
      in.invalid(field, "'" + code + "' differs per channel; a product's label must not.");
    }
  }

  private static String describe(Set<AttributeType> types) {
    return types.stream()
        .map(AttributeType::code)
        .sorted()
        .reduce((a, b) -> a + " or " + b)
        .orElse("");
  }

  private Set<Family.Requirement> requirements(
      JsonInput in, Set<String> attributes, String identifier) {
    Set<Family.Requirement> requirements = new HashSet<>();
    JsonObject object = in.object("attribute_requirements");
    if (object == null) {
      return requirements;
    }
    JsonInput byChannel = in.nested("attribute_requirements", object);
    for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
      String channel = entry.getKey();
      if (JsonTypes.isNull(entry.getValue())) {
        continue;
      }
      if (em.find(Channel.class, channel) == null) {
        byChannel.invalid(channel, "there is no channel '" + channel + "'.");
        continue;
      }
      List<String> codes = byChannel.codes(channel);
      if (codes == null) {
        continue;
      }
      for (int i = 0; i < codes.size(); i++) {
        String code = codes.get(i);
        if (code.equals(identifier)) {
          continue;
        }
        if (!attributes.contains(code)) {
          byChannel.invalid(
              channel + "[" + i + "]",
              "'" + code + "' is not an attribute of this family; add it to attributes first.");
        } else {
          requirements.add(new Family.Requirement(channel, code));
        }
      }
    }
    return requirements;
  }

  private void refuseRemovingUsedAttributes(Family family, Set<String> kept, Edit edit) {
    Set<String> removed = new TreeSet<>(family.attributes());
    removed.removeAll(kept);
    List<Usage> blocked = new ArrayList<>();
    for (String attribute : removed) {
      usages.collect(
          blocked,
          "products with values for " + attribute,
          "SELECT p.identifier FROM product_attribute u JOIN product p ON p.id = u.product_id"
              + " WHERE u.attribute_code = ?1 AND p.family_code = ?2 ORDER BY p.identifier",
          attribute,
          family.code());
      usages.collect(
          blocked,
          "product models with values for " + attribute,
          "SELECT m.code FROM product_model_attribute u JOIN product_model m ON m.id = u.model_id"
              + " WHERE u.attribute_code = ?1 AND m.family_code = ?2 ORDER BY m.code",
          attribute,
          family.code());
      List<String> variants =
          em
              .createQuery(
                  "SELECT v FROM FamilyVariant v WHERE v.family = :family ORDER BY v.code",
                  FamilyVariant.class)
              .setParameter("family", family.code())
              .getResultList()
              .stream()
              .filter(v -> v.listedLevel(attribute).isPresent())
              .map(FamilyVariant::code)
              .toList();
      if (!variants.isEmpty()) {
        blocked.add(
            new Usage(
                "family variants placing " + attribute,
                variants.size(),
                variants.stream().limit(Usage.EXAMPLES).toList()));
      }
    }
    if (!blocked.isEmpty()) {
      edit.refuse(
          "Attributes cannot leave the family '"
              + family.code()
              + "' while values or family variants use them: "
              + Usage.describeAll(blocked)
              + ". Clear those values or change those family variants first.",
          blocked);
    }
  }

  @Override
  protected List<Usage> usages(Family family) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "products",
        "SELECT identifier FROM product WHERE family_code = ?1 ORDER BY identifier",
        family.code());
    usages.collect(
        found,
        "family variants",
        "SELECT code FROM family_variant WHERE family_code = ?1 ORDER BY code",
        family.code());
    return found;
  }
}
