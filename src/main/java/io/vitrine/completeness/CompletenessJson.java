package io.vitrine.completeness;

import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.quality.Issue;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.function.Function;

/**
 * Completeness and data quality as products show them, in Akeneo's {@code completenesses} and
 * {@code quality_scores} shapes ({@code scope}, {@code locale}, {@code data} the ratio or the
 * grade), plus what a merchandiser needs next: how many values are required and which attributes
 * are missing; the score and the problems found.
 */
public final class CompletenessJson {

  private CompletenessJson() {}

  public static JsonArray of(List<Slot> slots) {
    return each(
        slots,
        slot ->
            Jsonp.objectBuilder()
                .add("data", slot.ratio())
                .add("required", slot.required())
                .add("missing", Jsonp.arrayBuilder(slot.missing())));
  }

  public static JsonArray qualityScores(List<Slot> slots) {
    return each(
        slots,
        slot ->
            Jsonp.objectBuilder()
                .add("data", slot.grade().name())
                .add("score", slot.score())
                .add("issues", Issue.toJson(slot.issues())));
  }

  private static JsonArray each(List<Slot> slots, Function<Slot, JsonObjectBuilder> fields) {
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    for (Slot slot : slots) {
      array.add(
          Jsonp.objectBuilder()
              .add("scope", slot.channel())
              .add("locale", slot.locale())
              .addAll(fields.apply(slot)));
    }
    return array.build();
  }
}
