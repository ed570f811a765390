package io.vitrine.platform.json;

import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the fields of a JSON object into Java values, recording a violation for every field that
 * has the wrong type or form instead of stopping at the first, and remembering which fields were
 * read so that {@link #rejectUnknown} can name the ones nobody asked for. A field that is absent or
 * {@code null} reads as absent.
 */
public final class JsonInput {

  public static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,100}");
  public static final Pattern LOCALE_CODE = Pattern.compile("[a-z]{2,3}_[A-Z]{2}");
  public static final int MAX_LABEL_LENGTH = 255;

  /** The most codes a list field (categories, locales, attributes, …) may hold. */
  public static final int MAX_CODES = 1000;

  private final JsonObject json;
  private final Violations violations;
  private final String prefix;
  private final Set<String> read = new LinkedHashSet<>();

  public JsonInput(JsonObject json, Violations violations) {
    this(json, violations, "");
  }

  private JsonInput(JsonObject json, Violations violations, String prefix) {
    this.json = json;
    this.violations = violations;
    this.prefix = prefix;
  }

  /** Reads an object found inside this one; its violations name {@code field.inner}. */
  public JsonInput nested(String field, JsonObject inner) {
    return new JsonInput(inner, violations, path(field) + ".");
  }

  public String path(String field) {
    return prefix + field;
  }

  public Violations violations() {
    return violations;
  }

  public void invalid(String field, String message) {
    violations.add(path(field), message);
  }

  /** True when the field is present and not null. */
  public boolean has(String field) {
    read.add(field);
    return !JsonTypes.isNull(json.get(field));
  }

  /** The raw value, or null when absent or null. */
  public JsonValue value(String field) {
    return has(field) ? json.get(field) : null;
  }

  public String string(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != ValueType.STRING) {
      invalid(field, "must be a string, not " + JsonTypes.name(value) + ".");
      return null;
    }
    return ((JsonString) value).getString();
  }

  public String requiredString(String field) {
    if (!has(field)) {
      invalid(field, "is required.");
      return null;
    }
    String text = string(field);
    if (text != null && text.isBlank()) {
      invalid(field, "must not be empty.");
      return null;
    }
    return text;
  }

  /** An optional code: letters, digits and underscores, at most 100 characters. */
  public String code(String field) {
    String text = string(field);
    if (text != null && !CODE.matcher(text).matches()) {
      invalid(field, codeMessage(text));
      return null;
    }
    return text;
  }

  public String requiredCode(String field) {
    if (!has(field)) {
      invalid(field, "is required.");
      return null;
    }
    return code(field);
  }

  public static String codeMessage(String text) {
    return text.isEmpty()
        ? "must not be empty."
        : text.length() > 100
            ? "must be at most 100 characters long."
            : "may contain only letters, digits and underscores ('" + text + "' does not).";
  }

  public Boolean bool(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return null;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    if (value.getValueType() == ValueType.TRUE) {
      return true;
    }
    if (value.getValueType() == ValueType.FALSE) {
      return false;
    }
    invalid(field, "must be true or false, not " + JsonTypes.name(value) + ".");
    return null;
  }

  public boolean bool(String field, boolean fallback) {
    Boolean value = bool(field);
    return value == null ? fallback : value;
  }

  public Integer integer(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonNumber number)) {
      invalid(field, "must be a whole number, not " + JsonTypes.name(value) + ".");
      return null;
    }
    if (Decimals.isTooLong(number)) {
      invalid(field, "is too large: at most " + Integer.MAX_VALUE + ".");
      return null;
    }
    // 1e2 and 5.0 are whole numbers too, though JSON-P does not call them integral.
    java.math.BigDecimal decimal = number.bigDecimalValue().stripTrailingZeros();
    if (decimal.scale() > 0) {
      invalid(field, "must be a whole number, not " + number + ".");
      return null;
    }
    try {
      return decimal.intValueExact();
    } catch (ArithmeticException e) {
      invalid(field, "is too large: at most " + Integer.MAX_VALUE + ".");
      return null;
    }
  }

  /** A decimal given as a JSON number or as a string such as "12.50". */
  public BigDecimal decimal(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return null;
    }
    if (Decimals.isTooLong(value)) {
      invalid(field, "is too long: at most " + Decimals.MAX_LENGTH + " characters.");
      return null;
    }
    BigDecimal decimal = Decimals.parse(value);
    if (decimal == null) {
      invalid(field, "must be a number, not " + JsonTypes.name(value) + ".");
    }
    return decimal;
  }

  /** A date as YYYY-MM-DD. */
  public LocalDate date(String field) {
    String text = string(field);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      invalid(field, "must be a date written YYYY-MM-DD ('" + text + "' is not).");
      return null;
    }
  }

  public JsonObject object(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != ValueType.OBJECT) {
      invalid(field, "must be an object, not " + JsonTypes.name(value) + ".");
      return null;
    }
    return value.asJsonObject();
  }

  public JsonArray array(String field) {
    JsonValue value = value(field);
    if (value == null) {
      return null;
    }
    if (value.getValueType() != ValueType.ARRAY) {
      invalid(field, "must be a list, not " + JsonTypes.name(value) + ".");
      return null;
    }
    return value.asJsonArray();
  }

  /** A list of distinct codes, or null when absent. */
  public List<String> codes(String field) {
    JsonArray array = array(field);
    if (array == null) {
      return null;
    }
    if (array.size() > MAX_CODES) {
      invalid(field, "lists " + array.size() + " codes; at most " + MAX_CODES + " are allowed.");
      return null;
    }
    List<String> codes = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (int i = 0; i < array.size(); i++) {
      JsonValue item = array.get(i);
      String where = field + "[" + i + "]";
      if (item.getValueType() != ValueType.STRING) {
        invalid(where, "must be a code (a string), not " + JsonTypes.name(item) + ".");
        continue;
      }
      String code = ((JsonString) item).getString();
      if (!CODE.matcher(code).matches()) {
        invalid(where, codeMessage(code));
      } else if (!seen.add(code)) {
        invalid(where, "'" + code + "' is listed twice.");
      } else {
        codes.add(code);
      }
    }
    return codes;
  }

  /** Labels per locale: {"en_US": "Shoes", "fr_FR": "Chaussures"}. Empty when absent. */
  public Map<String, String> labels(String field) {
    JsonObject object = object(field);
    Map<String, String> labels = new LinkedHashMap<>();
    if (object == null) {
      return labels;
    }
    object.forEach(
        (locale, label) -> {
          String where = field + "." + locale;
          if (!LOCALE_CODE.matcher(locale).matches()) {
            invalid(where, "'" + locale + "' is not a locale code such as en_US.");
          } else if (JsonTypes.isNull(label)) {
            // null removes a label (merge-patch semantics)
          } else if (label.getValueType() != ValueType.STRING) {
            invalid(where, "must be a string, not " + JsonTypes.name(label) + ".");
          } else {
            String text = ((JsonString) label).getString().strip();
            if (text.length() > MAX_LABEL_LENGTH) {
              invalid(where, "must be at most " + MAX_LABEL_LENGTH + " characters long.");
            } else if (!text.isEmpty()) {
              labels.put(locale, text);
            }
          }
        });
    return labels;
  }

  /**
   * Records a violation for every field present that was never read, except {@code ignored} ones
   * (read-only fields a client may send back unchanged, such as {@code created}).
   */
  public void rejectUnknown(String kind, String... ignored) {
    Set<String> allowed = new TreeSet<>(read);
    allowed.addAll(List.of(ignored));
    for (String field : json.keySet()) {
      if (!allowed.contains(field)) {
        invalid(
            field,
            "is not a field of " + kind + "; known fields are " + String.join(", ", read) + ".");
      }
    }
  }
}
