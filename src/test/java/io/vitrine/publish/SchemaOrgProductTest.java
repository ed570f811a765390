package io.vitrine.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.TestCatalogs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A resolved product as schema.org JSON-LD: each property from the attribute that plays it. */
class SchemaOrgProductTest {

  private static final Channel SHOP =
      TestCatalogs.channel("shop", List.of("en_US", "fr_FR"), List.of("EUR", "USD"));

  private static final CatalogSnapshot SCHEMA =
      TestCatalogs.catalog()
          .channel(SHOP)
          .attribute(TestCatalogs.attribute("gtin13", AttributeType.TEXT).gtin().build())
          .attribute(TestCatalogs.attribute("brand", AttributeType.SIMPLESELECT).build())
          .attribute(TestCatalogs.attribute("availability", AttributeType.SIMPLESELECT).build())
          .family(
              TestCatalogs.family(
                  "clothing",
                  Set.of("sku", "name", "description", "price", "gtin13", "brand", "weight"),
                  Set.of(),
                  "name",
                  "images"))
          .build();

  private static JsonObject json(String singleQuoted) {
    return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
  }

  private static JsonObject ld(String values, String locale) {
    return SchemaOrgProduct.of(
        json(
            "{'identifier':'TEE-1','family':'clothing','parent':'tee','models':['tee'],"
                + "'values':{"
                + values
                + "}}"),
        locale,
        SCHEMA);
  }

  private static final String FULL =
      "'name':{'en_US':'Crew tee','fr_FR':'T-shirt'},"
          + "'description':{'fr_FR':'<p>Un <b>beau</b> t-shirt</p>'},"
          + "'gtin13':'4006381333931',"
          + "'brand':{'code':'tidewater','labels':{'en_US':'Tidewater'}},"
          + "'color':{'code':'navy','labels':{'fr_FR':'Bleu marine'}},"
          + "'weight':{'amount':'180','unit':'GRAM'},"
          + "'price':[{'amount':'22.90','currency':'EUR'},{'amount':'24.90','currency':'USD'}]";

  @Test
  void everyPropertyComesFromTheAttributeThatPlaysIt() {
    assertEquals(
        json(
            "{'@context':'https://schema.org','@type':'Product','sku':'TEE-1','name':'T-shirt',"
                + "'description':'Un beau t-shirt','gtin':'4006381333931',"
                + "'brand':{'@type':'Brand','name':'tidewater'},'color':'Bleu marine',"
                + "'inProductGroupWithID':'tee',"
                + "'weight':{'@type':'QuantitativeValue','value':180,'unitCode':'GRM'},"
                + "'offers':[{'@type':'Offer','price':'22.90','priceCurrency':'EUR',"
                + "'availability':'https://schema.org/InStock'},"
                + "{'@type':'Offer','price':'24.90','priceCurrency':'USD',"
                + "'availability':'https://schema.org/InStock'}]}"),
        ld(FULL, "fr_FR"));
  }

  @Test
  void oneOfferIsAnObjectAndAvailabilityFollowsTheAttribute() {
    JsonObject product =
        ld(
            "'price':[{'amount':'22.90','currency':'EUR'}],"
                + "'availability':{'code':'out_of_stock','labels':{}}",
            "en_US");
    assertEquals(
        json(
            "{'@type':'Offer','price':'22.90','priceCurrency':'EUR',"
                + "'availability':'https://schema.org/OutOfStock'}"),
        product.getJsonObject("offers"));
    // No name in the locale: the identifier names it; nothing else is made up.
    assertEquals("TEE-1", product.getString("name"));
    assertFalse(product.containsKey("description"));
    assertFalse(product.containsKey("gtin"));
  }

  @Test
  void weightsInTonnesAndMalformedAmounts() {
    assertEquals(
        json("{'@type':'QuantitativeValue','value':1.5,'unitCode':'TNE'}"),
        ld("'weight':{'amount':'1.5','unit':'TON'}", "en_US").getJsonObject("weight"));
    assertFalse(ld("'weight':{'amount':'heavy','unit':'TON'}", "en_US").containsKey("weight"));
    assertFalse(ld("'price':[{'currency':'EUR'},'9.99']", "en_US").containsKey("offers"));
  }
}
