package io.vitrine.publish.export;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8, one row per product. A cell that a spreadsheet would run as a formula (it
 * starts with =, +, -, @, a tab, a carriage return, a line feed or a NUL, and is not a plain
 * number) is written with a leading apostrophe, as OWASP advises against CSV injection.
 */
public final class CsvExport implements ExportWriter {

  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("[+-]?\\d+([.,]\\d+)?");

  private final List<Column> columns;
  private final ProductFields fields;
  private final Writer writer;
  private final CSVPrinter printer;

  /** A whole document: the header row, then the products. */
  public CsvExport(OutputStream out, List<Column> columns, ProductFields fields, Dialect dialect)
      throws IOException {
    this(out, columns, fields, dialect, true);
  }

  /**
   * With {@code head} false, rows only: the continuation of a document whose header an earlier
   * writer put out.
   */
  public CsvExport(
      OutputStream out, List<Column> columns, ProductFields fields, Dialect dialect, boolean head)
      throws IOException {
    this.columns = List.copyOf(columns);
    this.fields = fields;
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.printer =
        new CSVPrinter(
            writer, CSVFormat.RFC4180.builder().setDelimiter(dialect.delimiter()).build());
    if (head) {
      if (dialect.bom()) {
        // For Excel, which reads a CSV without it in the system's code page.
        writer.write('\uFEFF');
      }
      printer.printRecord(columns.stream().map(c -> neutralised(c.header())).toList());
    }
  }

  /**
   * The separator of cells (a comma, a semicolon for spreadsheets in locales with a decimal comma,
   * a tab or a pipe), and whether the file begins with a byte order mark.
   */
  public record Dialect(char delimiter, boolean bom) {
    public static final Dialect RFC_4180 = new Dialect(',', false);
    public static final String DELIMITERS = ",;\t|";
  }

  @Override
  public String write(JsonObject product) throws IOException {
    List<String> cells = new ArrayList<>(columns.size());
    for (Column column : columns) {
      String text = fields.text(product, column.source());
      cells.add(text == null ? "" : neutralised(text));
    }
    printer.printRecord(cells);
    return null;
  }

  @Override
  public void flush() throws IOException {
    printer.flush();
    writer.flush();
  }

  @Override
  public void finish() throws IOException {
    flush();
  }

  /**
   * {@code text}, made inert for a spreadsheet when it would start a formula. A plain number ("-5",
   * "+3.5") is left as it is: marketplaces read those, and no spreadsheet runs them.
   */
  public static String neutralised(String text) {
    if (!text.isEmpty()
        && "=+-@\t\r\n\0".indexOf(text.charAt(0)) >= 0
        && !PLAIN_NUMBER.matcher(text).matches()) {
      return "'" + text;
    }
    return text;
  }
}
