package io.vitrine.publish;

import io.vitrine.catalog.CatalogEntity;
import io.vitrine.platform.json.JsonDocuments;
import io.vitrine.publish.export.CsvExport;
import io.vitrine.publish.export.ExportFormat;
import io.vitrine.publish.export.ExportPlan;
import io.vitrine.publish.export.FieldSource;
import io.vitrine.publish.export.GoogleMerchantExport;
import io.vitrine.publish.export.ProductFields;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How one channel's products are exported as a file (under {@code
 * /channels/{channel}/export-profiles}): the format, the locale and currency of its texts and
 * prices, its columns or Google mapping, which of the channel's products it takes, and how often it
 * runs on its own.
 */
@Entity
@Table(name = "export_profile")
@IdClass(ExportProfile.Key.class)
public class ExportProfile extends CatalogEntity {

  @Id
  @Column(name = "channel_code")
  private String channel;

  @Id private String code;

  private String format;

  @Column(name = "locale_code")
  private String locale;

  @Column(name = "currency_code")
  private String currency;

  /** The format's part and the filters, as the API shows them: see {@link ExportProfileKind}. */
  private String settings = "{}";

  @Column(name = "every_hours")
  private Integer everyHours;

  @Column(name = "keep_files")
  private int keep;

  protected ExportProfile() {}

  ExportProfile(String channel, String code) {
    this.channel = channel;
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public String channel() {
    return channel;
  }

  public ExportFormat format() {
    return ExportFormat.of(format);
  }

  public String locale() {
    return locale;
  }

  public String currency() {
    return currency;
  }

  public JsonObject settings() {
    return JsonDocuments.parseObject(settings, "export profile " + code);
  }

  /** Hours between two exports it starts on its own; null when it runs only on demand. */
  public Integer everyHours() {
    return everyHours;
  }

  /** How many of its latest export files are kept. */
  public int keep() {
    return keep;
  }

  void set(
      ExportFormat format,
      String locale,
      String currency,
      JsonObject settings,
      Integer everyHours,
      int keep) {
    this.format = format.code();
    this.locale = locale;
    this.currency = currency;
    this.settings = settings.toString();
    this.everyHours = everyHours;
    this.keep = keep;
  }

  /** What its exports write, from {@code settings} (as {@link #settings} gives them). */
  static ExportPlan plan(ExportFormat format, JsonObject settings) {
    List<io.vitrine.publish.export.Column> columns = new ArrayList<>();
    for (JsonValue column :
        settings.getJsonArray("columns") == null
            ? List.<JsonValue>of()
            : settings.getJsonArray("columns")) {
      JsonObject object = column.asJsonObject();
      columns.add(
          new io.vitrine.publish.export.Column(
              object.getString("header"), FieldSource.of(object.get("source"))));
    }
    Map<String, FieldSource> mapping = new LinkedHashMap<>();
    JsonObject mapped = settings.getJsonObject("mapping");
    if (mapped != null) {
      mapped.forEach((target, source) -> mapping.put(target, FieldSource.of(source)));
    }
    JsonObject feed = settings.getJsonObject("feed");
    String delimiter = settings.getString("delimiter", ",");
    return new ExportPlan(
        format,
        columns,
        new CsvExport.Dialect(delimiter.charAt(0), settings.getBoolean("bom", false)),
        mapping,
        feed == null
            ? null
            : new GoogleMerchantExport.Feed(
                feed.getString("title", null),
                feed.getString("link", null),
                feed.getString("description", null)));
  }

  /** The attributes and product fields its columns and mapping read, by code. */
  Set<String> fieldsRead() {
    JsonObject settings = settings();
    List<JsonValue> sources = new ArrayList<>();
    if (settings.getJsonArray("columns") != null) {
      settings.getJsonArray("columns").forEach(c -> sources.add(c.asJsonObject().get("source")));
    }
    if (settings.getJsonObject("mapping") != null) {
      sources.addAll(settings.getJsonObject("mapping").values());
    }
    Set<String> codes = new TreeSet<>();
    for (JsonValue json : sources) {
      FieldSource source = FieldSource.of(json);
      if (source instanceof FieldSource.Field field) {
        codes.add(field.code());
      } else if (source instanceof FieldSource.Template template) {
        codes.addAll(ProductFields.placeholders(template.template()));
      }
    }
    return codes;
  }

  /** The codes its filter {@code field} (families, categories) lists. */
  Set<String> filtered(String field) {
    Set<String> codes = new TreeSet<>();
    settings()
        .getJsonObject("filters")
        .getJsonArray(field)
        .forEach(code -> codes.add(((jakarta.json.JsonString) code).getString()));
    return codes;
  }

  /** The composite key: channel and profile code. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String channel;
    String code;

    public Key() {}

    public Key(String channel, String code) {
      this.channel = channel;
      this.code = code;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(channel, key.channel)
          && Objects.equals(code, key.code);
    }

    @Override
    public int hashCode() {
      return Objects.hash(channel, code);
    }
  }
}
