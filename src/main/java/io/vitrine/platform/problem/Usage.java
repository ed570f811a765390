package io.vitrine.platform.problem;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Something that still uses the resource a request wants to delete or change: for example 3
 * families, or 1,204 products of which a few are named.
 */
public record Usage(String kind, long count, List<String> examples) {

  public static final int EXAMPLES = 10;

  public JsonObject toJson() {
    return Jsonp.objectBuilder()
        .add("kind", kind)
        .add("count", count)
        .add("examples", Jsonp.arrayBuilder(examples))
        .build();
  }

  /** Several usages as one sentence part: "3 families (…); 12 products (…)". */
  public static String describeAll(java.util.List<Usage> usages) {
    return String.join("; ", usages.stream().map(Usage::describe).toList());
  }

  /** "3 families (apparel, footwear, home)" or "1204 products (a, b, … and 1194 more)". */
  public String describe() {
    var text = new StringBuilder().append(count).append(' ').append(kind);
    if (!examples.isEmpty()) {
      text.append(" (").append(String.join(", ", examples));
      if (count > examples.size()) {
        text.append(" and ").append(count - examples.size()).append(" more");
      }
      text.append(')');
    }
    return text.toString();
  }
}
