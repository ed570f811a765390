package io.vitrine.publish.export;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An XLSX workbook written as products come (FastExcel streams rows out as it goes): a header row,
 * then one row per product, each cell an inline text cell (nothing is read as a formula, and memory
 * stays flat). A product with a text longer than an Excel cell takes is refused. A sheet holds at
 * most a million products; the next ones go on a new sheet.
 */
public final class XlsxExport implements ExportWriter {

  static final int ROWS_PER_SHEET = 1_000_000;
  private static final int MAX_CELL = 32_767;
  private static final int ROWS_PER_FLUSH = 1_000;

  private final List<Column> columns;
  private final ProductFields fields;
  private final Workbook workbook;
  private Worksheet sheet;
  private int row;
  private int sheets;

  public XlsxExport(OutputStream out, List<Column> columns, ProductFields fields) {
    this.columns = List.copyOf(columns);
    this.fields = fields;
    this.workbook = new Workbook(out, "Vitrine", "1.0");
  }

  @Override
  public String write(JsonObject product) throws IOException {
    String[] cells = new String[columns.size()];
    String refused = cells(columns, fields, product, cells);
    if (refused != null) {
      return refused;
    }
    row(cells);
    return null;
  }

  /** One row of texts, a product's or a staged one. */
  private void row(String[] cells) throws IOException {
    if (sheet == null || row > ROWS_PER_SHEET) {
      newSheet();
    }
    for (int c = 0; c < cells.length; c++) {
      String text = cells[c];
      if (text != null) {
        // Inline: a shared-string table would hold every text of the export in memory.
        sheet.inlineString(row, c, text);
      }
    }
    row++;
    if (row % ROWS_PER_FLUSH == 0) {
      sheet.flush();
    }
  }

  /** Fills {@code cells} with the product's texts; null, or why the product is refused. */
  private static String cells(
      List<Column> columns, ProductFields fields, JsonObject product, String[] cells) {
    for (int c = 0; c < columns.size(); c++) {
      cells[c] = fields.text(product, columns.get(c).source());
      if (cells[c] != null && cells[c].length() > MAX_CELL) {
        return "XLSX: the column "
            + columns.get(c).header()
            + " holds "
            + cells[c].length()
            + " characters; an Excel cell takes "
            + MAX_CELL
            + ".";
      }
    }
    return null;
  }

  /**
   * A writer of rows to stage, one JSON array of texts a line, for an export written in batches: a
   * workbook cannot be appended to, so {@link #render} makes it from the staged rows at the end.
   */
  public static ExportWriter staging(OutputStream out, List<Column> columns, ProductFields fields) {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return new ExportWriter() {
      @Override
      public String write(JsonObject product) throws IOException {
        String[] cells = new String[columns.size()];
        String refused = cells(columns, fields, product, cells);
        if (refused != null) {
          return refused;
        }
        JsonArrayBuilder row = Jsonp.arrayBuilder();
        for (String cell : cells) {
          if (cell == null) {
            row.addNull();
          } else {
            row.add(cell);
          }
        }
        writer.write(row.build().toString());
        writer.write('\n');
        return null;
      }

      @Override
      public void flush() throws IOException {
        writer.flush();
      }

      @Override
      public void finish() throws IOException {
        flush();
      }
    };
  }

  /** The workbook of the rows {@link #staging} wrote. */
  public static void render(BufferedReader staged, OutputStream out, List<Column> columns)
      throws IOException {
    XlsxExport workbook = new XlsxExport(out, columns, null);
    String line;
    while ((line = staged.readLine()) != null) {
      JsonArray row = Jsonp.provider().createReader(new StringReader(line)).readArray();
      String[] cells = new String[row.size()];
      for (int c = 0; c < cells.length; c++) {
        cells[c] = row.isNull(c) ? null : row.getString(c);
      }
      workbook.row(cells);
    }
    workbook.finish();
  }

  private void newSheet() throws IOException {
    if (sheet != null) {
      sheet.finish();
    }
    sheets++;
    sheet = workbook.newWorksheet(sheets == 1 ? "Products" : "Products " + sheets);
    for (int c = 0; c < columns.size(); c++) {
      sheet.value(0, c, columns.get(c).header());
      sheet.style(0, c).bold().set();
    }
    row = 1;
  }

  @Override
  public void flush() throws IOException {
    if (sheet != null) {
      sheet.flush();
    }
  }

  @Override
  public void finish() throws IOException {
    if (sheet == null) {
      newSheet();
    }
    workbook.finish();
  }
}
