package io.vitrine.publish;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogKind;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Category;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Edit;
import io.vitrine.catalog.Family;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.publish.export.CsvExport;
import io.vitrine.publish.export.ExportFormat;
import io.vitrine.publish.export.FieldSource;
import io.vitrine.publish.export.GoogleMerchantExport;
import io.vitrine.publish.export.ProductFields;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Export profiles of a channel, under {@code /channels/{channel}/export-profiles}. What a profile
 * leaves out gets a default: the channel's first locale and currency; for CSV and XLSX a column per
 * product field and per attribute (of the filtered families); for Google, the attributes named like
 * Google's (title or name, description, gtin or ean, brand, …). What Google requires and nothing
 * gives is refused, naming the field.
 */
@ApplicationScoped
public class ExportProfileKind extends CatalogKind<ExportProfile> {

  static final int MAX_COLUMNS = 2000;
  static final int DEFAULT_KEEP = 10;
  private static final int MAX_KEEP = 1000;
  private static final int MAX_EVERY_HOURS = 24 * 366;
  private static final List<String> GOOGLE_REQUIRED =
      List.of("title", "description", "link", "image_link", "price");
  private static final Map<String, List<String>> GOOGLE_NAMES =
      Map.ofEntries(
          Map.entry("title", List.of("title", "name")),
          Map.entry("description", List.of("description")),
          Map.entry("link", List.of("link", "url")),
          Map.entry("image_link", List.of("image_link", "images", "image", "picture")),
          Map.entry("price", List.of("price")),
          Map.entry("sale_price", List.of("sale_price")),
          Map.entry("brand", List.of("brand")),
          Map.entry("gtin", List.of("gtin", "ean", "upc")),
          Map.entry("mpn", List.of("mpn")),
          Map.entry("availability", List.of("availability")),
          Map.entry("condition", List.of("condition")),
          Map.entry("google_product_category", List.of("google_product_category")));

  @Inject Catalog catalog;

  public ExportProfileKind() {
    super("export_profile", ExportProfile.class);
  }

  @Override
  public String label() {
    return "export profile";
  }

  @Override
  public void checkParent(String channel) {
    if (em.find(Channel.class, channel) == null) {
      throw new ProblemException(Problem.notFound("channel", channel));
    }
  }

  @Override
  protected Object primaryKey(String channel, String code) {
    return new ExportProfile.Key(channel, code);
  }

  @Override
  protected ExportProfile create(String channel, String code) {
    return new ExportProfile(channel, code);
  }

  @Override
  public JsonObject toJson(ExportProfile profile) {
    JsonObjectBuilder json =
        head(profile).add("channel", profile.channel()).add("format", profile.format().code());
    Jsonp.addOrNull(json, "locale", profile.locale());
    Jsonp.addOrNull(json, "currency", profile.currency());
    profile.settings().forEach(json::add);
    if (profile.everyHours() == null) {
      json.addNull("schedule");
    } else {
      json.add("schedule", Jsonp.objectBuilder().add("every_hours", profile.everyHours()));
    }
    json.add("keep", profile.keep());
    return tail(json, profile).build();
  }

  @Override
  protected void read(JsonInput in, ExportProfile profile, Edit edit) {
    in.requiredCode("code");
    String channelCode = in.string("channel");
    if (channelCode != null && !channelCode.equals(profile.channel())) {
      in.invalid("channel", "must be '" + profile.channel() + "', the channel in the address.");
    }
    Map<String, String> labels = in.labels("labels");
    CatalogSnapshot schema = catalog.current();
    Channel channel = em.find(Channel.class, profile.channel());
    String formatCode = in.requiredString("format");
    ExportFormat format = formatCode == null ? null : ExportFormat.of(formatCode);
    if (formatCode != null && format == null) {
      in.invalid(
          "format", "must be one of " + ExportFormat.codes() + ", not '" + formatCode + "'.");
    }
    boolean formatChanged = !edit.isNew() && format != null && format != profile.format();
    boolean fresh = edit.isNew() || formatChanged;
    String locale = in.string("locale");
    String currency = in.string("currency");
    if (format == ExportFormat.JSON) {
      // The JSON export holds the products as the feed does: in all the channel's locales and
      // currencies. A locale or currency left from another format goes with it.
      if (!formatChanged) {
        for (String field : List.of("locale", "currency")) {
          if (in.has(field)) {
            in.invalid(
                field,
                "does not apply to json profiles: they hold all the channel's " + field + "s.");
          }
        }
      }
      locale = null;
      currency = null;
    } else {
      if (locale == null) {
        locale = channel.locales().get(0);
      } else if (!channel.locales().contains(locale)) {
        in.invalid("locale", notOfChannel("locale", locale, channel, channel.locales()));
      }
      // A profile made when the channel had no currency keeps none until it is given one.
      if (currency == null && fresh) {
        currency = channel.currencies().isEmpty() ? null : channel.currencies().get(0);
      } else if (currency != null && !channel.currencies().contains(currency)) {
        in.invalid("currency", notOfChannel("currency", currency, channel, channel.currencies()));
      }
    }
    JsonObjectBuilder settings = Jsonp.objectBuilder();
    JsonObject filters = filters(in, settings);
    if (format == null) {
      // Which settings apply is unknown: they are judged once the format is.
      for (String field : List.of("columns", "delimiter", "bom", "mapping", "feed")) {
        in.has(field);
      }
    } else {
      formatSettings(in, settings, format, fresh, formatChanged, schema, filters, channel, locale);
      if (format == ExportFormat.GOOGLE_MERCHANT && currency == null) {
        in.invalid(
            "currency",
            "is required by Google Merchant Center, and the channel "
                + channel.code()
                + " has no currency.");
      }
    }
    Integer everyHours = schedule(in);
    Integer keep = in.integer("keep");
    if (keep != null && (keep < 1 || keep > MAX_KEEP)) {
      in.invalid("keep", "must be between 1 and " + MAX_KEEP + " (files kept).");
    }
    in.rejectUnknown("an export profile", "created", "updated");
    if (in.violations().isEmpty()) {
      profile.setLabels(labels);
      profile.set(
          format,
          locale,
          currency,
          settings.build(),
          everyHours,
          keep == null ? DEFAULT_KEEP : keep);
    }
  }

