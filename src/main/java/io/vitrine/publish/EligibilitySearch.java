package io.vitrine.publish;

import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Eligibility;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.quality.Grade;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;

/**
 * A channel's eligibility rule as a product search (the list grammar), so that feeds walk the
 * channel's products from the index. It says what {@link Verdict} says, product by product.
 */
public final class EligibilitySearch {

  private EligibilitySearch() {}

  public static String of(Channel channel) {
    Eligibility rule = channel.eligibility();
    JsonObjectBuilder search = Jsonp.objectBuilder();
    if (rule.enabledOnly()) {
      search.add(
          "enabled", conditions(Jsonp.objectBuilder().add("operator", "=").add("value", true)));
    }
    if (rule.inTreeOnly()) {
      search.add(
          "categories",
          conditions(
              Jsonp.objectBuilder()
                  .add("operator", "IN CHILDREN")
                  .add("value", Jsonp.arrayBuilder().add(channel.categoryTree()))));
    }
    if (rule.minCompleteness() > 0) {
      search.add(
          "completeness",
          conditions(
              Jsonp.objectBuilder()
                  .add(
                      "operator",
                      rule.allLocales() ? "GREATER OR EQUALS THAN ON ALL LOCALES" : ">=")
                  .add("value", rule.minCompleteness())
                  .add("scope", channel.code())
                  .add("locales", Jsonp.arrayBuilder(channel.locales()))));
    }
    if (rule.minQualityGrade() != null) {
      Grade min = Grade.valueOf(rule.minQualityGrade());
      JsonArray good =
          Jsonp.arrayBuilder(
                  Arrays.stream(Grade.values())
                      .filter(g -> g.compareTo(min) <= 0)
                      .map(Grade::name)
                      .toList())
              .build();
      JsonArrayBuilder grades = Jsonp.arrayBuilder();
      if (rule.allLocales()) {
        // The grade filter holds on one locale of those it names: one condition per locale.
        for (String locale : channel.locales()) {
          grades.add(grade(good, channel).add("locale", locale));
        }
      } else {
        grades.add(grade(good, channel).add("locales", Jsonp.arrayBuilder(channel.locales())));
      }
      search.add("quality_score", grades);
    }
    return search.build().toString();
  }

  private static JsonObjectBuilder grade(JsonArray grades, Channel channel) {
    return Jsonp.objectBuilder()
        .add("operator", "IN")
        .add("value", grades)
        .add("scope", channel.code());
  }

  private static JsonArrayBuilder conditions(JsonObjectBuilder condition) {
    return Jsonp.arrayBuilder().add(condition);
  }
}
