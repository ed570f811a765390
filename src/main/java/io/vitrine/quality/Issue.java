package io.vitrine.quality;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One problem found by {@code rule} in the value of {@code attribute}, said for a merchandiser. */
public record Issue(QualityRule rule, String attribute, String message) {

  /** Issues in the order they are stored and shown: heaviest rule first, then by attribute. */
  public static final Comparator<Issue> ORDER =
      Comparator.comparing(Issue::rule).thenComparing(Issue::attribute);

  /** Up to three of {@code items}, then how many more: "red, navy, sand and 2 more". */
  static String few(List<String> items) {
    return String.join(", ", items.subList(0, Math.min(3, items.size())))
        + (items.size() > 3 ? " and " + (items.size() - 3) + " more" : "");
  }

  /** As products show and the database stores them: {@code [{rule, attribute, message}]}. */
  public static JsonArray toJson(List<Issue> issues) {
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    for (Issue issue : issues) {
      array.add(
          Jsonp.objectBuilder()
              .add("rule", issue.rule().code())
              .add("attribute", issue.attribute())
              .add("message", issue.message()));
    }
    return array.build();
  }

  /** Reads {@link #toJson}; a rule this version does not know is left out. */
  public static List<Issue> fromJson(JsonArray array) {
    List<Issue> issues = new ArrayList<>(array.size());
    for (JsonObject item : array.getValuesAs(JsonObject.class)) {
      QualityRule.fromCode(item.getString("rule", ""))
          .ifPresent(
              rule ->
                  issues.add(
                      new Issue(rule, item.getString("attribute"), item.getString("message"))));
    }
    return issues;
  }
}
