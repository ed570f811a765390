package io.vitrine.search;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Conversion;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import io.vitrine.quality.Grade;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AutomatonQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * The {@code search} parameter, in the Akeneo grammar, turned into one Lucene query per field. Each
 * condition is checked against the catalog; a bad one is a violation naming {@code
 * search.<field>[<index>]}.
 */
final class Filters {

  static final int MAX_LIST = 1000;

  private final CatalogSnapshot schema;
  private final String locale;
  private final String scope;
  private final Violations violations;
  private final LocalDate today;

  private Filters(
      CatalogSnapshot schema, String locale, String scope, Violations violations, LocalDate today) {
    this.schema = schema;
    this.locale = locale;
    this.scope = scope;
    this.violations = violations;
    this.today = today;
  }

  /** A condition as written: where it is, and what it says. */
  private record Condition(String path, String operator, JsonValue value, JsonObject json) {}

  /**
   * The query of each filtered field (its conditions ANDed), by field name as the request gives it;
   * facets use the names to leave a field's own filters out.
   */
  static Map<String, Query> parse(
      String search,
      CatalogSnapshot schema,
      String locale,
      String scope,
      LocalDate today,
      Violations violations) {
    Map<String, Query> queries = new LinkedHashMap<>();
    if (search == null || search.isBlank()) {
      return queries;
    }
    JsonObject json;
    try {
      json = Jsonp.reader(new StringReader(search)).readValue().asJsonObject();
    } catch (RuntimeException e) {
      violations.add("search", "must be a JSON object of lists of conditions.");
      return queries;
    }
    var filters = new Filters(schema, locale, scope, violations, today);
    json.forEach(
        (field, conditions) -> {
          if (!(conditions instanceof JsonArray list) || list.isEmpty()) {
            violations.add("search." + field, "must be a non-empty list of conditions.");
            return;
          }
          BooleanQuery.Builder all = new BooleanQuery.Builder();
          for (int i = 0; i < list.size(); i++) {
            String path = "search." + field + "[" + i + "]";
            if (!(list.get(i) instanceof JsonObject condition)) {
              violations.add(path, "must be an object with an operator.");
              continue;
            }
            if (!(condition.get("operator") instanceof JsonString operator)) {
              violations.add(path, "needs an operator (a string).");
              continue;
            }
            Query query =
                filters.condition(
                    field,
                    new Condition(path, operator.getString(), condition.get("value"), condition));
            if (query != null) {
              all.add(query, Occur.FILTER);
            }
          }
          queries.put(field, all.build());
        });
    return queries;
  }

  private static final Set<String> CONDITION_KEYS = Set.of("operator", "value", "locale", "scope");

  private Query condition(String field, Condition c) {
    for (String key : c.json().keySet()) {
      if (!CONDITION_KEYS.contains(key)
          && !((field.equals("completeness") || field.equals("quality_score"))
              && key.equals("locales"))) {
        return refuse(
            c, "'" + key + "' is not part of a condition (operator, value, locale, scope).");
      }
    }
    if (FIELDS.contains(field)
        && (stringOrNull(c.json(), "locale") != null || stringOrNull(c.json(), "scope") != null)) {
      return refuse(c, "'" + field + "' has no locale or scope.");
    }
    return switch (field) {
      case "identifier" -> identifier(c);
      case "family" -> family(c);
      case "enabled" -> enabled(c);
      case "categories" -> categories(c);
      case "parent" -> parent(c);
      case "created" -> time(c, SearchFields.CREATED);
      case "updated" -> time(c, SearchFields.UPDATED);
      case "completeness" -> completeness(c);
      case "quality_score" -> qualityScore(c);
      default -> {
        Attribute attribute = schema.attributes().get(field);
        if (attribute == null || attribute.type() == AttributeType.IDENTIFIER) {
          yield refuse(
              c,
              "there is no field or attribute '"
                  + field
                  + "' to filter on (fields: identifier, family, enabled, categories, parent,"
                  + " created, updated, completeness, quality_score; or an attribute code).");
        }
        yield attribute(attribute, c);
      }
    };
  }

  // Top-level fields