  /**
   * The settings of {@code format}: columns for CSV and XLSX (and the CSV dialect), the mapping and
   * feed for Google. Settings of another format are refused, unless this edit changes the format:
   * then they are the old format's, and go.
   */
  private void formatSettings(
      JsonInput in,
      JsonObjectBuilder settings,
      ExportFormat format,
      boolean fresh,
      boolean formatChanged,
      CatalogSnapshot schema,
      JsonObject filters,
      Channel channel,
      String locale) {
    if (format.flat()) {
      columns(in, settings, schema, filters);
    } else {
      foreign(in, formatChanged, "csv and xlsx", "columns");
    }
    if (format == ExportFormat.CSV) {
      dialect(in, settings);
    } else {
      foreign(in, formatChanged, "csv", "delimiter", "bom");
    }
    if (format == ExportFormat.GOOGLE_MERCHANT) {
      // Defaults fill a new Google mapping; an edited one keeps what it was given.
      JsonObject mapping = mapping(in, settings, schema, fresh);
      feed(in, settings, channel, locale, mapping);
    } else {
      foreign(in, formatChanged, "google_merchant", "mapping", "feed");
    }
  }

  private static String notOfChannel(
      String what, String code, Channel channel, List<String> codes) {
    return "'"
        + code
        + "' is not a "
        + what
        + " of the channel "
        + channel.code()
        + " ("
        + String.join(", ", codes)
        + ").";
  }

  private static void foreign(
      JsonInput in, boolean formatChanged, String formats, String... fields) {
    for (String field : fields) {
      if (in.has(field) && !formatChanged) {
        in.invalid(field, "is for " + formats + " profiles only.");
      }
    }
  }

  private JsonObject filters(JsonInput in, JsonObjectBuilder settings) {
    JsonObject given = in.object("filters");
    JsonInput filters = in.nested("filters", given == null ? JsonValue.EMPTY_JSON_OBJECT : given);
    List<String> families = filters.codes("families");
    requireExisting(filters, "families", families, Family.class, "family");
    List<String> categories = filters.codes("categories");
    requireExisting(filters, "categories", categories, Category.class, "category");
    boolean updatedSince = filters.bool("updated_since_last_export", false);
    filters.rejectUnknown("the filters", new String[0]);
    JsonObject read =
        Jsonp.objectBuilder()
            .add("families", Jsonp.arrayBuilder(families == null ? List.of() : families))
            .add("categories", Jsonp.arrayBuilder(categories == null ? List.of() : categories))
            .add("updated_since_last_export", updatedSince)
            .build();
    settings.add("filters", read);
    return read;
  }

