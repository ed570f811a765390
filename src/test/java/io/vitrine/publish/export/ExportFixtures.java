package io.vitrine.publish.export;

import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.TestCatalogs;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Resolved products (as ChannelView gives them) and the catalog they were resolved with. */
final class ExportFixtures {

  private ExportFixtures() {}

  static final CatalogSnapshot SCHEMA =
      TestCatalogs.catalog()
          .attribute(TestCatalogs.attribute("brand", AttributeType.SIMPLESELECT).build())
          .attribute(TestCatalogs.attribute("mpn", AttributeType.TEXT).build())
          .build();

  static ProductFields fields(String locale, String currency) {
    return new ProductFields(SCHEMA, locale, currency);
  }

  static JsonObject json(String singleQuoted) {
    return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
  }

  /** A tee: names in two locales, a rich description, colour, sizes, weight, prices, images. */
  static JsonObject tee(String identifier) {
    return json(
        "{'identifier':'"
            + identifier
            + "','family':'clothing','parent':'tee-navy','models':['tee','tee-navy'],"
            + "'enabled':true,'categories':['men','tees'],'values':{"
            + "'name':{'en_US':'Crew tee, navy','fr_FR':'T-shirt « marine »'},"
            + "'description':{'en_US':'<p>Organic <b>cotton</b>.</p>'},"
            + "'ean':'4006381333931',"
            + "'brand':{'code':'tidewater','labels':{'en_US':'Tidewater'}},"
            + "'color':{'code':'navy','labels':{'en_US':'Navy','fr_FR':'Marine'}},"
            + "'sizes':[{'code':'m','labels':{'en_US':'M'}},{'code':'l','labels':{}}],"
            + "'weight':{'amount':'180','unit':'GRAM'},"
            + "'price':[{'amount':'22.90','currency':'EUR'},{'amount':'24.90','currency':'USD'}],"
            + "'images':['tee_front','tee_back','tee_side']}}");
  }
}
