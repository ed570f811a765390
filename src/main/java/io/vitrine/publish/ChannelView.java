package io.vitrine.publish;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Conversion;
import io.vitrine.catalog.MeasurementFamily;
import io.vitrine.catalog.MeasurementUnit;
import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * A product as one channel publishes it (DESIGN decision 7): the channel's scoped values, its
 * locales and currencies only, metrics in the channel's units, options with their labels, the
 * categories of the channel's tree, and associations to products the channel publishes too. Every
 * feed and export format writes what this gives.
 */
public final class ChannelView {

  private static final Logger LOG = Logger.getLogger(ChannelView.class.getName());

  /** Converted measurements keep this many significant digits. */
  private static final MathContext CONVERTED = new MathContext(12);

  private final CatalogSnapshot schema;
  private final Channel channel;
  private final Set<String> locales;

  /**
   * What resolving a batch of products needs beyond their documents, read once per batch: option
   * labels by attribute and option code, every category's parent, which of the associated products
   * and models the channel publishes, and the assets as the channel shows them ({code, url,
   * media_type}) by code.
   */
  public record Lookups(
      Map<String, Map<String, Map<String, String>>> optionLabels,
      Map<String, String> categoryParents,
      Set<String> publishedProducts,
      Set<String> publishedModels,
      Map<String, JsonObject> assets) {}

  public ChannelView(CatalogSnapshot schema, Channel channel) {
    this.schema = schema;
    this.channel = channel;
    this.locales = Set.copyOf(channel.locales());
  }

  public Channel channel() {
    return channel;
  }

  /**
   * {@code document} (a product in the standard format, with {@code models}, the codes above it
   * root first) as this channel publishes it.
   */
  public JsonObject resolve(JsonObject document, Lookups lookups) {
    JsonObjectBuilder json =
        Jsonp.objectBuilder().add("identifier", document.getString("identifier"));
    copy(document, "family", json);
    copy(document, "parent", json);
    JsonArray models = document.getJsonArray("models");
    json.add("models", models == null ? JsonValue.EMPTY_JSON_ARRAY : models);
    json.add("enabled", document.getBoolean("enabled", true));
    JsonArrayBuilder categories = Jsonp.arrayBuilder();
    for (JsonString category : document.getJsonArray("categories").getValuesAs(JsonString.class)) {
      if (inTree(category.getString(), lookups.categoryParents())) {
        categories.add(category);
      }
    }
    json.add("categories", categories);
    json.add("values", values(document, lookups));
    json.add("associations", associations(document.getJsonObject("associations"), lookups));
    json.add(
        "quantified_associations",
        associations(document.getJsonObject("quantified_associations"), lookups));
    copy(document, "created", json);
    copy(document, "updated", json);
    return json.build();
  }

  private boolean inTree(String category, Map<String, String> parents) {
    return channel.categoryTree() == null || channel.categoryTree().equals(root(category, parents));
  }

  /** The root of {@code category}'s tree, climbing {@code parents} (code to parent code). */
  static String root(String category, Map<String, String> parents) {
    String current = category;
    // A bounded climb: a cycle in bad data must not hang a feed.
    for (int depth = 0; depth < 1000 && parents.get(current) != null; depth++) {
      current = parents.get(current);
    }
    return current;
  }

  private JsonObject values(JsonObject document, Lookups lookups) {
    JsonObjectBuilder resolved = Jsonp.objectBuilder();
    JsonObject values = document.getJsonObject("values");
    if (values == null) {
      return resolved.build();
    }
    values.forEach(
        (code, entries) -> {
          Attribute attribute = schema.attributes().get(code);
          if (attribute == null) {
            return;
          }
          JsonObjectBuilder byLocale = Jsonp.objectBuilder();
          JsonValue single = null;
          boolean any = false;
          if (!(entries instanceof JsonArray list)) {
            return;
          }
          for (JsonValue value : list) {
            if (!(value instanceof JsonObject entry)) {
              continue;
            }
            String scope = text(entry, "scope");
            String locale = text(entry, "locale");
            if ((scope != null && !scope.equals(channel.code()))
                || (locale != null && !locales.contains(locale))
                || (attribute.localizable() && locale == null)
                || (attribute.scopable() && scope == null)) {
              continue;
            }
            JsonValue data;
            try {
              data = data(attribute, entry.get("data"), lookups);
            } catch (RuntimeException e) {
              // Stored values are validated on write; one that is not (restored, imported around
              // the API) is left out rather than failing every page that holds it.
              LOG.warning(
                  "Left out a malformed value of "
                      + code
                      + " in "
                      + document.getString("identifier", "?")
                      + ": "
                      + e);
              continue;
            }
            if (data == null) {
              continue;
            }
            any = true;
            if (attribute.localizable()) {
              byLocale.add(locale, data);
            } else {
              single = data;
            }
          }
          if (any) {
            resolved.add(code, attribute.localizable() ? byLocale.build() : single);
          }
        });
    return resolved.build();
  }