  private Query identifier(Condition c) {
    String f = SearchFields.IDENTIFIER;
    return switch (c.operator()) {
      case "=" -> text(c).map(v -> (Query) term(f, ValueForms.keyword(v))).orElse(null);
      case "!=" -> text(c).map(v -> not(all(), term(f, ValueForms.keyword(v)))).orElse(null);
      case "IN" -> list(c).map(v -> inSet(f, lower(v))).orElse(null);
      case "NOT IN" -> list(c).map(v -> not(all(), inSet(f, lower(v)))).orElse(null);
      case "STARTS WITH" -> text(c).map(v -> prefix(f, v)).orElse(null);
      case "CONTAINS" -> text(c).map(v -> contains(f, v)).orElse(null);
      case "DOES NOT CONTAIN" -> text(c).map(v -> not(all(), contains(f, v))).orElse(null);
      default -> operators(c, "=, !=, IN, NOT IN, STARTS WITH, CONTAINS, DOES NOT CONTAIN");
    };
  }

  private Query family(Condition c) {
    String f = SearchFields.FAMILY;
    return switch (c.operator()) {
      case "IN" -> list(c).map(v -> inSet(f, v)).orElse(null);
      case "NOT IN" -> list(c).map(v -> not(all(), inSet(f, v))).orElse(null);
      case "EMPTY" -> noValue(c, not(all(), new FieldExistsQuery(f)));
      case "NOT EMPTY" -> noValue(c, new FieldExistsQuery(f));
      default -> operators(c, "IN, NOT IN, EMPTY, NOT EMPTY");
    };
  }

  private Query enabled(Condition c) {
    return switch (c.operator()) {
      case "=" -> bool(c).map(v -> term(SearchFields.ENABLED, v.toString())).orElse(null);
      case "!=" -> bool(c).map(v -> term(SearchFields.ENABLED, Boolean.toString(!v))).orElse(null);
      default -> operators(c, "=, !=");
    };
  }

  private Query categories(Condition c) {
    Query unclassified = term(SearchFields.CLASSIFIED, "false");
    return switch (c.operator()) {
      case "IN" -> list(c).map(v -> inSet(SearchFields.CATEGORIES, v)).orElse(null);
      case "NOT IN" -> list(c).map(v -> not(all(), inSet(SearchFields.CATEGORIES, v))).orElse(null);
      case "IN OR UNCLASSIFIED" ->
          list(c)
              .map(
                  v ->
                      (Query)
                          new BooleanQuery.Builder()
                              .add(inSet(SearchFields.CATEGORIES, v), Occur.SHOULD)
                              .add(unclassified, Occur.SHOULD)
                              .build())
              .orElse(null);
      case "IN CHILDREN" -> list(c).map(v -> inSet(SearchFields.CATEGORY_PATHS, v)).orElse(null);
      case "NOT IN CHILDREN" ->
          list(c).map(v -> not(all(), inSet(SearchFields.CATEGORY_PATHS, v))).orElse(null);
      case "UNCLASSIFIED" -> noValue(c, unclassified);
      case "CLASSIFIED" -> noValue(c, term(SearchFields.CLASSIFIED, "true"));
      default ->
          operators(
              c,
              "IN, NOT IN, IN OR UNCLASSIFIED, IN CHILDREN, NOT IN CHILDREN, UNCLASSIFIED,"
                  + " CLASSIFIED");
    };
  }

  /** A channel and the locales of it a condition looks at. */
  private record Slots(Channel channel, List<String> locales) {}

  /**
   * The channel ({@code scope}, required) and locales ({@code locale} or {@code locales}, default
   * all the channel's) of a completeness or quality condition; null when refused.
   */
  private Slots slots(Condition c, String what) {
    String channelCode = stringOrNull(c.json(), "scope");
    if (channelCode == null) {
      channelCode = scope;
    }
    if (channelCode == null) {
      refuse(c, what + " needs a scope (a channel code).");
      return null;
    }
    Channel channel = schema.channels().get(channelCode);
    if (channel == null) {
      refuse(c, "there is no channel '" + channelCode + "'.");
      return null;
    }
    List<String> locales = new ArrayList<>();
    JsonValue listed = c.json().get("locales");
    if (listed instanceof JsonArray array) {
      for (JsonValue v : array) {
        if (!(v instanceof JsonString code)) {
          refuse(c, "locales must be a list of locale codes.");
          return null;
        }
        locales.add(code.getString());
      }
    } else if (listed != null) {
      refuse(c, "locales must be a list of locale codes.");
      return null;
    } else if (stringOrNull(c.json(), "locale") != null) {
      locales.add(stringOrNull(c.json(), "locale"));
    } else {
      locales.addAll(channel.locales());
    }
    for (String code : locales) {
      if (!channel.locales().contains(code)) {
        refuse(c, "'" + code + "' is not a locale of channel '" + channel.code() + "'.");
        return null;
      }
    }
    if (locales.isEmpty()) {
      refuse(c, "locales must name at least one locale.");
      return null;
    }
    return new Slots(channel, locales);
  }

