package io.vitrine.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.TestCatalogs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resolving a product for a channel: what it keeps, converts, labels and leaves out. */
class ChannelViewTest {

  private static final Channel SHOP =
      TestCatalogs.channel(
          "shop",
          List.of("en_US", "fr_FR"),
          List.of("EUR", "USD"),
          "master",
          Map.of("weight", "GRAM"));

  private static final CatalogSnapshot SCHEMA = TestCatalogs.catalog().channel(SHOP).build();

  private static JsonObject json(String singleQuoted) {
    return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
  }

  private static final ChannelView.Lookups LOOKUPS =
      new ChannelView.Lookups(
          Map.of(
              "color",
              Map.of("red", Map.of("en_US", "Red", "fr_FR", "Rouge", "de_DE", "Rot")),
              "sizes",
              Map.of("m", Map.of("en_US", "Medium"))),
          mapOf("shoes", "master", "master", null, "outlet", null, "sale", "outlet"),
          Set.of("B-1"),
          Set.of("model-ok"),
          Map.of(
              "tee_front",
              json(
                  "{'code':'tee_front','url':'https://pim.example/api/v1/assets/tee_front/file?v=1',"
                      + "'media_type':'image/png'}")));

  private static Map<String, String> mapOf(String... pairs) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static JsonObject resolve(String document) {
    return new ChannelView(SCHEMA, SHOP).resolve(json(document), LOOKUPS);
  }

  private static final String BASE =
      "'identifier':'A-1','family':'clothing','parent':'tee-red','models':['tee','tee-red'],"
          + "'enabled':true,'created':'2026-01-01T00:00:00Z','updated':'2026-01-02T00:00:00Z'";

  @Test
  void keepsTheChannelsScopeLocalesAndCurrencies() {
    JsonObject product =
        resolve(
            "{"
                + BASE
                + ",'categories':['shoes','sale'],'values':{"
                + "'name':[{'locale':'en_US','scope':null,'data':'Tee'},"
                + "{'locale':'de_DE','scope':null,'data':'Hemd'}],"
                + "'description':[{'locale':'en_US','scope':'shop','data':'<p>Ours</p>'},"
                + "{'locale':'en_US','scope':'print','data':'Theirs'},"
                + "{'locale':'fr_FR','scope':'print','data':'Leur'}],"
                + "'price':[{'locale':null,'scope':null,'data':[{'amount':'9.00','currency':'USD'},"
                + "{'amount':'1000','currency':'JPY'},{'amount':'8.50','currency':'EUR'}]}],"
                + "'stock':[{'locale':null,'scope':null,'data':12}],"
                + "'images':[{'locale':null,'scope':null,'data':['tee_front']}],"
                + "'retired':[{'locale':null,'scope':null,'data':'x'}]"
                + "}}");
    assertEquals(
        json(
            "{'name':{'en_US':'Tee'},'description':{'en_US':'<p>Ours</p>'},"
                + "'price':[{'amount':'8.50','currency':'EUR'},{'amount':'9.00','currency':'USD'}],"
                + "'stock':12,'images':[{'code':'tee_front',"
                + "'url':'https://pim.example/api/v1/assets/tee_front/file?v=1',"
                + "'media_type':'image/png'}]}"),
        product.getJsonObject("values"));
    assertEquals("[\"shoes\"]", product.getJsonArray("categories").toString());
    assertEquals("[\"tee\",\"tee-red\"]", product.getJsonArray("models").toString());
    assertEquals("tee-red", product.getString("parent"));
  }

  @Test
  void convertsMetricsAndLabelsOptionsInTheChannelsLocales() {
    JsonObject values =
        resolve(
                "{"
                    + BASE
                    + ",'categories':[],'values':{"
                    + "'weight':[{'locale':null,'scope':null,'data':{'amount':'0.25','unit':'KILOGRAM'}}],"
                    + "'color':[{'locale':null,'scope':null,'data':'red'}],"
                    + "'sizes':[{'locale':null,'scope':null,'data':['m','xl']}]"
                    + "}}")
            .getJsonObject("values");
    assertEquals(json("{'amount':'250','unit':'GRAM'}"), values.getJsonObject("weight"));
    assertEquals(
        json("{'code':'red','labels':{'en_US':'Red','fr_FR':'Rouge'}}"),
        values.getJsonObject("color"));
    assertEquals(
        Json.createReader(
                new StringReader(
                    "[{\"code\":\"m\",\"labels\":{\"en_US\":\"Medium\"}},"
                        + "{\"code\":\"xl\",\"labels\":{}}]"))
            .readArray(),
        values.getJsonArray("sizes"));
  }