  private JsonValue data(Attribute attribute, JsonValue data, Lookups lookups) {
    if (data == null || data.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return switch (attribute.type()) {
      case PRICE_COLLECTION -> prices(data.asJsonArray());
      case METRIC -> metric(attribute, data.asJsonObject());
      case SIMPLESELECT -> option(attribute, ((JsonString) data).getString(), lookups);
      case MULTISELECT -> {
        JsonArrayBuilder options = Jsonp.arrayBuilder();
        for (JsonString code : data.asJsonArray().getValuesAs(JsonString.class)) {
          options.add(option(attribute, code.getString(), lookups));
        }
        yield options.build();
      }
      case ASSET_COLLECTION -> {
        JsonArrayBuilder assets = Jsonp.arrayBuilder();
        for (JsonString code : data.asJsonArray().getValuesAs(JsonString.class)) {
          JsonObject asset = lookups.assets().get(code.getString());
          assets.add(asset != null ? asset : Jsonp.objectBuilder().add("code", code).build());
        }
        yield assets.build();
      }
      default -> data;
    };
  }

  /** The prices in the channel's currencies, in the channel's order of currencies. */
  private JsonValue prices(JsonArray prices) {
    Map<String, JsonObject> byCurrency = new HashMap<>();
    for (JsonObject price : prices.getValuesAs(JsonObject.class)) {
      byCurrency.put(price.getString("currency", ""), price);
    }
    JsonArrayBuilder kept = Jsonp.arrayBuilder();
    boolean any = false;
    for (String currency : channel.currencies()) {
      JsonObject price = byCurrency.get(currency);
      if (price != null && price.get("amount") != null) {
        kept.add(price);
        any = true;
      }
    }
    return any ? kept.build() : null;
  }

  /** The measurement in the unit the channel shows this attribute in, if it names one. */
  private JsonValue metric(Attribute attribute, JsonObject metric) {
    String target = channel.conversionUnits().get(attribute.code());
    String unit = metric.getString("unit", null);
    MeasurementFamily family = schema.measurementFamilies().get(attribute.metricFamily());
    if (target == null || unit == null || target.equals(unit) || family == null) {
      return metric;
    }
    Optional<MeasurementUnit> from = family.unit(unit);
    Optional<MeasurementUnit> to = family.unit(target);
    BigDecimal amount = amount(metric.get("amount"));
    if (from.isEmpty() || to.isEmpty() || amount == null) {
      return metric;
    }
    BigDecimal converted =
        Conversion.convert(amount, from.get().conversion(), to.get().conversion())
            .round(CONVERTED)
            .stripTrailingZeros();
    return Jsonp.objectBuilder()
        .add("amount", converted.toPlainString())
        .add("unit", target)
        .build();
  }

  private static BigDecimal amount(JsonValue amount) {
    try {
      return switch (amount == null ? JsonValue.ValueType.NULL : amount.getValueType()) {
        case STRING -> new BigDecimal(((JsonString) amount).getString());
        case NUMBER -> ((jakarta.json.JsonNumber) amount).bigDecimalValue();
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private JsonObject option(Attribute attribute, String code, Lookups lookups) {
    Map<String, String> labels =
        lookups
            .optionLabels()
            .getOrDefault(attribute.code(), Map.of())
            .getOrDefault(code, Map.of());
    JsonObjectBuilder inChannel = Jsonp.objectBuilder();
    for (String locale : channel.locales()) {
      String label = labels.get(locale);
      if (label != null) {
        inChannel.add(locale, label);
      }
    }
    return Jsonp.objectBuilder().add("code", code).add("labels", inChannel).build();
  }

  /** Each type's links to products and models the channel publishes; types left empty go. */
  private static JsonObject associations(JsonObject associations, Lookups lookups) {
    JsonObjectBuilder kept = Jsonp.objectBuilder();
    if (associations == null) {
      return kept.build();
    }
    associations.forEach(
        (type, lists) -> {
          JsonArrayBuilder products = published(lists, "products", lookups.publishedProducts());
          JsonArrayBuilder models = published(lists, "product_models", lookups.publishedModels());
          JsonArray p = products.build();
          JsonArray m = models.build();
          if (!p.isEmpty() || !m.isEmpty()) {
            kept.add(type, Jsonp.objectBuilder().add("products", p).add("product_models", m));
          }
        });
    return kept.build();
  }

  private static JsonArrayBuilder published(JsonValue lists, String field, Set<String> published) {
    JsonArrayBuilder kept = Jsonp.arrayBuilder();
    if (!(lists instanceof JsonObject byKind)
        || !(byKind.get(field) instanceof JsonArray targets)) {
      return kept;
    }
    for (JsonValue target : targets) {
      String name = targetName(target);
      if (name != null && published.contains(name)) {
        kept.add(target);
      }
    }
    return kept;
  }

  /** A link's target: a bare identifier or code, or {"identifier": …, "quantity": …}. */
  private static String targetName(JsonValue target) {
    if (target instanceof JsonString s) {
      return s.getString();
    }
    return target instanceof JsonObject o && o.get("identifier") instanceof JsonString s
        ? s.getString()
        : null;
  }

  /** The option codes of select attributes in {@code documents}, by attribute: to look up. */
  public Map<String, Set<String>> options(Collection<JsonObject> documents) {
    return codes(
        documents, type -> type == AttributeType.SIMPLESELECT || type == AttributeType.MULTISELECT);
  }

  /** The asset codes of asset collections in {@code documents}: to look up. */
  public Set<String> assets(Collection<JsonObject> documents) {
    Set<String> assets = new HashSet<>();
    codes(documents, type -> type == AttributeType.ASSET_COLLECTION)
        .values()
        .forEach(assets::addAll);
    return assets;
  }

  /** The codes the values of attributes of the {@code wanted} types hold, by attribute. */
  private Map<String, Set<String>> codes(
      Collection<JsonObject> documents, java.util.function.Predicate<AttributeType> wanted) {
    Map<String, Set<String>> options = new LinkedHashMap<>();
    for (JsonObject document : documents) {
      JsonObject values = document.getJsonObject("values");
      if (values == null) {
        continue;
      }
      values.forEach(
          (code, entries) -> {
            Attribute attribute = schema.attributes().get(code);
            if (attribute == null || !wanted.test(attribute.type())) {
              return;
            }
            Set<String> codes = options.computeIfAbsent(code, c -> new HashSet<>());
            if (!(entries instanceof JsonArray list)) {
              return;
            }
            for (JsonValue entry : list) {
              JsonValue data = entry instanceof JsonObject e ? e.get("data") : null;
              if (data instanceof JsonString one) {
                codes.add(one.getString());
              } else if (data instanceof JsonArray many) {
                many.forEach(
                    option -> {
                      if (option instanceof JsonString s) {
                        codes.add(s.getString());
                      }
                    });
              }
            }
          });
    }
    return options;
  }

  /** The products ({@code "products"}) or models ({@code "product_models"}) they link to. */
  public static Set<String> linked(Collection<JsonObject> documents, String field) {
    Set<String> targets = new HashSet<>();
    for (JsonObject document : documents) {
      for (String kind : List.of("associations", "quantified_associations")) {
        JsonObject associations = document.getJsonObject(kind);
        if (associations == null) {
          continue;
        }
        for (JsonValue lists : associations.values()) {
          if (lists instanceof JsonObject byKind && byKind.get(field) instanceof JsonArray list) {
            list.forEach(
                t -> {
                  String name = targetName(t);
                  if (name != null) {
                    targets.add(name);
                  }
                });
          }
        }
      }
    }
    return targets;
  }

  private static String text(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static void copy(JsonObject from, String key, JsonObjectBuilder to) {
    JsonValue value = from.get(key);
    to.add(key, value == null ? JsonValue.NULL : value);
  }
}
