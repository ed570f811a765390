package io.vitrine.catalog;

import static io.vitrine.testing.Api.json;
import static io.vitrine.testing.TestCatalog.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

class FamiliesIT extends VitrineIT {

  @Test
  void theIdentifierBelongsToEveryFamilyAndIsRequiredOnEveryChannel() {
    var catalog = TestCatalog.create(api);
    JsonObject family = api.get("api/v1/families/" + catalog.family).json();
    assertTrue(family.getJsonArray("attributes").toString().contains("\"sku\""));
    JsonObject requirements = family.getJsonObject("attribute_requirements");
    assertEquals(
        json("['" + catalog.ean + "','" + catalog.name + "','" + catalog.price + "','sku']"),
        requirements.getJsonArray(catalog.channel).toString());
    assertEquals(
        json("['sku']"),
        requirements.getJsonArray("ecommerce").toString(),
        "other channels require the identifier");
    assertEquals(catalog.name, family.getString("attribute_as_label"));
    assertEquals(catalog.images, family.getString("attribute_as_image"));
  }

  @Test
  void requirementsLabelAndImageMustComeFromTheFamily() {
    var catalog = TestCatalog.create(api);
    var response =
        api.post(
            "api/v1/families",
            json(
                "{'code':'"
                    + unique("fam")
                    + "','attributes':['"
                    + catalog.name
                    + "','"
                    + catalog.color
                    + "','nope'],"
                    + "'attribute_as_label':'"
                    + catalog.color
                    + "','attribute_as_image':'"
                    + catalog.images
                    + "',"
                    + "'attribute_requirements':{'"
                    + catalog.channel
                    + "':['"
                    + catalog.price
                    + "'],'no_channel':['"
                    + catalog.name
                    + "']}}"));
    assertViolation(response, "attributes[2]", "no attribute 'nope'");
    assertViolation(response, "attribute_as_label", "is a simpleselect attribute");
    assertViolation(response, "attribute_as_image", "must be one of the family's attributes");
    assertViolation(
        response,
        "attribute_requirements." + catalog.channel + "[0]",
        "not an attribute of this family");
    assertViolation(response, "attribute_requirements.no_channel", "no channel 'no_channel'");
  }

  @Test
  void anAttributeLeavesAFamilyOnlyWhenNoProductOfItHasAValue() {
    var catalog = TestCatalog.create(api);
    String sku = unique("P");
    assertStatus(201, api.post("api/v1/products", catalog.productWith(sku, catalog.quantity, "3")));
    JsonObject family = api.get("api/v1/families/" + catalog.family).json();
    var attributes = jakarta.json.Json.createArrayBuilder();
    family.getJsonArray("attributes").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .filter(a -> !a.equals(catalog.quantity) && !a.equals(catalog.organic))
        .forEach(attributes::add);
    var patch =
        jakarta.json.Json.createObjectBuilder().add("attributes", attributes).build().toString();
    JsonObject problem =
        assertProblem(409, "in-use", api.patch("api/v1/families/" + catalog.family, patch));
    assertTrue(
        problem.getString("detail").contains(catalog.quantity)
            && problem.getString("detail").contains(sku),
        problem::toString);
    assertTrue(
        api.get("api/v1/families/" + catalog.family)
            .json()
            .getJsonArray("attributes")
            .toString()
            .contains(catalog.organic),
        "a refused request changes nothing");
    api.patch(
        "api/v1/products/" + sku,
        "{\"values\":{\"" + catalog.quantity + "\":[" + value(null, null, "null") + "]}}");
    assertStatus(200, api.patch("api/v1/families/" + catalog.family, patch));
  }

  @Test
  void aFamilyWithProductsCannotBeDeleted() {
    var catalog = TestCatalog.create(api);
    String sku = unique("P");
    api.post(
        "api/v1/products",
        "{\"identifier\":\"" + sku + "\",\"family\":\"" + catalog.family + "\"}");
    assertProblem(409, "in-use", api.delete("api/v1/families/" + catalog.family));
    assertStatus(204, api.delete("api/v1/products/" + sku));
    assertStatus(204, api.delete("api/v1/families/" + catalog.family));
  }
}
