package io.vitrine.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonMergePatch;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;

/**
 * JSON-P through one provider found once. {@code jakarta.json.Json}'s static methods look the
 * provider up with a ServiceLoader on every call (jsonp-api issue 154), which costs more than the
 * JSON work itself on the product write path.
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonProvider provider() {
    return PROVIDER;
  }

  public static JsonObjectBuilder objectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder objectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder arrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder arrayBuilder(Collection<?> values) {
    return PROVIDER.createArrayBuilder(values);
  }

  /** Adds {@code value} (a text or a whole number) as {@code field}, or null when there is none. */
  public static JsonObjectBuilder addOrNull(JsonObjectBuilder json, String field, Object value) {
    if (value == null) {
      return json.addNull(field);
    }
    if (value instanceof Integer number) {
      return json.add(field, number);
    }
    if (value instanceof Long number) {
      return json.add(field, number);
    }
    return json.add(field, value.toString());
  }

  public static JsonString value(String text) {
    return PROVIDER.createValue(text);
  }

  public static JsonValue value(BigDecimal number) {
    return PROVIDER.createValue(number);
  }

  public static JsonValue value(BigInteger number) {
    return PROVIDER.createValue(number);
  }

  public static JsonReader reader(Reader source) {
    return PROVIDER.createReader(source);
  }

  public static JsonReader reader(InputStream source) {
    return PROVIDER.createReader(source);
  }

  public static JsonMergePatch mergePatch(JsonValue patch) {
    return PROVIDER.createMergePatch(patch);
  }
}
