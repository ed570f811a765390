package io.vitrine.publish;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vitrine.publish.export.GoogleMerchantExport;
import io.vitrine.testing.TestCatalog;
import io.vitrine.testing.VitrineIT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Export profiles and exports over HTTP. Each format's file, made from the sample catalog by a job,
 * is compared with its golden file under {@code src/test/resources/golden/exports} (rewritten with
 * {@code -Dvitrine.golden.update=true}) and read back by a parser of its format; the same export
 * streamed gives the same file.
 */
class ExportsIT extends VitrineIT {

  private static final Path GOLDEN = Path.of("src/test/resources/golden/exports");

  /** The sample's apparel the ecommerce channel publishes: 26 products, under the stream limit. */
  private static final String APPAREL = "'filters':{'families':['apparel']}";

  private static final String COLUMNS =
      "'columns':['identifier',{'header':'Name','source':'name'},'price','color','weight',"
          + "'material',{'header':'URL','source':{'template':'https://shop.example/p/{identifier}'}},"
          + "'categories','item_group']";

  private String profile(String channel, String body) {
    String code = unique("exp");
    var created =
        api.post(
            "api/v1/channels/" + channel + "/export-profiles",
            json("{'code':'" + code + "'," + body + "}"));
    assertStatus(201, created);
    return code;
  }

  /** Starts an export of the profile and waits until it is finished; its JSON. */
  private JsonObject export(String channel, String profile) {
    var started =
        api.post("api/v1/channels/" + channel + "/export-profiles/" + profile + "/exports", "{}");
    assertStatus(202, started);
    assertTrue(
        started
            .header("Location")
            .orElseThrow()
            .endsWith("/exports/" + started.json().getInt("id")));
    return finished(started.json().getInt("id"));
  }