  private void columns(
      JsonInput in, JsonObjectBuilder settings, CatalogSnapshot schema, JsonObject filters) {
    JsonArray given = in.array("columns");
    JsonArrayBuilder columns = Jsonp.arrayBuilder();
    if (given == null) {
      // No columns (or null to reset them): one per field and attribute, from now on visible.
      for (String code : defaultColumns(schema, filters)) {
        columns.add(column(code, new FieldSource.Field(code)));
      }
      settings.add("columns", columns);
      return;
    }
    if (given.isEmpty() || given.size() > MAX_COLUMNS) {
      in.invalid("columns", "must list between 1 and " + MAX_COLUMNS + " columns.");
      return;
    }
    Map<String, Integer> headers = new HashMap<>();
    for (int i = 0; i < given.size(); i++) {
      String where = "columns[" + i + "]";
      JsonValue item = given.get(i);
      String header;
      FieldSource source;
      if (item instanceof JsonString code) {
        header = code.getString();
        source = source(in, where, item, schema);
      } else if (item instanceof JsonObject object) {
        JsonInput column = in.nested(where, object);
        source = source(in, where + ".source", object.get("source"), schema);
        column.has("source");
        header = column.string("header");
        if (header == null && source instanceof FieldSource.Field field) {
          header = field.code();
        } else if (header == null || header.isBlank()) {
          column.invalid("header", "is required for a column of a constant or a template.");
        }
        column.rejectUnknown("a column", new String[0]);
      } else {
        in.invalid(where, "must be a field or attribute code, or {\"header\", \"source\"}.");
        continue;
      }
      if (header == null || source == null) {
        continue;
      }
      Integer first = headers.putIfAbsent(header, i);
      if (first != null) {
        in.invalid(where, "'" + header + "' is already the header of columns[" + first + "].");
        continue;
      }
      columns.add(column(header, source));
    }
    settings.add("columns", columns);
  }

  private static JsonObject column(String header, FieldSource source) {
    return Jsonp.objectBuilder().add("header", header).add("source", source.toJson()).build();
  }

  /** The product fields, then the attributes (of the filtered families, when there are some). */
  private static List<String> defaultColumns(CatalogSnapshot schema, JsonObject filters) {
    List<String> codes = new ArrayList<>(ProductFields.FIELDS);
    codes.remove("item_group");
    Set<String> attributes = new TreeSet<>();
    JsonArray families = filters.getJsonArray("families");
    if (families.isEmpty()) {
      attributes.addAll(schema.attributes().keySet());
    } else {
      for (JsonString family : families.getValuesAs(JsonString.class)) {
        schema.family(family.getString()).ifPresent(f -> attributes.addAll(f.attributes()));
      }
    }
    for (String code : attributes) {
      Attribute attribute = schema.attributes().get(code);
      if (attribute != null
          && attribute.type() != AttributeType.IDENTIFIER
          && !codes.contains(code)) {
        codes.add(code);
      }
    }
    return codes;
  }

  private static void dialect(JsonInput in, JsonObjectBuilder settings) {
    String delimiter = in.string("delimiter");
    if (delimiter == null) {
      delimiter = ",";
    } else if (delimiter.length() != 1
        || CsvExport.Dialect.DELIMITERS.indexOf(delimiter.charAt(0)) < 0) {
      in.invalid("delimiter", "must be one of , ; | or a tab (\\t).");
    }
    settings.add("delimiter", delimiter).add("bom", in.bool("bom", false));
  }

  /** The source {@code json} names, checked: null (and a violation) when it is not one. */
  private static FieldSource source(
      JsonInput in, String where, JsonValue json, CatalogSnapshot schema) {
    FieldSource source = FieldSource.of(json);
    if (source == null) {
      in.invalid(
          where,
          "must be a field or attribute code, {\"value\": \"a text\"} or {\"template\":"
              + " \"https://shop.example/p/{identifier}\"}.");
      return null;
    }
    List<String> codes =
        source instanceof FieldSource.Field field
            ? List.of(field.code())
            : source instanceof FieldSource.Template template
                ? ProductFields.placeholders(template.template())
                : List.of();
    for (String code : codes) {
      if (!ProductFields.FIELDS.contains(code) && !schema.attributes().containsKey(code)) {
        in.invalid(
            where,
            "there is no attribute or product field '"
                + code
                + "' (the product fields are "
                + String.join(", ", ProductFields.FIELDS)
                + ").");
        return null;
      }
    }
    return source;
  }

