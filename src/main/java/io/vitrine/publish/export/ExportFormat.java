package io.vitrine.publish.export;

import java.util.Arrays;
import java.util.Locale;

/** The file formats of exports, with the media type and file extension of each. */
public enum ExportFormat {
  CSV("text/csv; charset=UTF-8", "csv"),
  XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
  GOOGLE_MERCHANT("application/rss+xml; charset=UTF-8", "xml"),
  JSON("application/json", "json");

  private final String mediaType;
  private final String extension;

  ExportFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** As the API names it: csv, xlsx, google_merchant, json. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String mediaType() {
    return mediaType;
  }

  public String extension() {
    return extension;
  }

  /** Whether the format has columns (a header and a cell per column). */
  public boolean flat() {
    return this == CSV || this == XLSX;
  }

  /** The format named {@code code}; null when there is none. */
  public static ExportFormat of(String code) {
    return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst().orElse(null);
  }

  public static String codes() {
    return String.join(", ", Arrays.stream(values()).map(ExportFormat::code).toList());
  }
}
