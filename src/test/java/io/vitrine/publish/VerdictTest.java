package io.vitrine.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Eligibility;
import io.vitrine.catalog.TestCatalogs;
import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.quality.Issue;
import io.vitrine.quality.QualityRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each eligibility rule, passed and failed, with the reason a merchandiser reads. */
class VerdictTest {

  private static Channel marketplace(Eligibility eligibility) {
    return TestCatalogs.eligibility(
        TestCatalogs.channel(
            "marketplace", List.of("en_US", "fr_FR"), List.of("EUR"), "master", Map.of()),
        eligibility);
  }

  private static final Issue BAD_EAN =
      new Issue(QualityRule.GTIN_CHECK_DIGIT, "ean", "ean \"1\" is not a GTIN.");

  private static Verdict.Facts product(boolean enabled, Set<String> categories, List<Slot> slots) {
    return new Verdict.Facts(
        "TEE-1", enabled, categories, Map.of("tees", "master", "sale", "outlet"), slots);
  }

  private static List<Slot> slots(int frRequired, List<String> frMissing, List<Issue> frIssues) {
    return List.of(
        new Slot("marketplace", "en_US", 4, List.of(), List.of()),
        new Slot("marketplace", "fr_FR", frRequired, frMissing, frIssues),
        new Slot("ecommerce", "en_US", 4, List.of("name", "price"), List.of()));
  }

  private static List<String> checks(Verdict verdict) {
    return verdict.checks().stream()
        .map(c -> c.rule() + (c.passed() ? " ok: " : " KO: ") + c.reason())
        .toList();
  }

  @Test
  void aCompleteEnabledProductInTheTreeIsIn() {
    Verdict verdict =
        Verdict.of(
            marketplace(Eligibility.standard()),
            product(true, Set.of("tees", "sale"), slots(4, List.of(), List.of())));
    assertEquals(true, verdict.eligible());
    assertEquals(
        List.of(
            "enabled ok: The product is enabled.",
            "category_tree ok: Classified in the tree master: tees.",
            "completeness ok: The channel wants products at least 100 % complete on every locale;"
                + " met.",
            "quality ok: The channel asks for no data quality grade."),
        checks(verdict));
  }

  @Test
  void eachFailedRuleSaysWhy() {
    Verdict verdict =
        Verdict.of(
            marketplace(new Eligibility(true, true, 100, "B", true)),
            product(
                false,
                Set.of("sale"),
                slots(4, List.of("description", "weight"), List.of(BAD_EAN))));
    assertEquals(false, verdict.eligible());
    assertEquals(
        List.of(
            "enabled KO: The product is disabled.",
            "category_tree KO: Not classified in the channel's tree master (its categories:"
                + " sale).",
            "completeness KO: The channel wants products at least 100 % complete on every"
                + " locale. fr_FR: 50 %, missing description, weight.",
            "quality KO: The channel wants grade B or better on every locale. fr_FR: C (ean \"1\""
                + " is not a GTIN.)."),
        checks(verdict));
  }

  @Test
  void onAnyLocaleOneGoodLocaleIsEnoughAndRulesCanBeOff() {
    Verdict verdict =
        Verdict.of(
            marketplace(new Eligibility(false, false, 80, "B", false)),
            product(false, Set.of(), slots(4, List.of("description", "weight"), List.of(BAD_EAN))));
    assertEquals(true, verdict.eligible(), checks(verdict).toString());
    assertEquals(
        "category_tree ok: The channel publishes products outside its tree too.",
        checks(verdict).get(1));
  }

  @Test
  void aProductWithoutFamilyHasNoCompleteness() {
    Verdict verdict =
        Verdict.of(marketplace(Eligibility.standard()), product(true, Set.of("tees"), List.of()));
    assertEquals(
        "completeness KO: The channel wants products at least 100 % complete on every locale."
            + " en_US: no completeness (the product has no family); fr_FR: no completeness (the"
            + " product has no family).",
        checks(verdict).get(2));
    // A threshold of 0 lets it in.
    assertEquals(
        true,
        Verdict.of(
                marketplace(new Eligibility(true, true, 0, null, true)),
                product(true, Set.of("tees"), List.of()))
            .eligible());
  }
}