  /**
   * Completeness in a channel ({@code scope}, required) on at least one of its locales, or on every
   * one of {@code locales} with the ON ALL LOCALES operators, as Akeneo's filter does. {@code
   * locale} or {@code locales} narrow the locales looked at.
   */
  private Query completeness(Condition c) {
    Slots slots = slots(c, "completeness");
    if (slots == null) {
      return null;
    }
    Channel channel = slots.channel();
    List<String> locales = slots.locales();
    if (!(c.value() instanceof JsonNumber n)
        || !n.isIntegral()
        || n.longValue() < 0
        || n.longValue() > 100) {
      return refuse(c, "completeness needs a whole number from 0 to 100.");
    }
    int v = n.intValue();
    boolean everyLocale = c.operator().endsWith(" ON ALL LOCALES");
    String operator =
        everyLocale
            ? switch (c.operator()) {
              case "GREATER THAN ON ALL LOCALES" -> ">";
              case "GREATER OR EQUALS THAN ON ALL LOCALES" -> ">=";
              case "LOWER THAN ON ALL LOCALES" -> "<";
              case "LOWER OR EQUALS THAN ON ALL LOCALES" -> "<=";
              default -> "";
            }
            : c.operator();
    int[] range =
        switch (operator) {
          case "<" -> new int[] {0, v - 1};
          case "<=" -> new int[] {0, v};
          case "=", "!=" -> new int[] {v, v};
          case ">" -> new int[] {v + 1, 100};
          case ">=" -> new int[] {v, 100};
          default -> null;
        };
    if (range == null) {
      return operators(
          c,
          "<, <=, =, !=, >, >=, GREATER THAN ON ALL LOCALES, GREATER OR EQUALS THAN ON ALL"
              + " LOCALES, LOWER THAN ON ALL LOCALES, LOWER OR EQUALS THAN ON ALL LOCALES");
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String code : locales) {
      String f = SearchFields.completeness(channel.code(), code);
      Query slot = IntPoint.newRangeQuery(f, range[0], range[1]);
      if (operator.equals("!=")) {
        slot = not(IntPoint.newRangeQuery(f, 0, 100), slot);
      }
      query.add(slot, everyLocale ? Occur.FILTER : Occur.SHOULD);
    }
    return new ConstantScoreQuery(query.build());
  }

  /**
   * The data quality grade in a channel ({@code scope}, required) on at least one of its locales
   * ({@code locale} or {@code locales} narrow them): IN or NOT IN a list of grades, as Akeneo's
   * {@code quality_score} filter. A grade is a range of scores.
   */
  private Query qualityScore(Condition c) {
    Slots slots = slots(c, "quality_score");
    if (slots == null) {
      return null;
    }
    if (!c.operator().equals("IN") && !c.operator().equals("NOT IN")) {
      return operators(c, "IN, NOT IN");
    }
    Optional<List<String>> listed = list(c);
    if (listed.isEmpty()) {
      return null;
    }
    Set<Grade> grades = EnumSet.noneOf(Grade.class);
    for (String code : listed.get()) {
      Optional<Grade> grade =
          Arrays.stream(Grade.values()).filter(g -> g.name().equalsIgnoreCase(code)).findFirst();
      if (grade.isEmpty()) {
        return refuse(c, "'" + code + "' is not a grade (A, B, C, D or E).");
      }
      grades.add(grade.get());
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String locale : slots.locales()) {
      String f = SearchFields.quality(slots.channel().code(), locale);
      BooleanQuery.Builder inGrades = new BooleanQuery.Builder();
      for (Grade grade : grades) {
        inGrades.add(IntPoint.newRangeQuery(f, grade.lowest(), grade.highest()), Occur.SHOULD);
      }
      Query slot = inGrades.build();
      if (c.operator().equals("NOT IN")) {
        slot = not(IntPoint.newRangeQuery(f, 0, 100), slot);
      }
      query.add(slot, Occur.SHOULD);
    }
    return new ConstantScoreQuery(query.build());
  }

