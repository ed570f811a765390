package io.vitrine.publish;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A channel's eligibility rule over HTTP: the verdict per rule, its settings and their errors. */
class EligibilityIT extends VitrineIT {

  private TestCatalog c;

  @BeforeEach
  void catalog() {
    c = TestCatalog.create(api);
  }

  private String product(String identifier, String categories, String frName, String ean) {
    String body =
        "{'identifier':'"
            + identifier
            + "','family':'"
            + c.family
            + "','categories':["
            + categories
            + "],'values':{'"
            + c.name
            + "':[{'locale':'en_US','scope':null,'data':'Crew tee'}"
            + (frName == null ? "" : ",{'locale':'fr_FR','scope':null,'data':'" + frName + "'}")
            + "],'"
            + c.price
            + "':[{'locale':null,'scope':null,'data':[{'amount':'10','currency':'EUR'},"
            + "{'amount':'11','currency':'USD'}]}],'"
            + c.ean
            + "':[{'locale':null,'scope':null,'data':'"
            + ean
            + "'}]}}";
    assertStatus(201, api.post("api/v1/products", json(body)));
    return identifier;
  }

  /** rule → passed, and the verdict. */
  private JsonObject verdict(String identifier) {
    var response = api.get("api/v1/channels/" + c.channel + "/eligibility/" + identifier);
    assertStatus(200, response);
    return response.json();
  }

  private static List<String> rules(JsonObject verdict) {
    return verdict.getJsonArray("rules").stream()
        .map(JsonValue::asJsonObject)
        .map(r -> r.getString("rule") + (r.getBoolean("passed") ? " ok" : " KO"))
        .toList();
  }

  private static String reason(JsonObject verdict, String rule) {
    return verdict.getJsonArray("rules").stream()
        .map(JsonValue::asJsonObject)
        .filter(r -> r.getString("rule").equals(rule))
        .findFirst()
        .orElseThrow()
        .getString("reason");
  }

  @Test
  void theVerdictSaysRuleByRuleWhyAProductIsInOrOut() {
    String in = product(unique("ELG"), "'" + c.leaf + "'", "T-shirt", "4006381333931");
    JsonObject yes = verdict(in);
    assertEquals(true, yes.getBoolean("eligible"), yes.toString());
    assertEquals(
        List.of("enabled ok", "category_tree ok", "completeness ok", "quality ok"), rules(yes));

    String out = product(unique("ELG"), "", null, "0036000291452");
    JsonObject no = verdict(out);
    assertEquals(false, no.getBoolean("eligible"));
    assertEquals(
        List.of("enabled ok", "category_tree KO", "completeness KO", "quality ok"), rules(no));
    assertEquals(
        "Not classified in the channel's tree " + c.tree + ": the product has no category.",
        reason(no, "category_tree"));
    assertEquals(
        "The channel wants products at least 100 % complete on every locale. fr_FR: 75 %, missing "
            + c.name
            + ".",
        reason(no, "completeness"));

    // The channel takes products outside its tree, 75 % complete on one locale.
    assertStatus(
        200,
        api.patch(
            "api/v1/channels/" + c.channel,
            json(
                "{'eligibility':{'in_category_tree':false,'min_completeness':75,'locales':'any'}}")));
    JsonObject now = verdict(out);
    assertEquals(true, now.getBoolean("eligible"), now.toString());
    JsonObject eligibility =
        api.get("api/v1/channels/" + c.channel).json().getJsonObject("eligibility");
    assertEquals(
        json(
            "{'enabled_only':true,'in_category_tree':false,'min_completeness':75,'locales':'any',"
                + "'min_quality_grade':null}"),
        eligibility.toString());

    // Disabled now: out again, whatever else.
    assertStatus(200, api.patch("api/v1/products/" + out, json("{'enabled':false}")));
    assertEquals("The product is disabled.", reason(verdict(out), "enabled"));
    assertEquals(false, verdict(out).getBoolean("eligible"));
  }

  @Test
  void badRulesAreNamedAndNothingIsStored() {
    assertViolation(
        api.patch("api/v1/channels/" + c.channel, json("{'eligibility':{'min_completeness':101}}")),
        "eligibility.min_completeness",
        "from 0 to 100");
    assertViolation(
        api.patch(
            "api/v1/channels/" + c.channel, json("{'eligibility':{'min_quality_grade':'F'}}")),
        "eligibility.min_quality_grade",
        "A, B, C, D or E");
    assertViolation(
        api.patch("api/v1/channels/" + c.channel, json("{'eligibility':{'locales':'some'}}")),
        "eligibility.locales",
        "all");
    assertViolation(
        api.patch("api/v1/channels/" + c.channel, json("{'eligibility':{'stock':true}}")),
        "eligibility.stock",
        "is not a field");
    assertEquals(
        100,
        api.get("api/v1/channels/" + c.channel)
            .json()
            .getJsonObject("eligibility")
            .getInt("min_completeness"));
    assertProblem(
        404, "not-found", api.get("api/v1/channels/" + c.channel + "/eligibility/NOPE-404"));
    assertProblem(404, "not-found", api.get("api/v1/channels/nope/eligibility/NOPE-404"));
  }
}