  private static JsonObject mapping(
      JsonInput in, JsonObjectBuilder settings, CatalogSnapshot schema, boolean defaults) {
    JsonObject given = in.object("mapping");
    Map<String, FieldSource> mapping = new LinkedHashMap<>();
    if (given != null) {
      given.forEach(
          (target, json) -> {
            String where = "mapping." + target;
            if (!GoogleMerchantExport.TARGETS.contains(target)) {
              in.invalid(
                  where,
                  "is not a Google Merchant attribute Vitrine writes ("
                      + String.join(", ", new TreeSet<>(GoogleMerchantExport.TARGETS))
                      + ").");
              return;
            }
            if (JsonValue.NULL.equals(json)) {
              return;
            }
            FieldSource source = source(in, where, json, schema);
            if (source != null) {
              mapping.put(target, source);
            }
          });
    }
    if (defaults) {
      GOOGLE_NAMES.forEach(
          (target, names) -> {
            if (!mapping.containsKey(target) && (given == null || !given.containsKey(target))) {
              names.stream()
                  .filter(schema.attributes()::containsKey)
                  .filter(code -> !isMoney(target) || isPrice(schema, code))
                  .findFirst()
                  .ifPresent(code -> mapping.put(target, new FieldSource.Field(code)));
            }
          });
    }
    for (String target : List.of("price", "sale_price")) {
      FieldSource source = mapping.get(target);
      if (source != null
          && !(source instanceof FieldSource.Field field && isPrice(schema, field.code()))) {
        in.invalid("mapping." + target, "must name a price attribute.");
      }
    }
    for (String target : GOOGLE_REQUIRED) {
      if (!mapping.containsKey(target)
          && (given == null
              || !given.containsKey(target)
              || JsonValue.NULL.equals(given.get(target)))) {
        in.invalid(
            "mapping." + target,
            "is required by Google Merchant Center: map it to an attribute, a {\"value\": …}"
                + " or a {\"template\": …}"
                + (target.equals("image_link")
                    ? " such as \"https://cdn.example/{images}.jpg\"."
                    : "."));
      }
    }
    JsonObjectBuilder json = Jsonp.objectBuilder();
    new java.util.TreeMap<>(mapping).forEach((target, source) -> json.add(target, source.toJson()));
    JsonObject read = json.build();
    settings.add("mapping", read);
    return read;
  }

  private static boolean isMoney(String target) {
    return target.equals("price") || target.equals("sale_price");
  }

  private static boolean isPrice(CatalogSnapshot schema, String code) {
    Attribute attribute = schema.attributes().get(code);
    return attribute != null && attribute.type() == AttributeType.PRICE_COLLECTION;
  }

  /**
   * The feed's title (by default the channel's label), link (by default where the product links of
   * a template point) and description.
   */
  private static void feed(
      JsonInput in,
      JsonObjectBuilder settings,
      Channel channel,
      String locale,
      JsonObject mapping) {
    JsonObject given = in.object("feed");
    JsonInput feed = in.nested("feed", given == null ? JsonValue.EMPTY_JSON_OBJECT : given);
    String title = feed.string("title");
    if (title == null || title.isBlank()) {
      title = channel.labels().getOrDefault(locale, channel.code());
    }
    String link = feed.string("link");
    if (link == null && FieldSource.of(mapping.get("link")) instanceof FieldSource.Template t) {
      link = origin(t.template());
    }
    if (link == null) {
      feed.invalid("link", "is required: the address of the shop, which the RSS channel links to.");
    } else if (origin(link) == null) {
      feed.invalid("link", "must be an http or https address, not '" + link + "'.");
    }
    String description = feed.string("description");
    feed.rejectUnknown("the feed", new String[0]);
    JsonObjectBuilder read = Jsonp.objectBuilder().add("title", title);
    if (link != null) {
      read.add("link", link);
    }
    if (description != null) {
      read.add("description", description);
    }
    settings.add("feed", read);
  }

  /** "https://shop.example/" for an address on it; null when it is not an http(s) address. */
  private static String origin(String address) {
    try {
      URI uri = URI.create(address.replaceAll("\\{[^{}]*}", "x"));
      if (uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + "/";
      }
    } catch (IllegalArgumentException e) {
      // not an address
    }
    return null;
  }

  private static Integer schedule(JsonInput in) {
    JsonObject given = in.object("schedule");
    if (given == null) {
      return null;
    }
    JsonInput schedule = in.nested("schedule", given);
    Integer every = schedule.integer("every_hours");
    if (every == null) {
      schedule.invalid("every_hours", "is required: the hours between two exports.");
    } else if (every < 1 || every > MAX_EVERY_HOURS) {
      schedule.invalid("every_hours", "must be between 1 and " + MAX_EVERY_HOURS + ".");
    }
    schedule.rejectUnknown("a schedule", new String[0]);
    return every;
  }

  @Override
  protected TypedQuery<ExportProfile> page(
      String channel, String after, MultivaluedMap<String, String> filters) {
    var query =
        em.createQuery(
            "SELECT p FROM ExportProfile p WHERE p.channel = :channel"
                + (after == null ? "" : " AND p.code > :after")
                + " ORDER BY p.code",
            ExportProfile.class);
    query.setParameter("channel", channel);
    return after == null ? query : query.setParameter("after", after);
  }

  @Override
  protected long count(String channel, MultivaluedMap<String, String> filters) {
    return em.createQuery(
            "SELECT COUNT(p) FROM ExportProfile p WHERE p.channel = :channel", Long.class)
        .setParameter("channel", channel)
        .getSingleResult();
  }
}