  private Query parent(Condition c) {
    Query variant = term(SearchFields.VARIANT, "true");
    return switch (c.operator()) {
      case "IN" -> list(c).map(v -> inSet(SearchFields.MODELS, lower(v))).orElse(null);
      case "NOT IN" ->
          list(c).map(v -> not(variant, inSet(SearchFields.MODELS, lower(v)))).orElse(null);
      case "EMPTY" -> noValue(c, term(SearchFields.VARIANT, "false"));
      case "NOT EMPTY" -> noValue(c, variant);
      default -> operators(c, "IN, NOT IN, EMPTY, NOT EMPTY");
    };
  }

  /** created and updated: a time, or a whole day in UTC when given a date. */
  private Query time(Condition c, String f) {
    return switch (c.operator()) {
      case "<" -> instant(c, c.value()).map(r -> longs(f, Long.MIN_VALUE, r[0] - 1)).orElse(null);
      case ">" -> instant(c, c.value()).map(r -> longs(f, r[1] + 1, Long.MAX_VALUE)).orElse(null);
      case "=" -> instant(c, c.value()).map(r -> longs(f, r[0], r[1])).orElse(null);
      case "!=" -> instant(c, c.value()).map(r -> not(all(), longs(f, r[0], r[1]))).orElse(null);
      case "BETWEEN", "NOT BETWEEN" -> {
        Optional<List<JsonValue>> pair = pair(c);
        if (pair.isEmpty()) {
          yield null;
        }
        Optional<long[]> from = instant(c, pair.get().get(0));
        Optional<long[]> to = instant(c, pair.get().get(1));
        if (from.isEmpty() || to.isEmpty()) {
          yield null;
        }
        Query between = longs(f, from.get()[0], to.get()[1]);
        yield c.operator().equals("BETWEEN") ? between : not(all(), between);
      }
      case "SINCE LAST N DAYS" ->
          days(c)
              .map(
                  n ->
                      longs(
                          f,
                          today
                              .minusDays(n)
                              .atStartOfDay()
                              .toInstant(ZoneOffset.UTC)
                              .toEpochMilli(),
                          Long.MAX_VALUE))
              .orElse(null);
      default -> operators(c, "<, >, =, !=, BETWEEN, NOT BETWEEN, SINCE LAST N DAYS");
    };
  }

  // Attributes

  private Query attribute(Attribute attribute, Condition c) {
    JsonObject json = c.json();
    String conditionLocale = stringOrNull(json, "locale");
    String conditionScope = stringOrNull(json, "scope");
    String slotLocale = null;
    String slotScope = null;
    if (attribute.localizable()) {
      slotLocale = conditionLocale != null ? conditionLocale : locale;
      if (slotLocale == null) {
        return refuse(c, "'" + attribute.code() + "' is localizable: give a locale.");
      }
      if (!schema.locales().contains(slotLocale)) {
        return refuse(c, "there is no locale '" + slotLocale + "'.");
      }
    } else if (conditionLocale != null) {
      return refuse(c, "'" + attribute.code() + "' is not localizable: remove the locale.");
    }
    if (attribute.scopable()) {
      slotScope = conditionScope != null ? conditionScope : scope;
      if (slotScope == null) {
        return refuse(c, "'" + attribute.code() + "' is scopable: give a scope (a channel).");
      }
      if (!schema.channels().containsKey(slotScope)) {
        return refuse(c, "there is no channel '" + slotScope + "'.");
      }
    } else if (conditionScope != null) {
      return refuse(c, "'" + attribute.code() + "' is not scopable: remove the scope.");
    }
    String slot = SearchFields.slot(attribute.code(), slotLocale, slotScope);
    String f = SearchFields.value(attribute.type(), attribute.code(), slotLocale, slotScope);
    Query filled = new TermQuery(new Term(SearchFields.FILLED, slot));
    switch (c.operator()) {
      case "EMPTY", "NOT EMPTY" -> {
        Query has = filled;
        if (attribute.type() == AttributeType.PRICE_COLLECTION && c.value() != null) {
          Optional<String> currency = currency(c, c.value());
          if (currency.isEmpty()) {
            return null;
          }
          has =
              new FieldExistsQuery(
                  SearchFields.price(attribute.code(), slotLocale, slotScope, currency.get()));
        } else if (c.value() != null && c.value() != JsonValue.NULL) {
          return refuse(c, c.operator() + " takes no value.");
        }
        return c.operator().equals("EMPTY") ? not(all(), has) : has;
      }
      default -> {
        // by type, below
      }
    }
    return switch (attribute.type()) {
      case TEXT, TEXTAREA -> textAttribute(c, f, filled);
      case NUMBER -> numeric(c, f, v -> number(c, v));
      case METRIC -> numeric(c, f, v -> metric(c, attribute, v));
      case PRICE_COLLECTION -> price(c, attribute, slotLocale, slotScope);
      case SIMPLESELECT, MULTISELECT ->
          switch (c.operator()) {
            case "IN" -> list(c).map(v -> inSet(f, lower(v))).orElse(null);
            case "NOT IN" -> list(c).map(v -> not(filled, inSet(f, lower(v)))).orElse(null);
            default -> operators(c, "IN, NOT IN, EMPTY, NOT EMPTY");
          };
      case BOOLEAN ->
          switch (c.operator()) {
            case "=" -> bool(c).map(v -> term(f, v.toString())).orElse(null);
            case "!=" -> bool(c).map(v -> term(f, Boolean.toString(!v))).orElse(null);
            default -> operators(c, "=, !=");
          };
      case DATE -> date(c, f, filled);
      case ASSET_COLLECTION -> operators(c, "EMPTY, NOT EMPTY");
      case IDENTIFIER -> null;
    };
  }

