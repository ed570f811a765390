package io.vitrine.platform.json;

import jakarta.json.JsonValue;

/** Names JSON types the way error messages speak of them. */
public final class JsonTypes {

  private JsonTypes() {}

  public static String name(JsonValue value) {
    if (value == null) {
      return "nothing";
    }
    return switch (value.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }

  public static boolean isNull(JsonValue value) {
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }
}
