package io.vitrine.completeness;

import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * Completeness as products show it: Akeneo's {@code completenesses} shape ({@code scope}, {@code
 * locale}, {@code data} the ratio), plus what a merchandiser needs next: how many values are
 * required and which attributes are missing.
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
}