  private Query textAttribute(Condition c, String f, Query filled) {
    return switch (c.operator()) {
      case "=" -> text(c).map(v -> (Query) term(f, ValueForms.keyword(v))).orElse(null);
      case "!=" -> text(c).map(v -> not(filled, term(f, ValueForms.keyword(v)))).orElse(null);
      case "STARTS WITH" -> text(c).map(v -> prefix(f, v)).orElse(null);
      case "CONTAINS" -> text(c).map(v -> contains(f, v)).orElse(null);
      case "DOES NOT CONTAIN" -> text(c).map(v -> not(filled, contains(f, v))).orElse(null);
      default -> operators(c, "=, !=, STARTS WITH, CONTAINS, DOES NOT CONTAIN, EMPTY, NOT EMPTY");
    };
  }

  /** Number, metric and price comparisons over one double field. */
  private Query numeric(
      Condition c, String f, java.util.function.Function<JsonValue, Optional<Double>> read) {
    Query has = new FieldExistsQuery(f);
    return switch (c.operator()) {
      case "<" ->
          read.apply(c.value())
              .map(v -> range(f, Double.NEGATIVE_INFINITY, Math.nextDown(v)))
              .orElse(null);
      case "<=" ->
          read.apply(c.value()).map(v -> range(f, Double.NEGATIVE_INFINITY, v)).orElse(null);
      case "=" -> read.apply(c.value()).map(v -> range(f, v, v)).orElse(null);
      case "!=" -> read.apply(c.value()).map(v -> not(has, range(f, v, v))).orElse(null);
      case ">" ->
          read.apply(c.value())
              .map(v -> range(f, Math.nextUp(v), Double.POSITIVE_INFINITY))
              .orElse(null);
      case ">=" ->
          read.apply(c.value()).map(v -> range(f, v, Double.POSITIVE_INFINITY)).orElse(null);
      case "BETWEEN" -> {
        Optional<List<JsonValue>> pair = pair(c);
        if (pair.isEmpty()) {
          yield null;
        }
        Optional<Double> low = read.apply(pair.get().get(0));
        Optional<Double> high = read.apply(pair.get().get(1));
        yield low.isPresent() && high.isPresent() ? range(f, low.get(), high.get()) : null;
      }
      default -> operators(c, "<, <=, =, !=, >, >=, BETWEEN, EMPTY, NOT EMPTY");
    };
  }

  private Query price(Condition c, Attribute attribute, String slotLocale, String slotScope) {
    JsonValue sample = c.value();
    if (c.operator().equals("BETWEEN") && sample instanceof JsonArray pair && !pair.isEmpty()) {
      sample = pair.get(0);
    }
    Optional<String> currency = currency(c, sample);
    if (currency.isEmpty()) {
      return null;
    }
    String f = SearchFields.price(attribute.code(), slotLocale, slotScope, currency.get());
    return numeric(
        c,
        f,
        v -> {
          if (!(v instanceof JsonObject p) || !currency.get().equals(stringOrNull(p, "currency"))) {
            violations.add(
                c.path(),
                "each value must be {\"amount\": n, \"currency\": \"" + currency.get() + "\"}.");
            return Optional.empty();
          }
          return number(c, p.get("amount"));
        });
  }

