package io.vitrine.publish.export;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Reads the fields of a resolved product (what {@link io.vitrine.publish.ChannelView} gives) as
 * text, in one locale and one currency: what flat formats (CSV, XLSX, Google Merchant) write.
 * Options read as their label (else their code), assets as their address, lists as their items
 * joined by ", ", metrics as "amount UNIT", prices as the amount in the currency.
 */
public final class ProductFields {

  /** The product fields, besides attributes. */
  public static final List<String> FIELDS =
      List.of("identifier", "family", "parent", "item_group", "categories", "enabled");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private final CatalogSnapshot schema;
  private final String locale;
  private final String currency;

  public ProductFields(CatalogSnapshot schema, String locale, String currency) {
    this.schema = schema;
    this.locale = locale;
    this.currency = currency;
  }

  public String locale() {
    return locale;
  }

  public String currency() {
    return currency;
  }

  /** The field codes the placeholders of {@code template} name, in order. */
  public static List<String> placeholders(String template) {
    List<String> codes = new ArrayList<>();
    Matcher placeholder = PLACEHOLDER.matcher(template);
    while (placeholder.find()) {
      codes.add(placeholder.group(1));
    }
    return codes;
  }

  /** What a reader sees of rich text: without tags, whitespace collapsed. */
  public static String plainText(String html) {
    return Jsoup.parse(html).text();
  }

  /** The text of {@code source} for {@code product}; null when it has none. */
  public String text(JsonObject product, FieldSource source) {
    if (source instanceof FieldSource.Constant constant) {
      return constant.value();
    }
    if (source instanceof FieldSource.Field field) {
      return text(product, field.code());
    }
    return fill(product, ((FieldSource.Template) source).template());
  }

  /** The items of {@code source} (an asset collection, a multi-select, categories), in order. */
  public List<String> items(JsonObject product, FieldSource source) {
    if (!(source instanceof FieldSource.Field field)) {
      String one = text(product, source);
      return one == null ? List.of() : List.of(one);
    }
    JsonValue value =
        field.code().equals("categories")
            ? product.getJsonArray("categories")
            : FIELDS.contains(field.code())
                ? product.get(field.code())
                : value(product, field.code());
    if (field.code().equals("item_group") || field.code().equals("enabled")) {
      String one = text(product, field.code());
      return one == null ? List.of() : List.of(one);
    }
    List<String> items = new ArrayList<>();
    if (value instanceof JsonArray list) {
      for (JsonValue item : list) {
        String text = text(item, null);
        if (text != null) {
          items.add(text);
        }
      }
    } else {
      String text = text(value, attribute(field.code()));
      if (text != null) {
        items.add(text);
      }
    }
    return items;
  }

  /** The amount of the price attribute {@code code} in the currency; null without one. */
  public String price(JsonObject product, String code) {
    if (value(product, code) instanceof JsonArray prices) {
      for (JsonValue price : prices) {
        if (price instanceof JsonObject p
            && p.getString("currency", "").equals(currency)
            && p.get("amount") instanceof JsonString amount) {
          return amount.getString();
        }
      }
    }
    return null;
  }

  private String text(JsonObject product, String code) {
    return switch (code) {
      case "identifier", "family", "parent" ->
          product.get(code) instanceof JsonString s ? s.getString() : null;
      case "item_group" -> {
        JsonArray models = product.getJsonArray("models");
        yield models == null || models.isEmpty() ? null : models.getString(0);
      }
      case "categories" -> join(product.getJsonArray("categories"), null);
      case "enabled" -> Boolean.toString(product.getBoolean("enabled", true));
      default -> {
        Attribute attribute = attribute(code);
        if (attribute != null && attribute.type() == AttributeType.PRICE_COLLECTION) {
          yield price(product, code);
        }
        yield text(value(product, code), attribute);
      }
    };
  }

  /**
   * The text of {@code source}, but a simple select's option code rather than its label: for values
   * a format takes from a fixed list (Google's availability, condition).
   */
  public String code(JsonObject product, FieldSource source) {
    if (source instanceof FieldSource.Field field
        && attribute(field.code()) != null
        && attribute(field.code()).type() == AttributeType.SIMPLESELECT
        && value(product, field.code()) instanceof JsonObject option
        && option.get("code") instanceof JsonString code) {
      return code.getString();
    }
    return text(product, source);
  }

  /** The text of attribute {@code code} only, even where a product field has the same name. */
  public String attributeText(JsonObject product, String code) {
    return text(value(product, code), attribute(code));
  }

  /** The template with each placeholder filled; null when one of them has no text. */
  private String fill(JsonObject product, String template) {
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String text = text(product, placeholder.group(1));
      if (text == null) {
        return null;
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(text));
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }

  /** The value of attribute {@code code} in the locale (the only one, when not localizable). */
  public JsonValue value(JsonObject product, String code) {
    JsonObject values = product.getJsonObject("values");
    JsonValue value = values == null ? null : values.get(code);
    Attribute attribute = attribute(code);
    if (attribute != null && attribute.localizable() && value instanceof JsonObject byLocale) {
      return byLocale.get(locale);
    }
    return value;
  }

  private Attribute attribute(String code) {
    return schema.attributes().get(code);
  }

  private String text(JsonValue value, Attribute attribute) {
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((jakarta.json.JsonNumber) value).bigDecimalValue().toPlainString();
      case TRUE, FALSE -> value.toString();
      case ARRAY -> join(value.asJsonArray(), attribute);
      case OBJECT -> {
        JsonObject object = value.asJsonObject();
        if (object.get("url") instanceof JsonString url) {
          yield url.getString(); // an asset: where the channel shows it
        }
        if (object.get("code") instanceof JsonString code) {
          JsonObject labels = object.getJsonObject("labels");
          yield labels != null && labels.get(locale) instanceof JsonString label
              ? label.getString()
              : code.getString();
        }
        if (object.get("amount") instanceof JsonString amount
            && object.get("unit") instanceof JsonString unit) {
          yield amount.getString() + " " + unit.getString();
        }
        yield null;
      }
      default -> null;
    };
  }

  private String join(JsonArray list, Attribute attribute) {
    if (list == null || list.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    list.forEach(
        item -> {
          String text = text(item, attribute);
          if (text != null) {
            parts.add(text);
          }
        });
    return parts.isEmpty() ? null : String.join(", ", parts);
  }
}
