package io.vitrine.search;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * The filters and sorts of {@code docs/search.md}, evaluated by brute force over products as {@code
 * GET /api/v1/products/{identifier}} shows them (a variant's values and categories already include
 * its models'). It is the reference {@link SearchConsistencyIT} holds the Lucene index to, so it is
 * written to be obviously right, not fast: every condition looks at every product.
 *
 * <p>Where the contract leaves a choice open, the comment marked <b>Reading</b> says which one this
 * class makes; the server must make the same. Full text ({@code q}, {@code relevance}) and facets
 * are not modelled.
 */
final class ReferenceSearch {

  /** Only this many characters (code points) of a text take part in filters and sorts. */
  static final int TEXT_LIMIT = 8_000;

  /** The longest {@code IN}/{@code NOT IN} list. */
  static final int LIST_LIMIT = 1_000;

  private static final MathContext PRECISION = MathContext.DECIMAL128;
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Set<String> CONDITION_KEYS = Set.of("operator", "value", "locale", "scope");

  private static final List<String> IDENTIFIER_OPERATORS =
      List.of("=", "!=", "IN", "NOT IN", "STARTS WITH", "CONTAINS", "DOES NOT CONTAIN");
  private static final List<String> CODE_LIST_OPERATORS =
      List.of("IN", "NOT IN", "EMPTY", "NOT EMPTY");
  private static final List<String> BOOLEAN_OPERATORS = List.of("=", "!=");
  private static final List<String> CATEGORY_OPERATORS =
      List.of(
          "IN",
          "NOT IN",
          "IN OR UNCLASSIFIED",
          "IN CHILDREN",
          "NOT IN CHILDREN",
          "UNCLASSIFIED",
          "CLASSIFIED");
  private static final List<String> TIME_OPERATORS =
      List.of("<", ">", "=", "!=", "BETWEEN", "NOT BETWEEN", "SINCE LAST N DAYS");
  private static final List<String> TEXT_OPERATORS =
      List.of("=", "!=", "STARTS WITH", "CONTAINS", "DOES NOT CONTAIN", "EMPTY", "NOT EMPTY");
  private static final List<String> NUMBER_OPERATORS =
      List.of("<", "<=", "=", "!=", ">", ">=", "BETWEEN", "EMPTY", "NOT EMPTY");
  private static final List<String> DATE_OPERATORS =
      List.of(
          "<", ">", "=", "!=", "BETWEEN", "NOT BETWEEN", "SINCE LAST N DAYS", "EMPTY", "NOT EMPTY");
  private static final List<String> ASSET_OPERATORS = List.of("EMPTY", "NOT EMPTY");

  /** A search the server must refuse with a {@code 422} whose violation names {@code property}. */
  static final class Refused extends RuntimeException {

    private final String property;

    Refused(String property, String message) {
      super(property + ": " + message);
      this.property = property;
    }

    String property() {
      return property;
    }
  }

  record Attribute(
      String code, String type, boolean localizable, boolean scopable, String metricFamily) {}

  /**
   * One step of a unit's {@code convert_from_standard}: it turns an amount in the unit into the
   * standard unit.
   */
  record Step(String operator, BigDecimal value) {}

  /** A product as {@code GET} shows it, and its place in creation order (its internal id's). */
  record Product(JsonObject document, long rank) {

    String identifier() {
      return document.getString("identifier");
    }
  }

  /**
   * The request: {@code search} (null for none) and the {@code locale}, {@code scope} and {@code
   * sort} parameters (null when not given).
   */
  record Query(JsonValue search, String locale, String scope, String sort) {}

  /** What the reference needs to know of the catalog, fed with resources as the API shows them. */
  static final class Catalog {

    private final Map<String, Attribute> attributes = new HashMap<>();
    private final Map<String, Map<String, List<Step>>> units = new HashMap<>();
    private final Map<String, String> categoryParents = new HashMap<>();
    private final Map<String, String> modelParents = new HashMap<>();
    private final Set<String> locales = new HashSet<>();
    private final Set<String> channels = new HashSet<>();
    private final Set<String> currencies = new HashSet<>();

    /** An attribute as {@code GET /attributes/{code}} shows it. */
    Catalog attribute(JsonObject attribute) {
      String code = attribute.getString("code");
      attributes.put(
          code,
          new Attribute(
              code,
              attribute.getString("type"),
              attribute.getBoolean("localizable", false),
              attribute.getBoolean("scopable", false),
              text(attribute, "metric_family")));
      return this;
    }

    /** A measurement family as {@code GET /measurement-families/{code}} shows it. */
    Catalog measurementFamily(JsonObject family) {
      Map<String, List<Step>> byUnit = new HashMap<>();
      family
          .getJsonObject("units")
          .forEach(
              (code, unit) -> {
                List<Step> steps = new ArrayList<>();
                for (JsonValue step : unit.asJsonObject().getJsonArray("convert_from_standard")) {
                  JsonObject s = step.asJsonObject();
                  steps.add(
                      new Step(
                          s.getString("operator").toLowerCase(Locale.ROOT),
                          decimal(s.get("value"))));
                }
                byUnit.put(code, steps);
              });
      units.put(family.getString("code"), byUnit);
      return this;
    }

    /** A category as {@code GET /categories/{code}} shows it. */
    Catalog category(JsonObject category) {
      categoryParents.put(category.getString("code"), text(category, "parent"));
      return this;
    }

    /** A product model as {@code GET /product-models/{code}} shows it. */
    Catalog productModel(JsonObject model) {
      String parent = text(model, "parent");
      modelParents.put(lower(model.getString("code")), parent == null ? null : lower(parent));
      return this;
    }

    /** A channel as {@code GET /channels/{code}} shows it: its code, locales and currencies. */
    Catalog channel(JsonObject channel) {
      channels.add(channel.getString("code"));
      channel
          .getJsonArray("locales")
          .getValuesAs(JsonString.class)
          .forEach(l -> locales.add(l.getString()));
      channel
          .getJsonArray("currencies")
          .getValuesAs(JsonString.class)
          .forEach(c -> currencies.add(c.getString()));
      return this;
    }
  }

  private final Catalog catalog;

  /** Text of HTML, by HTML: parsing is what costs when the same products are searched often. */
  private final Map<String, String> htmlText = new HashMap<>();

  ReferenceSearch(Catalog catalog) {
    this.catalog = catalog;
  }

  /**
   * The identifiers of the products that match every condition of the query, in the query's order.
   * {@code today} is the day in UTC that {@code SINCE LAST N DAYS} counts back from.
   *
   * @throws Refused when the server must answer {@code 422}
   */
  List<String> search(Collection<Product> products, Query query, LocalDate today) {
    if (query.locale() != null && !catalog.locales.contains(query.locale())) {
      throw new Refused("locale", "'" + query.locale() + "' is not an active locale");
    }
    if (query.scope() != null && !catalog.channels.contains(query.scope())) {
      throw new Refused("scope", "'" + query.scope() + "' is not a channel");
    }
    List<Predicate<JsonObject>> conditions = conditions(query, today);
    Function<JsonObject, Object> key =
        sortKey(sortName(query.sort()), query.locale(), query.scope());
    boolean descending = query.sort() != null && query.sort().startsWith("-");

    record Keyed(Product product, Object key) {}
    List<Keyed> matches = new ArrayList<>();
    for (Product product : products) {
      if (conditions.stream().allMatch(c -> c.test(product.document()))) {
        matches.add(new Keyed(product, key.apply(product.document())));
      }
    }
    Comparator<Object> values = ReferenceSearch::compareKeys;
    Comparator<Object> direction = descending ? values.reversed() : values;
    // Products without a value come last in both directions. Reading: the tie-breaker, creation
    // order, is ascending in both directions too (it is not reversed by a leading '-').
    Comparator<Keyed> order =
        Comparator.<Keyed, Object>comparing(Keyed::key, Comparator.nullsLast(direction))
            .thenComparingLong(k -> k.product().rank());
    matches.sort(order);
    return matches.stream().map(k -> k.product().identifier()).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // Filters

  private List<Predicate<JsonObject>> conditions(Query query, LocalDate today) {
    List<Predicate<JsonObject>> all = new ArrayList<>();
    JsonValue search = query.search();
    if (search == null) {
      return all;
    }
    if (search.getValueType() != ValueType.OBJECT) {
      throw new Refused("search", "is not a JSON object of lists");
    }
    for (var field : search.asJsonObject().entrySet()) {
      if (field.getValue().getValueType() != ValueType.ARRAY) {
        throw new Refused("search." + field.getKey(), "is not a list of conditions");
      }
      JsonArray list = field.getValue().asJsonArray();
      for (int i = 0; i < list.size(); i++) {
        // Reading: an element that is not an object is a bad filter (search.<field>[i]); only a
        // search that is not an object of lists is a malformed 'search'.
        all.add(
            condition(field.getKey(), new Condition(field.getKey(), i, list.get(i)), query, today));
      }
    }
    return all;
  }

  private Predicate<JsonObject> condition(String field, Condition c, Query query, LocalDate today) {
    return switch (field) {
      case "identifier" -> identifier(c.field());
      case "family" -> family(c.field());
      case "enabled" -> enabled(c.field());
      case "categories" -> categories(c.field());
      case "parent" -> parent(c.field());
      case "created", "updated" -> time(field, c.field(), today);
      default -> attribute(field, c, query, today);
    };
  }

  private Predicate<JsonObject> identifier(Condition c) {
    c.operatorIn(IDENTIFIER_OPERATORS);
    Predicate<String> test =
        switch (c.operator) {
          case "IN" -> lowered(c.strings())::contains;
          case "NOT IN" -> Predicate.not(lowered(c.strings())::contains);
          default -> textTest(c);
        };
    return document -> test.test(normalText(document.getString("identifier")));
  }

  /** Reading: family codes are catalog codes, so they compare with their case (unlike options). */
  private static Predicate<JsonObject> family(Condition c) {
    c.operatorIn(CODE_LIST_OPERATORS);
    return switch (c.operator) {
      case "IN" -> {
        Set<String> codes = c.strings();
        yield document -> codes.contains(text(document, "family"));
      }
      case "NOT IN" -> {
        Set<String> codes = c.strings();
        yield document -> !codes.contains(text(document, "family"));
      }
      case "EMPTY" -> document -> text(document, "family") == null;
      default -> document -> text(document, "family") != null;
    };
  }

  private static Predicate<JsonObject> enabled(Condition c) {
    c.operatorIn(BOOLEAN_OPERATORS);
    boolean value = c.bool();
    boolean negative = c.operator.equals("!=");
    return document -> (document.getBoolean("enabled") == value) != negative;
  }

  /** Reading: category codes compare with their case; codes that do not exist match nothing. */
  private Predicate<JsonObject> categories(Condition c) {
    c.operatorIn(CATEGORY_OPERATORS);
    if (c.operator.equals("UNCLASSIFIED")) {
      return document -> categoriesOf(document).isEmpty();
    }
    if (c.operator.equals("CLASSIFIED")) {
      return document -> !categoriesOf(document).isEmpty();
    }
    Set<String> codes = c.strings();
    Predicate<JsonObject> in =
        document -> categoriesOf(document).stream().anyMatch(codes::contains);
    Predicate<JsonObject> inChildren =
        document ->
            categoriesOf(document).stream()
                .anyMatch(category -> ancestorsOrSelf(category).stream().anyMatch(codes::contains));
    return switch (c.operator) {
      case "IN" -> in;
      case "NOT IN" -> in.negate();
      case "IN OR UNCLASSIFIED" ->
          document -> categoriesOf(document).isEmpty() || in.test(document);
      case "IN CHILDREN" -> inChildren;
      default -> inChildren.negate();
    };
  }

  /**
   * Reading: product model codes follow the identifier rules (unique ignoring case), so they
   * compare ignoring case, as identifiers do.
   */
  private Predicate<JsonObject> parent(Condition c) {
    c.operatorIn(CODE_LIST_OPERATORS);
    return switch (c.operator) {
      case "IN" -> {
        Set<String> codes = lowered(c.strings());
        yield document -> modelsAbove(document).stream().anyMatch(codes::contains);
      }
      case "NOT IN" -> {
        Set<String> codes = lowered(c.strings());
        yield document -> {
          List<String> models = modelsAbove(document);
          return !models.isEmpty() && models.stream().noneMatch(codes::contains);
        };
      }
      case "EMPTY" -> document -> text(document, "parent") == null;
      default -> document -> text(document, "parent") != null;
    };
  }

  /**
   * {@code created} and {@code updated}. A date stands for its whole day in UTC: {@code <} is
   * before the day, {@code >} after it, {@code =} within it, and a {@code BETWEEN} runs from the
   * start of the first day to the end of the last one (both included). A date-time is one instant
   * (the API shows milliseconds).
   *
   * <p>Reading: {@code SINCE LAST N DAYS} counts whole UTC days as it does for {@code date}
   * attributes: from the start of the day N days before today.
   */
  private static Predicate<JsonObject> time(String field, Condition c, LocalDate today) {
    c.operatorIn(TIME_OPERATORS);
    Function<JsonObject, Instant> time = document -> Instant.parse(document.getString(field));
    Predicate<Instant> test =
        switch (c.operator) {
          case "SINCE LAST N DAYS" -> {
            Instant from = today.minusDays(c.days()).atStartOfDay(ZoneOffset.UTC).toInstant();
            yield t -> !t.isBefore(from);
          }
          case "BETWEEN", "NOT BETWEEN" -> {
            List<JsonValue> pair = c.pair();
            Span low = c.span(pair.get(0));
            Span high = c.span(pair.get(1));
            Predicate<Instant> within = t -> !t.isBefore(low.from()) && t.isBefore(high.until());
            yield c.operator.equals("BETWEEN") ? within : within.negate();
          }
          default -> {
            Span span = c.span(c.value());
            Predicate<Instant> within = t -> !t.isBefore(span.from()) && t.isBefore(span.until());
            yield switch (c.operator) {
              case "<" -> t -> t.isBefore(span.from());
              case ">" -> t -> !t.isBefore(span.until());
              case "=" -> within;
              default -> within.negate();
            };
          }
        };
    return document -> test.test(time.apply(document));
  }

  /** From {@code from} (included) to {@code until} (excluded). */
  private record Span(Instant from, Instant until) {}

  private Predicate<JsonObject> attribute(
      String field, Condition condition, Query query, LocalDate today) {
    Attribute attribute = catalog.attributes.get(field);
    if (attribute == null) {
      throw new Refused(condition.property, "'" + field + "' is not a field nor an attribute");
    }
    String locale =
        slotPart(condition, "locale", attribute.localizable(), query.locale(), catalog.locales);
    String scope =
        slotPart(condition, "scope", attribute.scopable(), query.scope(), catalog.channels);
    Function<JsonObject, JsonValue> data = document -> slot(document, field, locale, scope);
    return switch (attribute.type()) {
      case "text", "textarea" -> {
        condition.operatorIn(TEXT_OPERATORS);
        Predicate<String> test = textTest(condition);
        yield document -> test.test(normalText(attribute, data.apply(document)));
      }
      case "number" -> {
        condition.operatorIn(NUMBER_OPERATORS);
        Predicate<Double> test = numberTest(condition, v -> condition.number(v).doubleValue());
        yield document -> test.test(number(data.apply(document)));
      }
      case "metric" -> {
        condition.operatorIn(NUMBER_OPERATORS);
        Predicate<Double> test = numberTest(condition, v -> condition.metric(v, attribute));
        yield document -> test.test(metric(attribute, data.apply(document)));
      }
      case "price_collection" -> price(condition, data);
      case "boolean" -> {
        condition.operatorIn(BOOLEAN_OPERATORS);
        boolean value = condition.bool();
        boolean negative = condition.operator.equals("!=");
        yield document -> {
          JsonValue d = data.apply(document);
          return d != null && ((d == JsonValue.TRUE) == value) != negative;
        };
      }
      case "date" -> {
        condition.operatorIn(DATE_OPERATORS);
        Predicate<LocalDate> test = dateTest(condition, today);
        yield document -> {
          JsonValue d = data.apply(document);
          return test.test(d == null ? null : LocalDate.parse(((JsonString) d).getString()));
        };
      }
      case "simpleselect", "multiselect" -> {
        condition.operatorIn(CODE_LIST_OPERATORS);
        yield select(condition, data);
      }
      case "asset_collection" -> {
        condition.operatorIn(ASSET_OPERATORS);
        boolean empty = condition.operator.equals("EMPTY");
        yield document -> (data.apply(document) == null) == empty;
      }
      default ->
          throw new Refused(
              condition.property, attribute.type() + " attributes cannot be filtered on");
    };
  }

  /**
   * The locale or scope of a condition's slot: the condition's own, else the request's for an
   * attribute that has one. A condition's {@code "locale": null} counts as not given.
   */
  private static String slotPart(
      Condition condition, String key, boolean has, String requestDefault, Set<String> known) {
    String given = text(condition.json, key);
    if (!has) {
      if (given != null) {
        throw new Refused(condition.property, "the attribute has no " + key);
      }
      return null;
    }
    String value = given != null ? given : requestDefault;
    if (value == null) {
      throw new Refused(condition.property, "needs a " + key);
    }
    if (!known.contains(value)) {
      throw new Refused(condition.property, "'" + value + "' is not a known " + key);
    }
    return value;
  }

  /**
   * The operators on text, over the normal text of the slot (null when there is no value). Negative
   * operators need a value.
   */
  private static Predicate<String> textTest(Condition c) {
    if (c.operator.equals("EMPTY")) {
      return Objects::isNull;
    }
    if (c.operator.equals("NOT EMPTY")) {
      return Objects::nonNull;
    }
    // Reading: the value of the condition is lower-cased but not cut to 8,000 characters.
    String value = lower(c.string());
    Predicate<String> holds =
        switch (c.operator) {
          case "=", "!=" -> value::equals;
          case "STARTS WITH" -> t -> t.startsWith(value);
          default -> t -> t.contains(value);
        };
    boolean negative = c.operator.equals("!=") || c.operator.equals("DOES NOT CONTAIN");
    return t -> t != null && holds.test(t) != negative;
  }

  /** The comparisons of numbers, metrics and prices, as doubles; negative ones need a value. */
  private static Predicate<Double> numberTest(Condition c, Function<JsonValue, Double> operand) {
    switch (c.operator) {
      case "EMPTY":
        return Objects::isNull;
      case "NOT EMPTY":
        return Objects::nonNull;
      case "BETWEEN":
        List<JsonValue> pair = c.pair();
        double low = operand.apply(pair.get(0));
        double high = operand.apply(pair.get(1));
        // Reading: a pair whose low is above its high is accepted and matches nothing.
        return x -> x != null && low <= x && x <= high;
      default:
        double v = operand.apply(c.value());
        return switch (c.operator) {
          case "<" -> x -> x != null && x < v;
          case "<=" -> x -> x != null && x <= v;
          case "=" -> x -> x != null && x == v;
          case "!=" -> x -> x != null && x != v;
          case ">" -> x -> x != null && x > v;
          default -> x -> x != null && x >= v;
        };
    }
  }

  /**
   * Prices compare the amount in the currency of the condition. Reading: {@code !=} too needs an
   * amount in that currency (a price in other currencies only is not "a value" for it); a {@code
   * BETWEEN} pair must name one currency; {@code EMPTY} and {@code NOT EMPTY} take no value (any
   * currency) or {@code {"currency": "EUR"}} (that currency).
   */
  private Predicate<JsonObject> price(Condition c, Function<JsonObject, JsonValue> data) {
    c.operatorIn(NUMBER_OPERATORS);
    if (c.operator.equals("EMPTY") || c.operator.equals("NOT EMPTY")) {
      boolean empty = c.operator.equals("EMPTY");
      if (c.value() == null) {
        return document -> (data.apply(document) == null) == empty;
      }
      String currency = c.currency(c.value());
      return document -> (amount(data.apply(document), currency) == null) == empty;
    }
    String currency =
        c.operator.equals("BETWEEN") ? c.currency(c.pair().get(0)) : c.currency(c.value());
    if (c.operator.equals("BETWEEN") && !c.currency(c.pair().get(1)).equals(currency)) {
      throw new Refused(c.property, "both ends of BETWEEN must be in the same currency");
    }
    Predicate<Double> test = numberTest(c, c::priceAmount);
    return document -> test.test(amount(data.apply(document), currency));
  }

  /** Reading: dates compare as calendar dates; {@code SINCE LAST N DAYS} ends today. */
  private static Predicate<LocalDate> dateTest(Condition c, LocalDate today) {
    switch (c.operator) {
      case "EMPTY":
        return Objects::isNull;
      case "NOT EMPTY":
        return Objects::nonNull;
      case "SINCE LAST N DAYS":
        LocalDate from = today.minusDays(c.days());
        return d -> d != null && !d.isBefore(from) && !d.isAfter(today);
      case "BETWEEN", "NOT BETWEEN":
        List<JsonValue> pair = c.pair();
        LocalDate low = c.date(pair.get(0));
        LocalDate high = c.date(pair.get(1));
        boolean between = c.operator.equals("BETWEEN");
        return d -> d != null && (!d.isBefore(low) && !d.isAfter(high)) == between;
      default:
        LocalDate v = c.date(c.value());
        return switch (c.operator) {
          case "<" -> d -> d != null && d.isBefore(v);
          case ">" -> d -> d != null && d.isAfter(v);
          case "=" -> d -> d != null && d.equals(v);
          default -> d -> d != null && !d.equals(v);
        };
    }
  }

  /**
   * Options compare ignoring case. A multiselect is {@code IN} when it holds any of the codes;
   * Reading: it is {@code NOT IN} when it has a value and holds none of them.
   */
  private static Predicate<JsonObject> select(Condition c, Function<JsonObject, JsonValue> data) {
    Function<JsonObject, Set<String>> options = document -> options(data.apply(document));
    return switch (c.operator) {
      case "EMPTY" -> document -> options.apply(document) == null;
      case "NOT EMPTY" -> document -> options.apply(document) != null;
      default -> {
        Set<String> codes = lowered(c.strings());
        boolean in = c.operator.equals("IN");
        yield document -> {
          Set<String> held = options.apply(document);
          return held != null && held.stream().anyMatch(codes::contains) == in;
        };
      }
    };
  }

  /** One condition as the request gives it, with the ways its value may be read. */
  private final class Condition {

    final String property;
    final JsonObject json;
    final String operator;

    Condition(String fieldName, int index, JsonValue element) {
      this.property = "search." + fieldName + "[" + index + "]";
      if (element.getValueType() != ValueType.OBJECT) {
        throw new Refused(property, "is not a condition ({\"operator\": ..., \"value\": ...})");
      }
      this.json = element.asJsonObject();
      for (String key : json.keySet()) {
        // Reading: keys other than these are refused, as unknown fields are everywhere else.
        if (!CONDITION_KEYS.contains(key)) {
          throw new Refused(property, "'" + key + "' is not a key of a condition");
        }
      }
      if (!(json.get("operator") instanceof JsonString op)) {
        throw new Refused(property, "needs an operator");
      }
      this.operator = op.getString();
    }

    /**
     * The same condition on a field (identifier, family, ...). Reading: a field has neither locale
     * nor scope, so it refuses one given in the condition, as a non-localizable attribute does.
     */
    Condition field() {
      for (String key : List.of("locale", "scope")) {
        if (text(json, key) != null) {
          throw new Refused(property, "a field has no " + key);
        }
      }
      return this;
    }

    void operatorIn(List<String> operators) {
      if (!operators.contains(operator)) {
        throw new Refused(
            property, "'" + operator + "' is not an operator here; use one of " + operators);
      }
    }

    /**
     * The value, null when absent or null. Reading: operators that take no value ({@code EMPTY},
     * {@code NOT EMPTY}, {@code UNCLASSIFIED}, {@code CLASSIFIED}) ignore one given, except the
     * currency of a price's {@code EMPTY} and {@code NOT EMPTY}.
     */
    JsonValue value() {
      JsonValue value = json.get("value");
      return value == null || value == JsonValue.NULL ? null : value;
    }

    String string() {
      if (!(value() instanceof JsonString s)) {
        throw new Refused(property, "the value must be a string");
      }
      return s.getString();
    }

    /** Reading: an empty list is accepted ({@code IN} matches nothing). */
    Set<String> strings() {
      if (!(value() instanceof JsonArray list)) {
        throw new Refused(property, "the value must be a list of strings");
      }
      if (list.size() > LIST_LIMIT) {
        throw new Refused(property, "the list has more than " + LIST_LIMIT + " values");
      }
      Set<String> strings = new LinkedHashSet<>();
      for (JsonValue element : list) {
        if (!(element instanceof JsonString s)) {
          throw new Refused(property, "the value must be a list of strings");
        }
        strings.add(s.getString());
      }
      return strings;
    }

    boolean bool() {
      JsonValue value = value();
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        throw new Refused(property, "the value must be true or false");
      }
      return value == JsonValue.TRUE;
    }

    List<JsonValue> pair() {
      if (!(value() instanceof JsonArray list) || list.size() != 2) {
        throw new Refused(property, "the value must be a pair [low, high]");
      }
      return list;
    }

    long days() {
      if (!(value() instanceof JsonNumber n) || !n.isIntegral() || n.longValue() < 0) {
        throw new Refused(property, "the value must be a whole number of days");
      }
      return n.longValue();
    }

    BigDecimal number(JsonValue value) {
      BigDecimal number = decimal(value);
      if (number == null) {
        throw new Refused(property, "the value must be a number");
      }
      return number;
    }

    double metric(JsonValue value, Attribute attribute) {
      if (!(value instanceof JsonObject o)
          || !o.containsKey("amount")
          || !(o.get("unit") instanceof JsonString unit)) {
        throw new Refused(property, "the value must be {\"amount\": n, \"unit\": \"<unit>\"}");
      }
      Map<String, List<Step>> units = catalog.units.get(attribute.metricFamily());
      if (units == null || !units.containsKey(unit.getString())) {
        throw new Refused(property, "'" + unit.getString() + "' is not a unit of the attribute");
      }
      return toStandard(number(o.get("amount")), units.get(unit.getString())).doubleValue();
    }

    String currency(JsonValue value) {
      if (!(value instanceof JsonObject o) || !(o.get("currency") instanceof JsonString c)) {
        throw new Refused(property, "the value must be {\"amount\": n, \"currency\": \"EUR\"}");
      }
      if (!catalog.currencies.contains(c.getString())) {
        throw new Refused(property, "'" + c.getString() + "' is not a known currency");
      }
      return c.getString();
    }

    double priceAmount(JsonValue value) {
      currency(value);
      return number(value.asJsonObject().get("amount")).doubleValue();
    }

    LocalDate date(JsonValue value) {
      if (value instanceof JsonString s && DATE.matcher(s.getString()).matches()) {
        try {
          return LocalDate.parse(s.getString());
        } catch (DateTimeParseException e) {
          // refused below
        }
      }
      throw new Refused(property, "the value must be a date YYYY-MM-DD");
    }

    Span span(JsonValue value) {
      if (value instanceof JsonString s) {
        try {
          if (DATE.matcher(s.getString()).matches()) {
            LocalDate day = LocalDate.parse(s.getString());
            return new Span(
                day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
          }
          Instant instant = OffsetDateTime.parse(s.getString()).toInstant();
          return new Span(instant, instant.plusNanos(1));
        } catch (DateTimeParseException e) {
          // refused below
        }
      }
      throw new Refused(property, "the value must be a date-time with offset or a date");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sorts

  private static String sortName(String sort) {
    if (sort == null) {
      return "identifier";
    }
    return sort.startsWith("-") ? sort.substring(1) : sort;
  }

  /** What a product is sorted by, null when it has no value (it then comes last). */
  private Function<JsonObject, Object> sortKey(String name, String locale, String scope) {
    switch (name) {
      case "identifier":
        return document -> normalText(document.getString("identifier"));
      case "created", "updated":
        return document -> Instant.parse(document.getString(name));
      case "relevance":
        throw new Refused("sort", "relevance needs q, which the reference does not model");
      default:
        break;
    }
    int dot = name.indexOf('.');
    Attribute attribute = catalog.attributes.get(dot < 0 ? name : name.substring(0, dot));
    if (attribute == null) {
      throw new Refused("sort", "'" + name + "' is not a sort");
    }
    if (attribute.localizable() && locale == null) {
      throw new Refused("sort", "sorting on " + attribute.code() + " needs a locale");
    }
    if (attribute.scopable() && scope == null) {
      throw new Refused("sort", "sorting on " + attribute.code() + " needs a scope");
    }
    String l = attribute.localizable() ? locale : null;
    String s = attribute.scopable() ? scope : null;
    Function<JsonObject, JsonValue> data = document -> slot(document, attribute.code(), l, s);
    if (dot >= 0) {
      String currency = name.substring(dot + 1);
      if (!attribute.type().equals("price_collection") || !catalog.currencies.contains(currency)) {
        throw new Refused("sort", "'" + name + "' is not a sort");
      }
      return document -> amount(data.apply(document), currency);
    }
    return switch (attribute.type()) {
      case "text", "textarea" -> document -> normalText(attribute, data.apply(document));
      case "simpleselect" ->
          document -> {
            JsonValue d = data.apply(document);
            return d == null ? null : lower(((JsonString) d).getString());
          };
      case "number" -> document -> number(data.apply(document));
      case "metric" -> document -> metric(attribute, data.apply(document));
      case "date" ->
          document -> {
            JsonValue d = data.apply(document);
            return d == null ? null : LocalDate.parse(((JsonString) d).getString());
          };
      case "boolean" ->
          document -> {
            JsonValue d = data.apply(document);
            return d == null ? null : d == JsonValue.TRUE;
          };
      default -> throw new Refused("sort", attribute.type() + " attributes cannot be sorted on");
    };
  }

  /** Texts by Unicode code point; numbers, dates, times and booleans by their natural order. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return compareCodePoints(x, y);
    }
    return ((Comparable) a).compareTo(b);
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  // ---------------------------------------------------------------------------------------------
  // Products

  /** The data of one slot, null when the product has no value there. */
  private static JsonValue slot(
      JsonObject document, String attribute, String locale, String scope) {
    JsonObject values = document.getJsonObject("values");
    if (values == null || !(values.get(attribute) instanceof JsonArray entries)) {
      return null;
    }
    for (JsonValue entry : entries) {
      JsonObject e = entry.asJsonObject();
      if (Objects.equals(text(e, "locale"), locale) && Objects.equals(text(e, "scope"), scope)) {
        JsonValue data = e.get("data");
        boolean empty =
            data == null
                || data == JsonValue.NULL
                || (data instanceof JsonString s && s.getString().isEmpty())
                || (data instanceof JsonArray a && a.isEmpty());
        return empty ? null : data;
      }
    }
    return null;
  }

  /**
   * The text that filters and sorts see: for a textarea, the text without HTML tags, as Jsoup
   * renders it (entities decoded, white space collapsed and trimmed); then its first 8,000
   * characters, lower-cased.
   *
   * <p>Reading: every textarea is read as HTML, rich text or not; "characters" are code points (as
   * {@code max_characters} counts them), cut before lower-casing; lower case is {@code
   * String.toLowerCase(Locale.ROOT)}, which is not always one code point for one (final sigma,
   * dotted I). A textarea whose text is empty (an image only) still has a value.
   */
  private String normalText(Attribute attribute, JsonValue data) {
    if (data == null) {
      return null;
    }
    String text = ((JsonString) data).getString();
    if (attribute.type().equals("textarea")) {
      text = htmlText.computeIfAbsent(text, html -> Jsoup.parse(html).text());
    }
    return normalText(text);
  }

  static String normalText(String text) {
    if (text.codePointCount(0, text.length()) > TEXT_LIMIT) {
      text = text.substring(0, text.offsetByCodePoints(0, TEXT_LIMIT));
    }
    return lower(text);
  }

  /** Reading: numbers compare as doubles (the stored decimal's nearest double). */
  private static Double number(JsonValue data) {
    return data == null ? null : decimal(data).doubleValue();
  }

  private Double metric(Attribute attribute, JsonValue data) {
    if (data == null) {
      return null;
    }
    JsonObject metric = data.asJsonObject();
    if (metric.isNull("amount")) {
      return null;
    }
    List<Step> steps = catalog.units.get(attribute.metricFamily()).get(metric.getString("unit"));
    if (steps == null) {
      throw new IllegalStateException(
          "the reference does not know the unit of " + attribute.code() + ": " + metric);
    }
    return toStandard(decimal(metric.get("amount")), steps).doubleValue();
  }

  private static Double amount(JsonValue prices, String currency) {
    if (prices == null) {
      return null;
    }
    for (JsonValue price : prices.asJsonArray()) {
      JsonObject p = price.asJsonObject();
      if (p.getString("currency").equals(currency) && !p.isNull("amount")) {
        return decimal(p.get("amount")).doubleValue();
      }
    }
    return null;
  }

  private static Set<String> options(JsonValue data) {
    if (data == null) {
      return null;
    }
    if (data instanceof JsonString code) {
      return Set.of(lower(code.getString()));
    }
    return lowered(
        new LinkedHashSet<>(
            data.asJsonArray().getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList()));
  }

  private static Set<String> categoriesOf(JsonObject document) {
    JsonArray categories = document.getJsonArray("categories");
    Set<String> codes = new HashSet<>();
    if (categories != null) {
      categories.getValuesAs(JsonString.class).forEach(c -> codes.add(c.getString()));
    }
    return codes;
  }

  private List<String> ancestorsOrSelf(String category) {
    List<String> chain = new ArrayList<>();
    for (String c = category; c != null && !chain.contains(c); c = catalog.categoryParents.get(c)) {
      chain.add(c);
    }
    return chain;
  }

  /** The models a product is under, its parent first, in lower case; empty for no parent. */
  private List<String> modelsAbove(JsonObject document) {
    List<String> chain = new ArrayList<>();
    String parent = text(document, "parent");
    for (String m = parent == null ? null : lower(parent);
        m != null && !chain.contains(m);
        m = catalog.modelParents.get(m)) {
      chain.add(m);
    }
    return chain;
  }

  // ---------------------------------------------------------------------------------------------
  // Small things

  private static BigDecimal toStandard(BigDecimal amount, List<Step> steps) {
    BigDecimal result = amount;
    for (Step step : steps) {
      result =
          switch (step.operator()) {
            case "mul" -> result.multiply(step.value(), PRECISION);
            case "div" -> result.divide(step.value(), PRECISION);
            case "add" -> result.add(step.value(), PRECISION);
            case "sub" -> result.subtract(step.value(), PRECISION);
            default -> throw new IllegalStateException("unknown conversion step " + step);
          };
    }
    return result;
  }

  /** A JSON number or a decimal string (no exponent), null for anything else. */
  static BigDecimal decimal(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    if (value instanceof JsonString s) {
      String text = s.getString().strip();
      if (text.isEmpty() || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
        return null;
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static Set<String> lowered(Set<String> codes) {
    Set<String> lowered = new HashSet<>();
    codes.forEach(c -> lowered.add(lower(c)));
    return lowered;
  }

  /** A string member, null when absent or null. */
  private static String text(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value instanceof JsonString s ? s.getString() : null;
  }
}
