package io.vitrine.product;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Conversion;
import io.vitrine.catalog.MeasurementFamily;
import io.vitrine.catalog.MeasurementUnit;
import io.vitrine.platform.json.Decimals;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.JsonTypes;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Checks one product value against its attribute: where it may be given (locale and scope) and what
 * it may hold (type, length, pattern, range, units, currencies). Returns the value in its normal
 * form, {@link JsonValue#NULL} when the value is empty (an empty string or list clears it), or null
 * when it is invalid, after recording each problem. Option codes are checked later, in bulk, by the
 * writer: this class needs no database.
 */
public final class ValueRules {

  /** Numbers beyond this stop being product data and start being attacks on the parser. */
  static final BigDecimal LARGEST = new BigDecimal("1e15");

  static final int MAX_DECIMALS = 10;

  /** The most options or assets one value may list. */
  static final int MAX_CODES = 1000;

  private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

  private static final Safelist RICH_TEXT = Safelist.relaxed().addAttributes("a", "target", "rel");

  private static final Document.OutputSettings COMPACT =
      new Document.OutputSettings().prettyPrint(false);

  private final CatalogSnapshot catalog;
  private final Map<String, Pattern> patterns = new HashMap<>();

  public ValueRules(CatalogSnapshot catalog) {
    this.catalog = catalog;
  }

  /** Where and what: records every problem with the value at {@code key}. */
  public JsonValue check(Attribute attribute, ValueKey key, JsonValue data, Violations violations) {
    var problems = new Problems(key, violations);
    int before = violations.size();
    checkPlace(attribute, key, problems);
    JsonValue normal =
        JsonTypes.isNull(data) ? JsonValue.NULL : normalise(attribute, data, problems);
    return violations.size() > before ? null : normal;
  }

  private JsonValue normalise(Attribute attribute, JsonValue data, Problems problems) {
    return switch (attribute.type()) {
      case IDENTIFIER, TEXT -> text(attribute, data, problems);
      case TEXTAREA -> textarea(attribute, data, problems);
      case NUMBER -> number(attribute, data, problems);
      case METRIC -> metric(attribute, data, problems);
      case PRICE_COLLECTION -> prices(attribute, data, problems);
      case BOOLEAN -> bool(data, problems);
      case DATE -> date(attribute, data, problems);
      case SIMPLESELECT -> option(data, problems);
      case MULTISELECT -> options(data, problems);
      case ASSET_COLLECTION -> assets(data, problems);
    };
  }

  /** The problems of one value, named by attribute, locale and scope. */
  private record Problems(ValueKey key, Violations violations) {
    JsonValue add(String message) {
      violations.add(key.attribute(), key.locale(), key.scope(), message);
      return null;
    }
  }

  private void checkPlace(Attribute a, ValueKey key, Problems problems) {
    String locale = key.locale();
    String scope = key.scope();
    Channel channel = scope == null ? null : catalog.channels().get(scope);
    if (a.scopable()) {
      if (scope == null) {
        problems.add(
            "needs a scope: the attribute is scopable, so each channel has its own value.");
      } else if (channel == null) {
        problems.add("'" + scope + "' is not a channel.");
      }
    } else if (scope != null) {
      problems.add("is not scopable: give its value with \"scope\": null.");
    }
    if (a.localizable()) {
      if (locale == null) {
        problems.add(
            "needs a locale: the attribute is localizable, so each locale has its own value.");
      } else if (!catalog.locales().contains(locale)) {
        problems.add("'" + locale + "' is not a locale.");
      } else if (!catalog.activeLocales().contains(locale)) {
        problems.add(
            "'" + locale + "' is not active: no channel uses it, so no value can be given in it.");
      } else if (channel != null && !channel.locales().contains(locale)) {
        problems.add(
            "'"
                + locale
                + "' is not a locale of the channel '"
                + scope
                + "' ("
                + String.join(", ", channel.locales())
                + ").");
      }
    } else if (locale != null) {
      problems.add("is not localizable: give its value with \"locale\": null.");
    }
  }

  private JsonValue text(Attribute a, JsonValue data, Problems problems) {
    if (!(data instanceof JsonString string)) {
      return problems.add("must be text, not " + JsonTypes.name(data) + ".");
    }
    String text = string.getString();
    if (text.isBlank()) {
      return JsonValue.NULL;
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      return problems.add("must be a single line; use a textarea attribute for longer text.");
    }
    if (!withinLength(a, text, problems)) {
      return null;
    }
    String rule = a.validationRule();
    if ("email".equals(rule) && !EMAIL.matcher(text).matches()) {
      return problems.add("'" + text + "' is not an email address.");
    }
    if ("url".equals(rule) && !isWebAddress(text)) {
      return problems.add("'" + text + "' is not a web address starting with http:// or https://.");
    }
    if ("regexp".equals(rule)) {
      Pattern pattern =
          patterns.computeIfAbsent(a.code(), code -> Pattern.compile(a.validationRegexp()));
      if (!pattern.matcher(text).find()) {
        return problems.add(
            "'" + text + "' does not match the pattern " + a.validationRegexp() + ".");
      }
    }
    return string;
  }

  private static boolean withinLength(Attribute a, String text, Problems problems) {
    int max = a.maxCharacters() == null ? a.type().characterLimit() : a.maxCharacters();
    int length = text.codePointCount(0, text.length());
    if (length > max) {
      problems.add("is " + length + " characters long; at most " + max + " are allowed.");
      return false;
    }
    return true;
  }

  private static boolean isWebAddress(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static JsonValue textarea(Attribute a, JsonValue data, Problems problems) {
    if (!(data instanceof JsonString string)) {
      return problems.add("must be text, not " + JsonTypes.name(data) + ".");
    }
    String text = string.getString();
    if (Boolean.TRUE.equals(a.richText())) {
      // Scripts, event handlers and unknown tags are removed, not refused: pasted HTML is normal.
      text = Jsoup.clean(text, "", RICH_TEXT, COMPACT);
      var body = Jsoup.parseBodyFragment(text).body();
      if (body.text().isBlank() && body.select("img").isEmpty()) {
        return JsonValue.NULL;
      }
    }
    if (text.isBlank()) {
      return JsonValue.NULL;
    }
    return withinLength(a, text, problems) ? Jsonp.value(text) : null;
  }

  private static JsonValue number(Attribute a, JsonValue data, Problems problems) {
    if (data instanceof JsonString text && text.getString().isBlank()) {
      return JsonValue.NULL;
    }
    BigDecimal number = amount(a, data, "", problems);
    if (number == null) {
      return null;
    }
    if (!inRange(number, a, problems, "")) {
      return null;
    }
    return Boolean.TRUE.equals(a.decimalsAllowed())
        ? Jsonp.value(Decimals.plain(number))
        : Jsonp.value(number.toBigIntegerExact());
  }

  /**
   * A number as the attribute allows it: parsed, bounded in size, whole unless decimals are
   * allowed, not negative unless allowed. {@code what} prefixes messages ("amount ").
   */
  private static BigDecimal amount(Attribute a, JsonValue data, String what, Problems problems) {
    if (Decimals.isTooLong(data)) {
      problems.add(what + "is too long: at most " + Decimals.MAX_LENGTH + " characters.");
      return null;
    }
    BigDecimal number = Decimals.parse(data);
    if (number == null) {
      problems.add(what + "must be a number, not " + JsonTypes.name(data) + ".");
      return null;
    }
    number = number.stripTrailingZeros();
    if (number.abs().compareTo(LARGEST) >= 0) {
      problems.add(what + "is too large: at most 15 digits before the decimal point.");
      return null;
    }
    if (number.scale() > MAX_DECIMALS) {
      problems.add(what + "has too many decimals: at most " + MAX_DECIMALS + ".");
      return null;
    }
    if (!Boolean.TRUE.equals(a.decimalsAllowed()) && number.scale() > 0) {
      problems.add(what + "must be a whole number: the attribute does not allow decimals.");
      return null;
    }
    boolean negativeAllowed =
        a.type() != AttributeType.PRICE_COLLECTION && Boolean.TRUE.equals(a.negativeAllowed());
    if (!negativeAllowed && number.signum() < 0) {
      problems.add(what + "must not be negative.");
      return null;
    }
    return number.scale() < 0 ? number.setScale(0) : number;
  }

  private static boolean inRange(BigDecimal value, Attribute a, Problems problems, String unit) {
    if (a.numberMin() != null && value.compareTo(a.numberMin()) < 0) {
      problems.add("must be at least " + Decimals.plain(a.numberMin()) + unit + ".");
      return false;
    }
    if (a.numberMax() != null && value.compareTo(a.numberMax()) > 0) {
      problems.add("must be at most " + Decimals.plain(a.numberMax()) + unit + ".");
      return false;
    }
    return true;
  }

  private JsonValue metric(Attribute a, JsonValue data, Problems problems) {
    if (data.getValueType() != ValueType.OBJECT) {
      return problems.add(
          "must be an object with an amount and a unit, such as {\"amount\": \"0.25\", \"unit\": \""
              + a.defaultMetricUnit()
              + "\"}.");
    }
    JsonObject measure = data.asJsonObject();
    if (!onlyFields(measure, Set.of("amount", "unit"), problems)) {
      return null;
    }
    MeasurementFamily family = catalog.measurementFamilies().get(a.metricFamily());
    JsonValue unitValue = measure.get("unit");
    if (!(unitValue instanceof JsonString unitCode)) {
      return problems.add("unit is required: one of " + unitCodes(family) + ".");
    }
    var unit = family.unit(unitCode.getString());
    if (unit.isEmpty()) {
      return problems.add(
          "'"
              + unitCode.getString()
              + "' is not a unit of "
              + family.code()
              + "; use one of "
              + unitCodes(family)
              + ".");
    }
    if (!measure.containsKey("amount")) {
      return problems.add("amount is required; send \"amount\": null to remove the value.");
    }
    if (JsonTypes.isNull(measure.get("amount"))) {
      return JsonValue.NULL;
    }
    BigDecimal amount = amount(a, measure.get("amount"), "amount ", problems);
    if (amount == null) {
      return null;
    }
    if (a.numberMin() != null || a.numberMax() != null) {
      List<Conversion.Step> target =
          family
              .unit(a.defaultMetricUnit())
              .map(MeasurementUnit::conversion)
              .orElse(unit.get().conversion());
      BigDecimal inDefault = Conversion.convert(amount, unit.get().conversion(), target);
      if (!inRange(inDefault, a, problems, " " + a.defaultMetricUnit())) {
        return null;
      }
    }
    return Jsonp.objectBuilder()
        .add("amount", Decimals.plain(amount))
        .add("unit", unit.get().code())
        .build();
  }

  private static String unitCodes(MeasurementFamily family) {
    return String.join(", ", family.units().stream().map(MeasurementUnit::code).toList());
  }

  private JsonValue prices(Attribute a, JsonValue data, Problems problems) {
    if (data.getValueType() != ValueType.ARRAY) {
      return problems.add(
          "must be a list of prices, such as [{\"amount\": \"29.90\", \"currency\": \"EUR\"}].");
    }
    Map<String, BigDecimal> prices = new TreeMap<>();
    Set<String> currencies = new HashSet<>();
    boolean valid = true;
    for (JsonValue item : data.asJsonArray()) {
      if (item.getValueType() != ValueType.OBJECT) {
        problems.add(
            "each price must be an object with an amount and a currency, not "
                + JsonTypes.name(item)
                + ".");
        valid = false;
        continue;
      }
      JsonObject price = item.asJsonObject();
      if (!onlyFields(price, Set.of("amount", "currency"), problems)) {
        valid = false;
        continue;
      }
      String currency = price.get("currency") instanceof JsonString c ? c.getString() : null;
      if (currency == null) {
        problems.add("each price needs a currency.");
        valid = false;
      } else if (!catalog.currencyDecimals().containsKey(currency)) {
        problems.add("'" + currency + "' is not a currency.");
        valid = false;
      } else if (!catalog.activeCurrencies().contains(currency)) {
        problems.add(
            "'" + currency + "' is not active: add it to a channel before giving prices in it.");
        valid = false;
      } else if (!currencies.add(currency)) {
        problems.add("the price in " + currency + " is given twice.");
        valid = false;
      } else if (!JsonTypes.isNull(price.get("amount"))) {
        BigDecimal amount =
            amount(a, price.get("amount"), "the amount in " + currency + " ", problems);
        if (amount == null || !inRange(amount, a, problems, " " + currency)) {
          valid = false;
        } else {
          prices.put(currency, amount);
        }
      }
    }
    if (!valid) {
      return null;
    }
    if (prices.isEmpty()) {
      return JsonValue.NULL;
    }
    JsonArrayBuilder normal = Jsonp.arrayBuilder();
    prices.forEach(
        (currency, amount) ->
            normal.add(
                Jsonp.objectBuilder()
                    .add("amount", priceText(amount, catalog.currencyDecimals().get(currency), a))
                    .add("currency", currency)));
    return normal.build();
  }

  /** "29.90", not "29.9": prices keep at least their currency's minor digits. */
  private static String priceText(BigDecimal amount, int currencyDecimals, Attribute a) {
    if (!Boolean.TRUE.equals(a.decimalsAllowed())) {
      return amount.toPlainString();
    }
    int scale = Math.max(amount.scale(), currencyDecimals);
    return amount.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static JsonValue bool(JsonValue data, Problems problems) {
    if (data.getValueType() == ValueType.TRUE || data.getValueType() == ValueType.FALSE) {
      return data;
    }
    return problems.add("must be true or false, not " + JsonTypes.name(data) + ".");
  }

  private static JsonValue date(Attribute a, JsonValue data, Problems problems) {
    if (!(data instanceof JsonString string)) {
      return problems.add("must be a date written YYYY-MM-DD, not " + JsonTypes.name(data) + ".");
    }
    if (string.getString().isEmpty()) {
      return JsonValue.NULL;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(string.getString());
    } catch (DateTimeParseException e) {
      return problems.add("'" + string.getString() + "' is not a date written YYYY-MM-DD.");
    }
    if (a.dateMin() != null && date.isBefore(a.dateMin())) {
      return problems.add("must be on or after " + a.dateMin() + ".");
    }
    if (a.dateMax() != null && date.isAfter(a.dateMax())) {
      return problems.add("must be on or before " + a.dateMax() + ".");
    }
    return Jsonp.value(date.toString());
  }

  private static JsonValue option(JsonValue data, Problems problems) {
    if (!(data instanceof JsonString string)) {
      return problems.add("must be an option code, not " + JsonTypes.name(data) + ".");
    }
    String code = string.getString();
    if (code.isEmpty()) {
      return JsonValue.NULL;
    }
    if (!JsonInput.CODE.matcher(code).matches()) {
      return problems.add(
          "'" + code + "' is not an option code (letters, digits and underscores).");
    }
    return string;
  }

  private static JsonValue options(JsonValue data, Problems problems) {
    return codes(data, "option", JsonInput.CODE, "letters, digits and underscores", problems);
  }

  /**
   * What an asset's code may be: a file's name without its folder (letters, digits, _ - and ., not
   * first), as uploads derive it.
   */
  public static final Pattern ASSET_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");

  private static JsonValue assets(JsonValue data, Problems problems) {
    return codes(data, "asset", ASSET_CODE, "letters, digits, _, - and ., not first", problems);
  }

  /** A list of codes, in the order given, each once (repeats are dropped, ignoring case). */
  private static JsonValue codes(
      JsonValue data, String what, Pattern form, String formInWords, Problems problems) {
    if (data.getValueType() != ValueType.ARRAY) {
      return problems.add(
          "must be a list of " + what + " codes, not " + JsonTypes.name(data) + ".");
    }
    JsonArray array = data.asJsonArray();
    if (array.size() > MAX_CODES) {
      return problems.add(
          "lists " + array.size() + " " + what + "s; at most " + MAX_CODES + " are allowed.");
    }
    Set<String> seen = new LinkedHashSet<>();
    JsonArrayBuilder codes = Jsonp.arrayBuilder();
    boolean valid = true;
    for (JsonValue item : array) {
      if (!(item instanceof JsonString string)) {
        problems.add("must list " + what + " codes only, not " + JsonTypes.name(item) + ".");
        valid = false;
      } else if (!form.matcher(string.getString()).matches()) {
        problems.add(
            "'" + string.getString() + "' is not an " + what + " code (" + formInWords + ").");
        valid = false;
      } else if (seen.add(string.getString().toLowerCase(Locale.ROOT))) {
        codes.add(string);
      }
    }
    if (!valid) {
      return null;
    }
    return seen.isEmpty() ? JsonValue.NULL : codes.build();
  }

  private static boolean onlyFields(JsonObject object, Set<String> allowed, Problems problems) {
    for (String field : object.keySet()) {
      if (!allowed.contains(field)) {
        problems.add(
            "'"
                + field
                + "' is not expected here; only "
                + String.join(" and ", allowed.stream().sorted().toList())
                + ".");
        return false;
      }
    }
    return true;
  }
}