  private Optional<String> currency(Condition c, JsonValue value) {
    if (!(value instanceof JsonObject p) || stringOrNull(p, "currency") == null) {
      violations.add(c.path(), "needs a value {\"amount\": n, \"currency\": \"<code>\"}.");
      return Optional.empty();
    }
    String currency = p.getString("currency");
    if (!schema.currencyDecimals().containsKey(currency)) {
      violations.add(c.path(), "there is no currency '" + currency + "'.");
      return Optional.empty();
    }
    return Optional.of(currency);
  }

  private Query date(Condition c, String f, Query filled) {
    return switch (c.operator()) {
      case "<" -> day(c, c.value()).map(d -> longs(f, Long.MIN_VALUE, d - 1)).orElse(null);
      case ">" -> day(c, c.value()).map(d -> longs(f, d + 1, Long.MAX_VALUE)).orElse(null);
      case "=" -> day(c, c.value()).map(d -> longs(f, d, d)).orElse(null);
      case "!=" -> day(c, c.value()).map(d -> not(filled, longs(f, d, d))).orElse(null);
      case "BETWEEN", "NOT BETWEEN" -> {
        Optional<List<JsonValue>> pair = pair(c);
        if (pair.isEmpty()) {
          yield null;
        }
        Optional<Long> from = day(c, pair.get().get(0));
        Optional<Long> to = day(c, pair.get().get(1));
        if (from.isEmpty() || to.isEmpty()) {
          yield null;
        }
        Query between = longs(f, from.get(), to.get());
        yield c.operator().equals("BETWEEN") ? between : not(filled, between);
      }
      case "SINCE LAST N DAYS" ->
          days(c)
              .map(n -> longs(f, today.minusDays(n).toEpochDay(), today.toEpochDay()))
              .orElse(null);
      default ->
          operators(c, "<, >, =, !=, BETWEEN, NOT BETWEEN, SINCE LAST N DAYS, EMPTY, NOT EMPTY");
    };
  }

  // Values

