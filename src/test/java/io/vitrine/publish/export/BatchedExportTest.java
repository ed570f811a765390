package io.vitrine.publish.export;

import static io.vitrine.publish.export.ExportFixtures.fields;
import static io.vitrine.publish.export.ExportFixtures.json;
import static io.vitrine.publish.export.ExportFixtures.tee;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An export job writes each batch with a writer of its own, appended to what the earlier ones
 * wrote: the document must come out the same as one written at once, whatever the batches.
 */
class BatchedExportTest {

  private static final List<Column> COLUMNS =
      List.of(
          new Column("sku", new FieldSource.Field("identifier")),
          new Column("name", new FieldSource.Field("name")),
          new Column("price", new FieldSource.Field("price")));

  private static ExportPlan plan(ExportFormat format) {
    return new ExportPlan(
        format,
        COLUMNS,
        new CsvExport.Dialect(';', true),
        Map.of(
            "title", new FieldSource.Field("name"),
            "description", new FieldSource.Field("description"),
            "link", new FieldSource.Template("https://shop.example/p/{identifier}"),
            "image_link", new FieldSource.Template("https://cdn.example/{images}.jpg"),
            "price", new FieldSource.Field("price"),
            "gtin", new FieldSource.Field("ean")),
        new GoogleMerchantExport.Feed("Shop", "https://shop.example/", "All of it"));
  }

  /** Five tees, the third refused by Google (no price in EUR). */
  private static List<JsonObject> products() {
    List<JsonObject> products = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      products.add(tee("TEE-" + i));
    }
    products.set(
        2,
        json(
            "{'identifier':'TEE-3','family':'clothing','enabled':true,'categories':[],"
                + "'models':[],'values':{'name':{'en_US':'No price'}}}"));
    return products;
  }

  @ParameterizedTest
  @EnumSource(
      value = ExportFormat.class,
      names = {"CSV", "JSON", "GOOGLE_MERCHANT"})
  void batchesAppendToTheSameDocument(ExportFormat format) throws IOException {
    for (int size : new int[] {1, 2, 5}) {
      assertEquals(
          whole(format, products()).toString(StandardCharsets.UTF_8),
          batched(format, products(), size).toString(StandardCharsets.UTF_8),
          format + " in batches of " + size);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = ExportFormat.class,
      names = {"CSV", "JSON", "GOOGLE_MERCHANT"})
  void noProductsStillMakeADocument(ExportFormat format) throws IOException {
    assertEquals(
        whole(format, List.of()).toString(StandardCharsets.UTF_8),
        batched(format, List.of(), 1).toString(StandardCharsets.UTF_8));
  }

  @Test
  void xlsxRowsAreStagedThenMadeIntoTheSameWorkbook() throws IOException {
    ExportPlan plan = plan(ExportFormat.XLSX);
    ByteArrayOutputStream staged = new ByteArrayOutputStream();
    List<JsonObject> products = products();
    for (int from = 0; from < products.size(); from += 2) {
      ExportWriter batch = plan.batch(staged, fields("en_US", "EUR"), from == 0, from);
      for (JsonObject product : products.subList(from, Math.min(from + 2, products.size()))) {
        batch.write(product);
      }
      batch.flush();
    }
    ByteArrayOutputStream made = new ByteArrayOutputStream();
    plan.render(
        new BufferedReader(
            new InputStreamReader(
                new ByteArrayInputStream(staged.toByteArray()), StandardCharsets.UTF_8)),
        made);
    assertEquals(cells(whole(ExportFormat.XLSX, products)), cells(made));
  }

  private static List<List<String>> cells(ByteArrayOutputStream xlsx) throws IOException {
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
      List<List<String>> rows = new ArrayList<>();
      for (Row row : workbook.getFirstSheet().read()) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
          cells.add(row.getCellText(c));
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  private static ByteArrayOutputStream whole(ExportFormat format, List<JsonObject> products)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExportWriter writer = plan(format).whole(out, fields("en_US", "EUR"));
    for (JsonObject product : products) {
      writer.write(product);
    }
    writer.finish();
    return out;
  }

  /** As an export job writes: a writer a batch, each told whether it is first and what came. */
  private static ByteArrayOutputStream batched(
      ExportFormat format, List<JsonObject> products, int size) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long written = 0;
    boolean head = true;
    for (int from = 0; from < products.size(); from += size) {
      ExportWriter batch = plan(format).batch(out, fields("en_US", "EUR"), head, written);
      for (JsonObject product : products.subList(from, Math.min(from + size, products.size()))) {
        if (batch.write(product) == null) {
          written++;
        }
      }
      batch.flush();
      head = false;
    }
    plan(format).batch(out, fields("en_US", "EUR"), head, written).finish();
    return out;
  }
}
