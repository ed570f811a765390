package io.vitrine.publish.export;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
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
    if (sheet == null || row > ROWS_PER_SHEET) {
      newSheet();
    }
    for (int c = 0; c < columns.size(); c++) {
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
    return null;
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
  public void finish() throws IOException {
    if (sheet == null) {
      newSheet();
    }
    workbook.finish();
  }
}