  private JsonObject finished(long id) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      var run = api.get("api/v1/exports/" + id);
      assertStatus(200, run);
      String state = run.json().getString("state");
      if (state.equals("finished")) {
        return run.json();
      }
      assertFalse(state.equals("failed"), run::toString);
      sleep(200);
    }
    return fail("export " + id + " did not finish within 2 minutes");
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("vitrine.golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden), "no golden file " + golden);
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, name);
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
  }

  private String rejections(JsonObject run) {
    return api.get("api/v1/exports/" + run.getInt("id") + "/rejections").body();
  }

  private byte[] streamed(String channel, String profile) {
    return api.download("api/v1/channels/" + channel + "/export-profiles/" + profile + "/output");
  }

  @Test
  void csvOfTheSampleCatalog() throws Exception {
    String profile =
        profile(
            "ecommerce",
            "'format':'csv','locale':'fr_FR','currency':'EUR'," + COLUMNS + "," + APPAREL);
    JsonObject run = export("ecommerce", profile);
    assertEquals(26, run.getInt("written"), run.toString());
    assertEquals(0, run.getInt("rejected"), run.toString());
    assertEquals("text/csv; charset=UTF-8", run.getJsonObject("file").getString("media_type"));
    var file = api.get("api/v1/exports/" + run.getInt("id") + "/file");
    assertStatus(200, file);
    assertTrue(file.header("Content-Disposition").orElseThrow().contains(".csv\""), file::toString);
    assertGolden("sample-apparel-fr.csv", file.body());

    List<CSVRecord> rows = csv(file.body());
    assertEquals(27, rows.size());
    assertEquals(
        List.of(
            "identifier",
            "Name",
            "price",
            "color",
            "weight",
            "material",
            "URL",
            "categories",
            "item_group"),
        rows.get(0).toList());
    assertEquals("identifier,reason\r\n", rejections(run), "none refused");

    assertArrayEquals(
        file.body().getBytes(StandardCharsets.UTF_8), streamed("ecommerce", profile), "streamed");

    // The file stays the same while the export exists.
    String tag = file.header("ETag").orElseThrow();
    assertStatus(
        304, api.get("api/v1/exports/" + run.getInt("id") + "/file", "If-None-Match", tag));
  }

  @Test
  void xlsxOfTheSampleCatalog() throws Exception {
    String profile = profile("ecommerce", "'format':'xlsx'," + COLUMNS + "," + APPAREL);
    JsonObject run = export("ecommerce", profile);
    byte[] file = api.download("api/v1/exports/" + run.getInt("id") + "/file");
    String cells = cells(file);
    assertGolden("sample-apparel-en.xlsx.tsv", cells);
    assertTrue(cells.startsWith("identifier\tName\tprice"), cells);
    assertEquals(27, cells.lines().count());
    assertEquals(cells, cells(streamed("ecommerce", profile)), "streamed");
  }

  /** The workbook's cells, a row a line, tab-separated. */
  private static String cells(byte[] xlsx) throws IOException {
    StringBuilder text = new StringBuilder();
    try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      assertEquals(1, workbook.getSheets().count());
      for (Row row : workbook.getFirstSheet().read()) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < 9; c++) {
          // A row ends at its last cell with a text.
          boolean filled = c < row.getCellCount() && row.getCell(c) != null;
          assertNull(filled ? row.getCell(c).getFormula() : null);
          cells.add(filled ? row.getCellText(c) : "");
        }
        text.append(String.join("\t", cells)).append('\n');
      }
    }
    return text.toString();
  }

  @Test
  void googleMerchantFeedOfTheSampleCatalog() throws Exception {
    String profile =
        profile(
            "ecommerce",
            "'format':'google_merchant','mapping':{'link':{'template':"
                + "'https://shop.example/p/{identifier}'},"
                + "'google_product_category':{'value':'Apparel & Accessories > Clothing'}},"
                + "'feed':{'title':'Vitrine sample','description':'Apparel'},"
                + APPAREL);
    JsonObject run = export("ecommerce", profile);
    assertEquals(26, run.getInt("written") + run.getInt("rejected"), run.toString());
    String feed = api.get("api/v1/exports/" + run.getInt("id") + "/file").body();
    assertGolden("sample-apparel-google.xml", feed);
    assertGolden("sample-apparel-google-rejections.csv", rejections(run));

    var parsers = DocumentBuilderFactory.newInstance();
    parsers.setNamespaceAware(true);
    Document xml =
        parsers
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));
    Element rss = xml.getDocumentElement();
    assertEquals("rss", rss.getTagName());
    assertEquals("2.0", rss.getAttribute("version"));
    NodeList items = rss.getElementsByTagName("item");
    assertEquals(run.getInt("written"), items.getLength());
    for (int i = 0; i < items.getLength(); i++) {
      Element item = (Element) items.item(i);
      for (String required : List.of("id", "title", "description", "link", "image_link", "price")) {
        assertEquals(
            1,
            item.getElementsByTagNameNS(GoogleMerchantExport.NAMESPACE, required).getLength(),
            required + " of item " + i);
      }
    }

    List<CSVRecord> refused = csv(rejections(run));
    assertEquals(List.of("identifier", "reason"), refused.get(0).toList());
    assertEquals(run.getInt("rejected"), refused.size() - 1);
    assertArrayEquals(
        feed.getBytes(StandardCharsets.UTF_8), streamed("ecommerce", profile), "streamed");
    assertEquals(
        rejections(run),
        api.get("api/v1/channels/ecommerce/export-profiles/" + profile + "/output/rejections")
            .body());
  }

  @Test
  void jsonOfTheSampleCatalog() throws Exception {
    String profile = profile("ecommerce", "'format':'json'," + APPAREL);
    JsonObject run = export("ecommerce", profile);
    JsonArray products =
        Json.createReader(
                new StringReader(api.get("api/v1/exports/" + run.getInt("id") + "/file").body()))
            .readArray();
    assertEquals(26, products.size());
    // The same products as the channel's feed gives one by one.
    for (JsonValue product : products) {
      String identifier = product.asJsonObject().getString("identifier");
      assertEquals(
          product, api.get("api/v1/channels/ecommerce/products/" + identifier).json(), identifier);
    }
    assertGolden("sample-apparel.json", pretty(withoutTimes(products)));
  }

  private static JsonArray withoutTimes(JsonArray products) {
    JsonArrayBuilder kept = Json.createArrayBuilder();
    for (JsonValue product : products) {
      JsonObjectBuilder copy = Json.createObjectBuilder(product.asJsonObject());
      copy.remove("created");
      copy.remove("updated");
      kept.add(copy);
    }
    return kept.build();
  }

  private static String pretty(JsonArray json) {
    StringWriter text = new StringWriter();
    Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
        .createWriter(text)
        .write(json);
    return text.toString().strip() + "\n";
  }

  @Test
  void aBadProfileIsRefusedNamingEachFieldAndChangesNothing() {
    TestCatalog c = TestCatalog.create(api);
    String path = "api/v1/channels/" + c.channel + "/export-profiles";
    var refused =
        api.post(
            path,
            json(
                "{'code':'bad','format':'google_merchant','locale':'de_DE',"
                    + "'mapping':{'title':'nope','price':'"
                    + c.name
                    + "','colour':'"
                    + c.color
                    + "'},'columns':['"
                    + c.name
                    + "'],'filters':{'families':['no_such_family']},"
                    + "'schedule':{'every_hours':0},'keep':0}"));
    assertViolation(refused, "locale", "is not a locale of the channel " + c.channel);
    assertViolation(refused, "mapping.title", "there is no attribute or product field 'nope'");
    assertViolation(refused, "mapping.price", "must name a price attribute");
    assertViolation(refused, "mapping.colour", "is not a Google Merchant attribute");
    assertViolation(refused, "mapping.link", "is required by Google Merchant Center");
    assertViolation(refused, "columns", "is for csv and xlsx profiles only");
    assertViolation(refused, "filters.families[0]", "there is no family 'no_such_family'");
    assertViolation(refused, "schedule.every_hours", "must be between 1 and");
    assertViolation(refused, "keep", "must be between 1 and 1000");
    assertProblem(404, "not-found", api.get(path + "/bad"));
    assertViolation(
        api.post(path, json("{'code':'bad2','format':'pdf'}")), "format", "must be one of csv");
    assertViolation(
        api.post(
            path,
            json(
                "{'code':'bad3','format':'csv','columns':['"
                    + c.name
                    + "',{'header':'"
                    + c.name
                    + "','source':{'template':'x{nope}'}},{'source':{'value':'v'}}]}")),
        "columns[1].source",
        "there is no attribute or product field 'nope'");

    String code = profile(c.channel, "'format':'csv','columns':['identifier','" + c.name + "']");
    var before = api.get(path + "/" + code);
    assertEquals("en_US", before.json().getString("locale"));
    assertEquals("EUR", before.json().getString("currency"));
    assertViolation(
        api.patch(path + "/" + code, json("{'delimiter':'::','columns':[]}")),
        "delimiter",
        "must be one of");
    assertEquals(before.body(), api.get(path + "/" + code).body(), "unchanged");

    // A new format drops the old one's settings; what Google needs must then be given.
    var google =
        api.patch(
            path + "/" + code,
            json(
                "{'format':'google_merchant','mapping':{'title':'"
                    + c.name
                    + "','description':'"
                    + c.description
                    + "','link':{'template':'https://shop.example/{identifier}'},"
                    + "'image_link':{'template':'https://cdn.example/{"
                    + c.images
                    + "}.jpg'},'price':'"
                    + c.price
                    + "','gtin':'"
                    + c.ean
                    + "'}}"));
    assertStatus(200, google);
    assertFalse(google.json().containsKey("columns"), google::toString);
    assertEquals(
        "https://shop.example/",
        google.json().getJsonObject("feed").getString("link"),
        google::toString);
  }

  @Test
  void updatedSinceTheLastExportTakesOnlyWhatChanged() throws Exception {
    TestCatalog c = TestCatalog.create(api);
    String a = c.product(api, unique("UPD"), true, "");
    String b = c.product(api, unique("UPD"), true, "");
    sleep(2500); // longer than the margin before the last export the tests run with (2 s)
    String profile =
        profile(
            c.channel,
            "'format':'csv','columns':['identifier','"
                + c.name
                + "'],'filters':{'updated_since_last_export':true}");
    JsonObject first = export(c.channel, profile);
    assertTrue(first.isNull("updated_after"), first.toString());
    List<CSVRecord> all = csv(api.get("api/v1/exports/" + first.getInt("id") + "/file").body());
    assertEquals(List.of(a, b), all.subList(1, all.size()).stream().map(r -> r.get(0)).toList());

    assertStatus(
        200,
        api.patch(
            "api/v1/products/" + b,
            json(
                "{'values':{'"
                    + c.name
                    + "':[{'locale':'en_US','scope':null,'data':'Second, renamed'}]}}")));
    sleep(2500); // so that the next export, looking 2 s back from this one's start, misses b
    JsonObject second = export(c.channel, profile);
    // From a margin (2 s in tests, 15 min by default) before the first began: a product stamped
    // just before it and committed after it had passed is not lost.
    assertEquals(
        OffsetDateTime.parse(first.getString("created")).minusSeconds(2),
        OffsetDateTime.parse(second.getString("updated_after")));
    List<CSVRecord> changed =
        csv(api.get("api/v1/exports/" + second.getInt("id") + "/file").body());
    assertEquals(2, changed.size(), changed.toString());
    assertEquals(List.of(b, "Second, renamed"), changed.get(1).toList());

    // An edit of what the profile exports starts again from every product; of its labels, not.
    String path = "api/v1/channels/" + c.channel + "/export-profiles/" + profile;
    assertStatus(200, api.patch(path, json("{'labels':{'en_US':'Changes only'}}")));
    assertEquals(1, csv(file(export(c.channel, profile))).size(), "only the header: none changed");
    assertStatus(
        200, api.patch(path, json("{'columns':['identifier','" + c.name + "','" + c.ean + "']}")));
    JsonObject edited = export(c.channel, profile);
    assertTrue(edited.isNull("updated_after"), edited.toString());
    assertEquals(3, csv(file(edited)).size());
  }

  private String file(JsonObject run) {
    return api.get("api/v1/exports/" + run.getInt("id") + "/file").body();
  }

  @Test
  void onlyTheNewestFilesAreKept() {
    TestCatalog c = TestCatalog.create(api);
    c.product(api, unique("KEEP"), true, "");
    String profile = profile(c.channel, "'format':'json','keep':2");
    long first = export(c.channel, profile).getInt("id");
    long second = export(c.channel, profile).getInt("id");
    long third = export(c.channel, profile).getInt("id");
    var listed =
        api.get("api/v1/channels/" + c.channel + "/export-profiles/" + profile + "/exports");
    assertEquals(
        List.of(third, second),
        listed.json().getJsonArray("items").stream()
            .map(r -> r.asJsonObject().getJsonNumber("id").longValue())
            .toList(),
        listed::toString);
    assertProblem(404, "not-found", api.get("api/v1/exports/" + first));
    assertFalse(Files.exists(folder(first)), "the pruned export's files are gone");

    assertStatus(204, api.delete("api/v1/exports/" + second));
    assertProblem(404, "not-found", api.get("api/v1/exports/" + second + "/file"));
    assertFalse(Files.exists(folder(second)), "the deleted export's files are gone");
    assertStatus(200, api.get("api/v1/exports/" + third + "/file"));
    assertTrue(Files.exists(folder(third)));
  }

  /** Where the server (on this machine, its data directory set by TestDatabase) keeps an export. */
  private static Path folder(long export) {
    return Path.of(System.getProperty("vitrine.it.work", "target/it"))
        .resolve(System.getProperty("vitrine.it.db") + "-data")
        .resolve("exports")
        .resolve(Long.toString(export));
  }

  @Test
  void aScheduledProfileExportsOnItsOwn() {
    TestCatalog c = TestCatalog.create(api);
    c.product(api, unique("SCH"), true, "");
    // A scheduled profile that cannot start (its locale left the channel) does not stop others.
    TestCatalog other = TestCatalog.create(api);
    profile(other.channel, "'format':'csv','locale':'fr_FR','schedule':{'every_hours':1}");
    assertStatus(200, api.patch("api/v1/channels/" + other.channel, json("{'locales':['en_US']}")));
    String profile = profile(c.channel, "'format':'json','schedule':{'every_hours':24}");
    String path = "api/v1/channels/" + c.channel + "/export-profiles/" + profile + "/exports";
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonArray runs;
    do {
      sleep(300);
      runs = api.get(path).json().getJsonArray("items");
    } while (runs.isEmpty() && System.nanoTime() < deadline);
    assertEquals(1, runs.size(), runs.toString());
    finished(runs.getJsonObject(0).getInt("id"));
    sleep(2500); // more than two checks: it is not due again for a day
    assertEquals(1, api.get(path).json().getJsonArray("items").size());
  }

  @Test
  void whatStopsAnExportIsSaid() {
    TestCatalog c = TestCatalog.create(api);
    String profile = profile(c.channel, "'format':'csv','locale':'fr_FR'");
    // The channel cannot go while a profile exports it.
    var delete = api.delete("api/v1/channels/" + c.channel);
    assertProblem(409, "in-use", delete);
    assertTrue(delete.body().contains("export profiles"), delete::toString);
    // Neither can an attribute its columns read, nor a category its filters name.
    String note = unique("note");
    assertStatus(201, api.post("api/v1/attributes", json("{'code':'" + note + "','type':'text'}")));
    String category = unique("cat");
    assertStatus(
        201,
        api.post(
            "api/v1/categories", json("{'code':'" + category + "','parent':'" + c.tree + "'}")));
    profile(
        c.channel,
        "'format':'xlsx','columns':['identifier',{'header':'Note','source':{'template':'n: {"
            + note
            + "}'}}],'filters':{'categories':['"
            + category
            + "']}");
    assertTrue(
        assertProblem(409, "in-use", api.delete("api/v1/attributes/" + note))
            .toString()
            .contains("export profiles"));
    assertTrue(
        assertProblem(409, "in-use", api.delete("api/v1/categories/" + category))
            .toString()
            .contains("export profiles"));
    // Its locale gone from the channel, the profile cannot export until it is changed; a JSON
    // profile, which holds every locale of the channel, still can.
    String allLocales = profile(c.channel, "'format':'json'");
    assertStatus(200, api.patch("api/v1/channels/" + c.channel, json("{'locales':['en_US']}")));
    var start =
        api.post("api/v1/channels/" + c.channel + "/export-profiles/" + profile + "/exports", "{}");
    assertTrue(assertProblem(409, "conflict", start).getString("detail").contains("fr_FR"));
    export(c.channel, allLocales);
    // Over the stream limit (50 in tests), a stream is refused before anything is written.
    String everything =
        profile(
            "ecommerce",
            "'format':'google_merchant','mapping':{'link':{'template':'https://s.example/{identifier}'}}");
    JsonObject tooLarge =
        assertProblem(
            409,
            "too-large-to-stream",
            api.get("api/v1/channels/ecommerce/export-profiles/" + everything + "/output"));
    assertEquals(50, tooLarge.getInt("limit"));
    assertProblem(404, "not-found", api.get("api/v1/exports/999999999"));
    assertProblem(
        404, "not-found", api.post("api/v1/channels/ecommerce/export-profiles/nope/exports", "{}"));
  }
}
