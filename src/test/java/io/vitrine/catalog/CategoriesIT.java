package io.vitrine.catalog;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CategoriesIT extends VitrineIT {

  private String create(String code, String parent) {
    var response =
        api.post(
            "api/v1/categories",
            json(
                "{'code':'"
                    + code
                    + "'"
                    + (parent == null ? "" : ",'parent':'" + parent + "'")
                    + ",'labels':{'en_US':'"
                    + code
                    + "'}}"));
    assertStatus(201, response);
    return code;
  }

  private List<String> children(String parent) {
    List<String> codes = new ArrayList<>();
    api
        .get("api/v1/categories?parent=" + parent + "&limit=100")
        .json()
        .getJsonObject("_embedded")
        .getJsonArray("items")
        .stream()
        .map(v -> v.asJsonObject())
        .sorted((a, b) -> Integer.compare(a.getInt("position"), b.getInt("position")))
        .forEach(c -> codes.add(c.getString("code")));
    return codes;
  }

  @Test
  void aTreeIsBuiltThreeLevelsDeepAndSiblingsKeepTheirOrder() {
    String root = create(unique("root"), null);
    String a = create(unique("a"), root);
    String b = create(unique("b"), root);
    String c = create(unique("c"), root);
    String leaf = create(unique("leaf"), a);
    assertEquals(List.of(a, b, c), children(root));
    var moved = api.patch("api/v1/categories/" + c, json("{'position':0}"));
    assertStatus(200, moved);
    assertEquals(List.of(c, a, b), children(root));
    assertEquals(a, api.get("api/v1/categories/" + leaf).json().getString("parent"));
    var roots =
        api.get("api/v1/categories?root=true&limit=100")
            .json()
            .getJsonObject("_embedded")
            .getJsonArray("items");
    assertTrue(roots.stream().allMatch(r -> r.asJsonObject().isNull("parent")));
  }

  @Test
  void aCategoryMovesWithItsSubtreeButNeverIntoIt() {
    String root = create(unique("root"), null);
    String a = create(unique("a"), root);
    String b = create(unique("b"), root);
    String deep = create(unique("deep"), a);
    var cycle = api.patch("api/v1/categories/" + a, json("{'parent':'" + deep + "'}"));
    assertViolation(cycle, "parent", "into its own subtree");
    assertViolation(
        api.patch("api/v1/categories/" + a, json("{'parent':'" + a + "'}")),
        "parent",
        "its own parent");
    assertViolation(
        api.patch("api/v1/categories/" + a, json("{'parent':'no_such_category'}")),
        "parent",
        "no category");
    var moved = api.patch("api/v1/categories/" + a, json("{'parent':'" + b + "','position':0}"));
    assertStatus(200, moved);
    assertEquals(List.of(b), children(root));
    assertEquals(List.of(a), children(b));
    assertEquals(
        a,
        api.get("api/v1/categories/" + deep).json().getString("parent"),
        "the subtree comes along");
  }

  @Test
  void aCategoryWithChildrenOrProductsCannotBeDeleted() {
    String root = create(unique("root"), null);
    String leaf = create(unique("leaf"), root);
    JsonObject problem = assertProblem(409, "in-use", api.delete("api/v1/categories/" + root));
    assertEquals(
        "child categories", problem.getJsonArray("usages").getJsonObject(0).getString("kind"));
    String sku = unique("P");
    assertStatus(
        201,
        api.post(
            "api/v1/products", json("{'identifier':'" + sku + "','categories':['" + leaf + "']}")));
    JsonObject products = assertProblem(409, "in-use", api.delete("api/v1/categories/" + leaf));
    assertTrue(products.getString("detail").contains(sku), products::toString);
    api.patch("api/v1/products/" + sku, json("{'categories':[]}"));
    assertStatus(204, api.delete("api/v1/categories/" + leaf));
    assertStatus(204, api.delete("api/v1/categories/" + root));
  }
}
