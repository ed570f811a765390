package io.vitrine.publish.export;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Where an exported field takes its value from: a product field or attribute ({@code "name"}), a
 * constant ({@code {"value": "new"}}) or a template of fields ({@code {"template":
 * "https://shop.example/p/{identifier}"}}).
 */
public sealed interface FieldSource {

  /** A product field ({@code identifier}, {@code family}, …) or an attribute, by code. */
  record Field(String code) implements FieldSource {}

  /** The same text for every product. */
  record Constant(String value) implements FieldSource {}

  /** Text with {@code {code}} placeholders, each replaced by that field's text. */
  record Template(String template) implements FieldSource {}

  /** The source {@code json} writes, as {@link #toJson} does; null when it is none. */
  static FieldSource of(JsonValue json) {
    if (json instanceof JsonString code) {
      return new Field(code.getString());
    }
    if (json instanceof JsonObject object && object.size() == 1) {
      if (object.get("value") instanceof JsonString value) {
        return new Constant(value.getString());
      }
      if (object.get("template") instanceof JsonString template) {
        return new Template(template.getString());
      }
    }
    return null;
  }

  default JsonValue toJson() {
    if (this instanceof Field field) {
      return Jsonp.value(field.code());
    }
    if (this instanceof Constant constant) {
      return Jsonp.objectBuilder().add("value", constant.value()).build();
    }
    return Jsonp.objectBuilder().add("template", ((Template) this).template()).build();
  }
}