  private Optional<String> text(Condition c) {
    if (c.value() instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    violations.add(c.path(), c.operator() + " needs a string value.");
    return Optional.empty();
  }

  private Optional<List<String>> list(Condition c) {
    if (c.value() instanceof JsonArray array
        && !array.isEmpty()
        && array.stream().allMatch(v -> v instanceof JsonString)) {
      if (array.size() > MAX_LIST) {
        violations.add(
            c.path(),
            c.operator() + " takes at most " + MAX_LIST + " values (" + array.size() + " given).");
        return Optional.empty();
      }
      return Optional.of(
          array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }
    violations.add(c.path(), c.operator() + " needs a non-empty list of strings.");
    return Optional.empty();
  }

  private Optional<Boolean> bool(Condition c) {
    if (c.value() == JsonValue.TRUE || c.value() == JsonValue.FALSE) {
      return Optional.of(c.value() == JsonValue.TRUE);
    }
    violations.add(c.path(), c.operator() + " needs true or false.");
    return Optional.empty();
  }

  private Optional<List<JsonValue>> pair(Condition c) {
    if (c.value() instanceof JsonArray array && array.size() == 2) {
      return Optional.of(List.copyOf(array));
    }
    violations.add(c.path(), c.operator() + " needs a pair of values [from, to].");
    return Optional.empty();
  }

  private Optional<Integer> days(Condition c) {
    if (c.value() instanceof JsonNumber n
        && n.isIntegral()
        && n.longValue() >= 0
        && n.longValue() <= 100_000) {
      return Optional.of(n.intValue());
    }
    violations.add(c.path(), "SINCE LAST N DAYS needs a whole number of days (0 or more).");
    return Optional.empty();
  }

  private Optional<Double> number(Condition c, JsonValue value) {
    Optional<Double> number = decimal(value).map(BigDecimal::doubleValue);
    if (number.isEmpty()) {
      violations.add(c.path(), "needs a number (or a decimal string).");
    }
    return number;
  }

  private Optional<BigDecimal> decimal(JsonValue value) {
    try {
      if (value instanceof JsonNumber || value instanceof JsonString) {
        return Optional.of(ValueForms.decimal(value));
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    return Optional.empty();
  }

  private Optional<Double> metric(Condition c, Attribute attribute, JsonValue value) {
    if (value instanceof JsonObject m && m.get("unit") instanceof JsonString unit) {
      Optional<BigDecimal> amount = decimal(m.get("amount"));
      Optional<List<Conversion.Step>> steps =
          ValueForms.conversion(attribute, unit.getString(), schema);
      if (steps.isEmpty()) {
        violations.add(
            c.path(),
            "'" + unit.getString() + "' is not a unit of " + attribute.metricFamily() + ".");
        return Optional.empty();
      }
      if (amount.isPresent()) {
        return Optional.of(ValueForms.standard(amount.get(), steps.get()));
      }
    }
    violations.add(c.path(), "needs a value {\"amount\": n, \"unit\": \"<unit>\"}.");
    return Optional.empty();
  }

  /** A day as an epoch day; null values and other shapes are violations. */
  private Optional<Long> day(Condition c, JsonValue value) {
    if (value instanceof JsonString s) {
      try {
        return Optional.of(LocalDate.parse(s.getString()).toEpochDay());
      } catch (DateTimeParseException e) {
        // refused below
      }
    }
    violations.add(c.path(), "needs a date YYYY-MM-DD.");
    return Optional.empty();
  }

  /** [first, last] millisecond of a date-time (one instant) or of a date (its day in UTC). */
  private Optional<long[]> instant(Condition c, JsonValue value) {
    if (value instanceof JsonString s) {
      String text = s.getString();
      try {
        long at = OffsetDateTime.parse(text).toInstant().toEpochMilli();
        return Optional.of(new long[] {at, at});
      } catch (DateTimeParseException e) {
        try {
          LocalDate day = LocalDate.parse(text);
          long start = day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
          return Optional.of(new long[] {start, start + 86_400_000L - 1});
        } catch (DateTimeParseException notADate) {
          // refused below
        }
      }
    }
    violations.add(c.path(), "needs a date-time with offset (2026-11-22T10:00:00Z) or a date.");
    return Optional.empty();
  }

  private Query noValue(Condition c, Query query) {
    if (c.value() != null && c.value() != JsonValue.NULL) {
      return refuse(c, c.operator() + " takes no value.");
    }
    return query;
  }

  private Query operators(Condition c, String allowed) {
    return refuse(
        c, "'" + c.operator() + "' is not an operator of this field (use " + allowed + ").");
  }

  private Query refuse(Condition c, String message) {
    violations.add(c.path(), message);
    return null;
  }

  // Queries

  private static Query all() {
    return new MatchAllDocsQuery();
  }

  /** The documents of {@code within} that do not match {@code excluded}. */
  static Query not(Query within, Query excluded) {
    return new BooleanQuery.Builder()
        .add(within, Occur.FILTER)
        .add(excluded, Occur.MUST_NOT)
        .build();
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }

  private static Query inSet(String field, List<String> values) {
    List<BytesRef> terms = new ArrayList<>();
    values.forEach(v -> terms.add(new BytesRef(v)));
    return new TermInSetQuery(field, terms);
  }

  private static Query prefix(String field, String value) {
    return new PrefixQuery(new Term(field, ValueForms.keyword(value)));
  }

  private static Query contains(String field, String value) {
    Automaton automaton =
        Operations.concatenate(
            List.of(
                Automata.makeAnyString(),
                Automata.makeString(ValueForms.keyword(value)),
                Automata.makeAnyString()));
    return new AutomatonQuery(new Term(field, value), automaton);
  }

  private static Query range(String field, double low, double high) {
    return low > high ? new MatchNoDocsQuery() : DoublePoint.newRangeQuery(field, low, high);
  }

  /** A range of a long field: milliseconds (created, updated) or epoch days (dates). */
  private static Query longs(String field, long low, long high) {
    return low > high ? new MatchNoDocsQuery() : LongPoint.newRangeQuery(field, low, high);
  }

  private static List<String> lower(List<String> values) {
    return values.stream().map(ValueForms::keyword).toList();
  }

  private static String stringOrNull(JsonObject json, String key) {
    return json.get(key) instanceof JsonString s ? s.getString() : null;
  }

  private static final Set<String> FIELDS =
      Set.of("identifier", "family", "enabled", "categories", "parent", "created", "updated");
}
