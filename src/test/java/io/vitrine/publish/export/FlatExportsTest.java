package io.vitrine.publish.export;

import static io.vitrine.publish.export.ExportFixtures.fields;
import static io.vitrine.publish.export.ExportFixtures.json;
import static io.vitrine.publish.export.ExportFixtures.tee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** CSV, XLSX and JSON exports, each read back by a parser of its format. */
class FlatExportsTest {

  private static final List<Column> COLUMNS =
      List.of(
          new Column("sku", new FieldSource.Field("identifier")),
          new Column("Name (fr)", new FieldSource.Field("name")),
          new Column("Colour", new FieldSource.Field("color")),
          new Column("Price EUR", new FieldSource.Field("price")),
          new Column("Link", new FieldSource.Template("https://shop.example/p/{identifier}")),
          new Column("Note", new FieldSource.Field("mpn")));

  /** A product whose texts try to break out of their cells: quotes, commas, lines, formulas. */
  private static final jakarta.json.JsonObject TRICKY =
      json(
          "{'identifier':'=HYPERLINK(1)','family':'clothing','enabled':true,'categories':[],"
              + "'models':[],'values':{'name':{'fr_FR':'Sweat \\\"oversize\\\", gris\\nchiné'},"
              + "'mpn':'@SUM(A1)','color':{'code':'-1','labels':{}}}}");

  @Test
  void csvIsRfc4180WithFormulasNeutralised() throws Exception {
    var out = new ByteArrayOutputStream();
    var csv = new CsvExport(out, COLUMNS, fields("fr_FR", "EUR"), CsvExport.Dialect.RFC_4180);
    assertNull(csv.write(tee("TEE-M")));
    assertNull(csv.write(TRICKY));
    csv.finish();
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
            .getRecords();
    assertEquals(
        List.of("sku", "Name (fr)", "Colour", "Price EUR", "Link", "Note"), rows.get(0).toList());
    assertEquals(
        List.of(
            "TEE-M", "T-shirt « marine »", "Marine", "22.90", "https://shop.example/p/TEE-M", ""),
        rows.get(1).toList());
    assertEquals(
        List.of(
            "'=HYPERLINK(1)",
            "Sweat \"oversize\", gris\nchiné",
            "-1",
            "",
            "https://shop.example/p/=HYPERLINK(1)",
            "'@SUM(A1)"),
        rows.get(2).toList());
    assertEquals(3, rows.size());
    assertEquals("'\tTAB", CsvExport.neutralised("\tTAB"));
    assertEquals("'\n=cmd", CsvExport.neutralised("\n=cmd"));
    assertEquals("'+33 1 23 45", CsvExport.neutralised("+33 1 23 45"));
    assertEquals("-5", CsvExport.neutralised("-5"));
    assertEquals("+3.5", CsvExport.neutralised("+3.5"));
  }

  @Test
  void xlsxHoldsTheSameRowsAsTextCells() throws Exception {
    var out = new ByteArrayOutputStream();
    var xlsx = new XlsxExport(out, COLUMNS, fields("fr_FR", "EUR"));
    assertNull(xlsx.write(tee("TEE-M")));
    assertNull(xlsx.write(TRICKY));
    xlsx.finish();
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertEquals(3, rows.size());
      assertEquals("Name (fr)", rows.get(0).getCellText(1));
      assertEquals("T-shirt « marine »", rows.get(1).getCellText(1));
      assertEquals("22.90", rows.get(1).getCellText(3));
      assertEquals("=HYPERLINK(1)", rows.get(2).getCellText(0), "text, not a formula");
      assertNull(rows.get(2).getCell(0).getFormula());
    }

    // Longer than an Excel cell takes: refused, with the column.
    var refusing = new XlsxExport(new ByteArrayOutputStream(), COLUMNS, fields("fr_FR", "EUR"));
    String huge = "x".repeat(40_000);
    assertEquals(
        "XLSX: the column Note holds 40000 characters; an Excel cell takes 32767.",
        refusing.write(
            json(
                "{'identifier':'HUGE','enabled':true,'categories':[],'models':[],"
                    + "'values':{'mpn':'"
                    + huge
                    + "'}}")));
  }

  @Test
  void jsonIsAnArrayOfTheResolvedProducts() throws Exception {
    var out = new ByteArrayOutputStream();
    var export = new JsonExport(out);
    assertNull(export.write(tee("TEE-M")));
    assertNull(export.write(tee("TEE-L")));
    export.finish();
    JsonArray products =
        Jsonp.reader(
                new InputStreamReader(
                    new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8))
            .readArray();
    assertEquals(List.of(tee("TEE-M"), tee("TEE-L")), products);

    var empty = new ByteArrayOutputStream();
    new JsonExport(empty).finish();
    assertEquals("[]\n", empty.toString(StandardCharsets.UTF_8));
  }
}
