package io.vitrine.completeness;

import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.quality.Issue;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * Completeness and data quality as products show them, in Akeneo's {@code completenesses} and
 * {@code quality_scores} shapes ({@code scope}, {@code locale}, {@code data} the ratio or the
 * grade), plus what a merchandiser needs next: how many values are required and which attributes
 * are missing; the score and the problems found.
 */
public final class CompletenessJson {

  private CompletenessJson() {}

  public static JsonArray of(List<Slot> slots) {
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    for (Slot slot : slots) {
      array.add(
          Jsonp.objectBuilder()
              .add("scope", slot.channel())
              .add("locale", slot.locale())
              .add("data", slot.ratio())
              .add("required", slot.required())
              .add("missing", Jsonp.arrayBuilder(slot.missing())));
    }
    return array.build();
  }

  public static JsonArray qualityScores(List<Slot> slots) {
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    for (Slot slot : slots) {
      array.add(
          Jsonp.objectBuilder()
              .add("scope", slot.channel())
              .add("locale", slot.locale())
              .add("data", slot.grade().name())
              .add("score", slot.score())
              .add("issues", Issue.toJson(slot.issues())));
    }
    return array.build();
  }
}
