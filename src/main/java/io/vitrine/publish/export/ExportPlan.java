package io.vitrine.publish.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What an export writes, in which format: its columns (CSV, XLSX) or its Google mapping and feed,
 * in one locale and currency. It makes the writers, for a whole document at once (a stream over
 * HTTP) or for one batch of an export job at a time.
 */
public record ExportPlan(
    ExportFormat format,
    List<Column> columns,
    CsvExport.Dialect dialect,
    Map<String, FieldSource> mapping,
    GoogleMerchantExport.Feed feed) {

  /** A writer of the whole document onto {@code out}. */
  public ExportWriter whole(OutputStream out, ProductFields fields) throws IOException {
    return switch (format) {
      case CSV -> new CsvExport(out, columns, fields, dialect);
      case XLSX -> new XlsxExport(out, columns, fields);
      case GOOGLE_MERCHANT -> new GoogleMerchantExport(out, feed, mapping, fields);
      case JSON -> new JsonExport(out);
    };
  }

  /**
   * A writer of one batch, appended to what earlier batches wrote ({@code writtenBefore} products;
   * {@code head} when it is the first). An XLSX workbook cannot grow so: its batches stage rows,
   * and {@link #render} makes the workbook from them.
   */
  public ExportWriter batch(
      OutputStream out, ProductFields fields, boolean head, long writtenBefore) throws IOException {
    return switch (format) {
      case CSV -> new CsvExport(out, columns, fields, dialect, head);
      case XLSX -> XlsxExport.staging(out, columns, fields);
      case GOOGLE_MERCHANT -> new GoogleMerchantExport(out, feed, mapping, fields, head);
      case JSON -> new JsonExport(out, head, writtenBefore);
    };
  }

  /** Whether the batches stage rows that {@link #render} turns into the file. */
  public boolean staged() {
    return format == ExportFormat.XLSX;
  }

  /** The file, from the rows the batches staged. */
  public void render(BufferedReader staged, OutputStream out) throws IOException {
    XlsxExport.render(staged, out, columns);
  }
}
