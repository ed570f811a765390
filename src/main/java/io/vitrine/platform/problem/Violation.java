package io.vitrine.platform.problem;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;

/**
 * One thing wrong with a request. {@code property} is the attribute code for a product value and
 * the field's path otherwise (for example {@code labels.fr_FR} or {@code units.GRAM.symbol});
 * {@code locale} and {@code scope} say which value of a localizable or scopable attribute is meant.
 */
public record Violation(String property, String locale, String scope, String message) {

  public static Violation of(String property, String message) {
    return new Violation(property, null, null, message);
  }

  public JsonObject toJson() {
    var json = Jsonp.objectBuilder().add("property", property == null ? "" : property);
    if (locale == null) {
      json.addNull("locale");
    } else {
      json.add("locale", locale);
    }
    if (scope == null) {
      json.addNull("scope");
    } else {
      json.add("scope", scope);
    }
    return json.add("message", message).build();
  }
}
