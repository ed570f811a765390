package io.vitrine.publish.export;

import static io.vitrine.publish.export.ExportFixtures.fields;
import static io.vitrine.publish.export.ExportFixtures.json;
import static io.vitrine.publish.export.ExportFixtures.tee;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The Google Merchant feed, read back by a namespace-aware XML parser, and what it refuses. */
class GoogleMerchantExportTest {

  private static final Map<String, FieldSource> MAPPING =
      Map.of(
          "title", new FieldSource.Field("name"),
          "description", new FieldSource.Field("description"),
          "link", new FieldSource.Template("https://shop.example/p/{identifier}"),
          "image_link", new FieldSource.Template("https://cdn.example/{images}.jpg"),
          "price", new FieldSource.Field("price"),
          "brand", new FieldSource.Field("brand"),
          "gtin", new FieldSource.Field("ean"),
          "mpn", new FieldSource.Field("mpn"),
          "google_product_category", new FieldSource.Constant("1604"));

  private record Run(Document feed, List<String> refused) {}

  private static Run export(Map<String, FieldSource> mapping, JsonObject... products)
      throws Exception {
    var out = new ByteArrayOutputStream();
    var google =
        new GoogleMerchantExport(
            out,
            new GoogleMerchantExport.Feed("Shop feed", "https://shop.example", null),
            mapping,
            fields("en_US", "EUR"));
    List<String> refused = new ArrayList<>();
    for (JsonObject product : products) {
      String reason = google.write(product);
      refused.add(reason);
    }
    google.finish();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return new Run(
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray())), refused);
  }

  /** Each item's g: elements, by local name, in document order. */
  private static List<Map<String, List<String>>> items(Document feed) {
    List<Map<String, List<String>>> items = new ArrayList<>();
    var nodes = feed.getElementsByTagName("item");
    for (int i = 0; i < nodes.getLength(); i++) {
      Map<String, List<String>> item = new LinkedHashMap<>();
      for (Node child = nodes.item(i).getFirstChild();
          child != null;
          child = child.getNextSibling()) {
        if (child instanceof Element e) {
          assertEquals(GoogleMerchantExport.NAMESPACE, e.getNamespaceURI(), e.getTagName());
          item.computeIfAbsent(e.getLocalName(), k -> new ArrayList<>()).add(e.getTextContent());
        }
      }
      items.add(item);
    }
    return items;
  }

  @Test
  void anRss2FeedInGooglesNamespace() throws Exception {
    Run run = export(MAPPING, tee("TEE-M"));
    Element rss = run.feed().getDocumentElement();
    assertEquals("rss", rss.getTagName());
    assertEquals("2.0", rss.getAttribute("version"));
    assertEquals(
        "Shop feed", ((Element) rss.getElementsByTagName("title").item(0)).getTextContent());
    assertEquals(java.util.Arrays.asList((String) null), run.refused());
    Map<String, List<String>> item = items(run.feed()).get(0);
    assertEquals(List.of("TEE-M"), item.get("id"));
    assertEquals(List.of("Crew tee, navy"), item.get("title"));
    assertEquals(List.of("Organic cotton."), item.get("description"));
    assertEquals(List.of("https://shop.example/p/TEE-M"), item.get("link"));
    assertEquals(List.of("https://cdn.example/tee_front.jpg"), item.get("image_link"));
    assertEquals(
        List.of("https://cdn.example/tee_back.jpg", "https://cdn.example/tee_side.jpg"),
        item.get("additional_image_link"));
    assertEquals(List.of("in_stock"), item.get("availability"));
    assertEquals(List.of("22.90 EUR"), item.get("price"));
    assertEquals(List.of("Tidewater"), item.get("brand"));
    assertEquals(List.of("4006381333931"), item.get("gtin"));
    assertEquals(List.of("new"), item.get("condition"));
    assertEquals(List.of("1604"), item.get("google_product_category"));
    assertEquals(List.of("tee"), item.get("item_group_id"));
    assertNull(item.get("identifier_exists"));
  }

  @Test
  void productsGoogleWouldRefuseAreListedWithTheReason() throws Exception {
    JsonObject bare =
        json(
            "{'identifier':'BARE-1','family':'clothing','enabled':true,'categories':[],'models':[],"
                + "'values':{'name':{'en_US':'Bare'}}}");
    JsonObject badGtin =
        json(
            "{'identifier':'GTIN-1','family':'clothing','enabled':true,'categories':[],'models':[],"
                + "'values':{'name':{'en_US':'Tee'},'description':{'en_US':'A tee'},"
                + "'ean':'4006381333932','images':['a'],"
                + "'price':[{'amount':'9.00','currency':'EUR'}]}}");
    Run run = export(MAPPING, bare, badGtin, tee("TEE-M"));
    assertEquals(
        "Google Merchant: no description; no image; no price in EUR; neither a GTIN nor a brand"
            + " and an MPN.",
        run.refused().get(0));
    assertEquals(
        "Google Merchant: the GTIN 4006381333932 has a wrong check digit: a GTIN starting"
            + " 400638133393 ends in 1.",
        run.refused().get(1));
    assertNull(run.refused().get(2));
    assertEquals(1, items(run.feed()).size(), "the refused are not written");

    // Custom goods: no identifiers, said so.
    Map<String, FieldSource> custom = new LinkedHashMap<>(MAPPING);
    custom.put("identifier_exists", new FieldSource.Constant("no"));
    JsonObject handmade =
        json(
            "{'identifier':'HAND-1','family':'clothing','enabled':true,'categories':[],'models':[],"
                + "'values':{'name':{'en_US':'Hand-knitted scarf'},'description':{'en_US':'Wool'},"
                + "'images':['scarf'],'price':[{'amount':'40.00','currency':'EUR'}]}}");
    Run customRun = export(custom, handmade);
    assertNull(customRun.refused().get(0));
    assertEquals(List.of("no"), items(customRun.feed()).get(0).get("identifier_exists"));
  }

  @Test
  void googlesLimitsAndListsAreChecked() throws Exception {
    Map<String, FieldSource> mapping = new LinkedHashMap<>(MAPPING);
    mapping.put("condition", new FieldSource.Field("color"));
    mapping.put("availability", new FieldSource.Constant("Preorder"));
    JsonObject longId = tee("L".repeat(51));
    Run run = export(mapping, longId);
    assertEquals(
        "Google Merchant: the id has 51 characters (Google takes 50); no availability date, which"
            + " Google asks of preorder; a condition Google does not know, 'navy' (new,"
            + " refurbished, used).",
        run.refused().get(0));
  }

  @Test
  void linksMustBeWebAddresses() throws Exception {
    Map<String, FieldSource> mapping = new LinkedHashMap<>(MAPPING);
    mapping.put("link", new FieldSource.Template("shop.example/p/{identifier}"));
    mapping.put("image_link", new FieldSource.Field("images"));
    assertEquals(
        "Google Merchant: the link 'shop.example/p/TEE-M' is not an http or https address; the"
            + " image link 'tee_front' is not an http or https address; the image link 'tee_back'"
            + " is not an http or https address; the image link 'tee_side' is not an http or"
            + " https address.",
        export(mapping, tee("TEE-M")).refused().get(0));
  }

  @Test
  void textsXmlCannotHoldAreLeftOut() throws Exception {
    JsonObject product =
        json(
            "{'identifier':'CTRL-1','family':'clothing','enabled':true,'categories':[],'models':[],"
                + "'values':{'name':{'en_US':'Bell\\u0007 tee \\ud800'},"
                + "'description':{'en_US':'Soft'},'ean':'4006381333931','images':['a'],"
                + "'price':[{'amount':'9.00','currency':'EUR'}]}}");
    Run run = export(MAPPING, product);
    assertNull(run.refused().get(0));
    assertEquals(List.of("Bell tee "), items(run.feed()).get(0).get("title"));
  }
}
