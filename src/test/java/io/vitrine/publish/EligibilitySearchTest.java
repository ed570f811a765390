package io.vitrine.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Eligibility;
import io.vitrine.catalog.TestCatalogs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The eligibility rule said as a product search, rule by rule. */
class EligibilitySearchTest {

  private static Channel shop(Eligibility rule) {
    return TestCatalogs.eligibility(
        TestCatalogs.channel("shop", List.of("en_US", "fr_FR"), List.of("EUR"), "master", Map.of()),
        rule);
  }

  @Test
  void theStandardRule() {
    assertEquals(
        ("{'enabled':[{'operator':'=','value':true}],"
                + "'categories':[{'operator':'IN CHILDREN','value':['master']}],"
                + "'completeness':[{'operator':'GREATER OR EQUALS THAN ON ALL LOCALES','value':100,"
                + "'scope':'shop','locales':['en_US','fr_FR']}]}")
            .replace('\'', '"'),
        EligibilitySearch.of(shop(Eligibility.standard())));
  }

  @Test
  void aGradeOnEveryLocaleIsOneConditionPerLocale() {
    assertEquals(
        ("{'quality_score':[{'operator':'IN','value':['A','B'],'scope':'shop','locale':'en_US'},"
                + "{'operator':'IN','value':['A','B'],'scope':'shop','locale':'fr_FR'}]}")
            .replace('\'', '"'),
        EligibilitySearch.of(shop(new Eligibility(false, false, 0, "B", true))));
    assertEquals(
        ("{'completeness':[{'operator':'>=','value':80,'scope':'shop','locales':['en_US','fr_FR']}],"
                + "'quality_score':[{'operator':'IN','value':['A'],'scope':'shop',"
                + "'locales':['en_US','fr_FR']}]}")
            .replace('\'', '"'),
        EligibilitySearch.of(shop(new Eligibility(false, false, 80, "A", false))));
  }
}