  @Test
  void aPoundIsShownInGramsWithoutEndlessDecimals() {
    JsonObject weight =
        resolve(
                "{"
                    + BASE
                    + ",'categories':[],'values':{"
                    + "'weight':[{'locale':null,'scope':null,'data':{'amount':'1','unit':'POUND'}}]}}")
            .getJsonObject("values")
            .getJsonObject("weight");
    assertEquals("453.59237", weight.getString("amount"));
  }

  @Test
  void associationsKeepOnlyWhatTheChannelPublishes() {
    JsonObject product =
        resolve(
            "{"
                + BASE
                + ",'categories':[],'values':{},"
                + "'associations':{'X_SELL':{'products':['B-1','B-2'],'product_models':['model-ok','model-no']},"
                + "'UPSELL':{'products':['B-2'],'product_models':[]}},"
                + "'quantified_associations':{'PACK':{'products':[{'identifier':'B-1','quantity':2},"
                + "{'identifier':'B-2','quantity':1}],'product_models':[]}}}");
    assertEquals(
        json("{'X_SELL':{'products':['B-1'],'product_models':['model-ok']}}"),
        product.getJsonObject("associations"));
    assertEquals(
        json("{'PACK':{'products':[{'identifier':'B-1','quantity':2}],'product_models':[]}}"),
        product.getJsonObject("quantified_associations"));
  }

  @Test
  void saysWhichOptionsAndLinksABatchNeedsLookedUp() {
    List<JsonObject> documents =
        List.of(
            json(
                "{'values':{'color':[{'locale':null,'scope':null,'data':'red'}],"
                    + "'sizes':[{'locale':null,'scope':null,'data':['m','l']}],"
                    + "'name':[{'locale':'en_US','scope':null,'data':'red'}]},"
                    + "'associations':{'X':{'products':['P'],'product_models':['M']}},"
                    + "'quantified_associations':{'Q':{'products':[{'identifier':'R','quantity':1}],'product_models':[]}}}"));
    assertEquals(
        Map.of("color", Set.of("red"), "sizes", Set.of("m", "l")),
        new ChannelView(SCHEMA, SHOP).options(documents));
    assertEquals(Set.of("P", "R"), ChannelView.linked(documents, "products"));
    assertEquals(Set.of("M"), ChannelView.linked(documents, "product_models"));
  }

  @Test
  void aMalformedStoredValueIsLeftOutNotFatal() {
    JsonObject values =
        resolve(
                "{"
                    + BASE
                    + ",'categories':[],'values':{"
                    + "'name':[{'locale':null,'scope':null,'data':'No locale'}],"
                    + "'price':[{'locale':null,'scope':null,'data':'9.99'}],"
                    + "'weight':[{'locale':null,'scope':null,'data':{'amount':'x','unit':'KILOGRAM'}}],"
                    + "'color':[{'locale':null,'scope':null,'data':'red'}],"
                    + "'sizes':'not a list'}}")
            .getJsonObject("values");
    // What a batch looks up first must not fail on them either.
    List<JsonObject> malformed =
        List.of(
            json(
                "{'values':{'sizes':'not a list','color':['x',{'data':[1,'red']}]},"
                    + "'associations':{'X':'no','Y':{'products':[1,{'quantity':2},'B-1']}}}"));
    assertEquals(
        Map.of("sizes", Set.of(), "color", Set.of("red")),
        new ChannelView(SCHEMA, SHOP).options(malformed));
    assertEquals(Set.of("B-1"), ChannelView.linked(malformed, "products"));
    assertEquals(
        json(
            "{'weight':{'amount':'x','unit':'KILOGRAM'},"
                + "'color':{'code':'red','labels':{'en_US':'Red','fr_FR':'Rouge'}}}"),
        values);
  }
}
