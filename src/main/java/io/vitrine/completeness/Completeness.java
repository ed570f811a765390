package io.vitrine.completeness;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Family;
import io.vitrine.product.ValueKey;
import io.vitrine.quality.Grade;
import io.vitrine.quality.Issue;
import io.vitrine.quality.OptionLabels;
import io.vitrine.quality.ProductQuality;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How complete a product is in each channel and locale (DESIGN decision 5, the mask approach): the
 * family says which attributes each channel requires (the identifier always); in a channel × locale
 * an attribute is one required value, the one of that locale if it is localizable and of that
 * channel if it is scopable. Missing = required − filled; ratio = floor(100 × filled / required),
 * 100 when nothing is required.
 */
public final class Completeness {

  /**
   * One channel × locale: how many values are required, which attributes still miss one, and the
   * data quality problems of the values there.
   */
  public record Slot(
      String channel, String locale, int required, List<String> missing, List<Issue> issues) {

    public int ratio() {
      return required == 0
          ? 100
          : (int) Math.floorDiv(100L * (required - missing.size()), required);
    }

    /** The data quality score, 0 to 100. */
    public int score() {
      return Grade.score(issues);
    }

    public Grade grade() {
      return Grade.of(score());
    }
  }

  /** Slots by channel, then locale: the order they are stored, shown and compared in. */
  public static final java.util.Comparator<Slot> ORDER =
      java.util.Comparator.comparing(Slot::channel).thenComparing(Slot::locale);

  private Completeness() {}

  /**
   * The product's slots, one per channel and each of its locales, for a product of {@code family}
   * (none without a family) with {@code values} (its own and those it inherits); {@code labels} has
   * the labels of the options it selects.
   */
  public static List<Slot> of(
      String family, Map<ValueKey, JsonValue> values, CatalogSnapshot schema, OptionLabels labels) {
    List<Slot> slots = new ArrayList<>();
    Family f = family == null ? null : schema.families().get(family);
    if (f == null) {
      return slots;
    }
    Map<String, Set<String>> required = requiredByChannel(f, schema);
    ProductQuality quality = new ProductQuality(f, values, schema, labels);
    for (Channel channel : schema.channels().values()) {
      Set<String> attributes = required.getOrDefault(channel.code(), Set.of());
      for (String locale : channel.locales()) {
        List<String> missing = new ArrayList<>();
        for (String code : attributes) {
          Attribute attribute = schema.attributes().get(code);
          if (attribute != null && !filled(attribute, values, channel, locale, quality)) {
            missing.add(code);
          }
        }
        slots.add(
            new Slot(
                channel.code(),
                locale,
                attributes.size(),
                missing,
                quality.issues(channel, locale)));
      }
    }
    slots.sort(ORDER);
    return slots;
  }

  /**
   * The attributes each channel requires, sorted by code: those of the family's requirements that
   * the family has, and the identifier, which every channel requires (and every product fills), as
   * in Akeneo.
   */
  private static Map<String, Set<String>> requiredByChannel(Family family, CatalogSnapshot schema) {
    Set<String> attributes = new HashSet<>(family.attributes());
    Map<String, Set<String>> required = new java.util.HashMap<>();
    for (Family.Requirement r : family.requirements()) {
      if (attributes.contains(r.attribute())) {
        required.computeIfAbsent(r.channel(), c -> new TreeSet<>()).add(r.attribute());
      }
    }
    for (Attribute attribute : schema.attributes().values()) {
      if (attribute.type() == AttributeType.IDENTIFIER) {
        for (String channel : schema.channels().keySet()) {
          required.computeIfAbsent(channel, c -> new TreeSet<>()).add(attribute.code());
        }
      }
    }
    return required;
  }

  private static boolean filled(
      Attribute attribute,
      Map<ValueKey, JsonValue> values,
      Channel channel,
      String locale,
      ProductQuality quality) {
    return switch (attribute.type()) {
      // The identifier lives on the product itself and is always set.
      case IDENTIFIER -> true;
      default ->
          filled(
              attribute,
              values.get(
                  new ValueKey(
                      attribute.code(),
                      attribute.localizable() ? locale : null,
                      attribute.scopable() ? channel.code() : null)),
              channel,
              quality);
    };
  }

  /**
   * Whether {@code data} fills the attribute in {@code channel}: an empty or blank text (rich text
   * without visible text included), an empty list, a metric without amount and a price missing one
   * of the channel's currencies do not.
   */
  private static boolean filled(
      Attribute attribute, JsonValue data, Channel channel, ProductQuality quality) {
    if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    return switch (data.getValueType()) {
      case STRING -> {
        String text = ((JsonString) data).getString();
        yield Boolean.TRUE.equals(attribute.richText())
            ? !quality.visible(text).isBlank()
            : !text.isBlank();
      }
      case ARRAY -> {
        if (attribute.type() != AttributeType.PRICE_COLLECTION) {
          yield !data.asJsonArray().isEmpty();
        }
        Set<String> priced = new HashSet<>();
        for (JsonValue price : data.asJsonArray()) {
          JsonObject p = price.asJsonObject();
          if (!p.isNull("amount") && p.get("amount") != null) {
            priced.add(p.getString("currency", ""));
          }
        }
        yield !channel.currencies().isEmpty() && priced.containsAll(channel.currencies());
      }
      case OBJECT -> {
        JsonObject metric = data.asJsonObject();
        yield metric.get("amount") != null && !metric.isNull("amount");
      }
      default -> true;
    };
  }
}
