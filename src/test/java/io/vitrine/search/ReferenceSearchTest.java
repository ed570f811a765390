package io.vitrine.search;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.search.ReferenceSearch.Product;
import io.vitrine.search.ReferenceSearch.Query;
import io.vitrine.search.ReferenceSearch.Refused;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reference search on a handful of hand-made products, one operator family at a time, so that
 * the randomized {@link SearchConsistencyIT} compares the server with something known to be right.
 */
class ReferenceSearchTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-11-22");

  private static final ReferenceSearch.Catalog CATALOG =
      new ReferenceSearch.Catalog()
          .channel(
              read("{'code':'ecommerce','locales':['en_US','fr_FR'],'currencies':['EUR','USD']}"))
          .attribute(read("{'code':'name','type':'text','localizable':true,'scopable':false}"))
          .attribute(
              read("{'code':'description','type':'textarea','localizable':true,'scopable':true}"))
          .attribute(read("{'code':'notes','type':'textarea'}"))
          .attribute(read("{'code':'quantity','type':'number'}"))
          .attribute(read("{'code':'weight','type':'metric','metric_family':'Weight'}"))
          .attribute(read("{'code':'heat','type':'metric','metric_family':'Temperature'}"))
          .attribute(read("{'code':'price','type':'price_collection'}"))
          .attribute(read("{'code':'organic','type':'boolean','scopable':true}"))
          .attribute(read("{'code':'released','type':'date'}"))
          .attribute(read("{'code':'color','type':'simpleselect'}"))
          .attribute(read("{'code':'materials','type':'multiselect'}"))
          .attribute(read("{'code':'images','type':'asset_collection'}"))
          .measurementFamily(
              read(
                  "{'code':'Weight','standard_unit_code':'KILOGRAM','units':{"
                      + "'KILOGRAM':{'convert_from_standard':[{'operator':'mul','value':'1'}]},"
                      + "'GRAM':{'convert_from_standard':[{'operator':'mul','value':'0.001'}]}}}"))
          .measurementFamily(
              read(
                  "{'code':'Temperature','standard_unit_code':'KELVIN','units':{"
                      + "'KELVIN':{'convert_from_standard':[{'operator':'mul','value':'1'}]},"
                      + "'CELSIUS':{'convert_from_standard':[{'operator':'add','value':'273.15'}]},"
                      + "'FAHRENHEIT':{'convert_from_standard':[{'operator':'sub','value':'32'},"
                      + "{'operator':'div','value':'1.8'},{'operator':'add','value':'273.15'}]}}}"))
          .category(read("{'code':'master','parent':null}"))
          .category(read("{'code':'clothing','parent':'master'}"))
          .category(read("{'code':'shirts','parent':'clothing'}"))
          .category(read("{'code':'shoes','parent':'master'}"))
          .productModel(read("{'code':'tee','parent':null}"))
          .productModel(read("{'code':'tee-navy','parent':'tee'}"));

  /** A shirt with a value of every kind. */
  private static final JsonObject SHIRT =
      read(
          "{'identifier':'TS-1','family':'apparel','parent':null,'enabled':true,"
              + "'categories':['shirts'],'values':{"
              + "'name':[{'locale':'en_US','scope':null,'data':'Blue Shirt'},"
              + "{'locale':'fr_FR','scope':null,'data':'Chemise bleue'}],"
              + "'description':[{'locale':'en_US','scope':'ecommerce',"
              + "'data':'<p>Soft <b>cotton</b>,&amp; more</p>'}],"
              + "'quantity':[{'locale':null,'scope':null,'data':'5'}],"
              + "'weight':[{'locale':null,'scope':null,'data':{'amount':'1','unit':'KILOGRAM'}}],"
              + "'heat':[{'locale':null,'scope':null,'data':{'amount':'20','unit':'CELSIUS'}}],"
              + "'price':[{'locale':null,'scope':null,'data':"
              + "[{'amount':'10.00','currency':'EUR'},{'amount':'12.00','currency':'USD'}]}],"
              + "'organic':[{'locale':null,'scope':'ecommerce','data':true}],"
              + "'released':[{'locale':null,'scope':null,'data':'2026-11-20'}],"
              + "'color':[{'locale':null,'scope':null,'data':'Navy'}],"
              + "'materials':[{'locale':null,'scope':null,'data':['cotton','Linen']}],"
              + "'images':[{'locale':null,'scope':null,'data':['front']}]},"
              + "'created':'2026-11-21T23:59:59.999Z','updated':'2026-11-22T10:00:00.000Z'}");

  /** Another shirt, with other values and no categories. */
  private static final JsonObject OTHER =
      read(
          "{'identifier':'ts-2','family':'apparel','parent':null,'enabled':false,"
              + "'categories':[],'values':{"
              + "'name':[{'locale':'en_US','scope':null,'data':'blue shirt'}],"
              + "'quantity':[{'locale':null,'scope':null,'data':7}],"
              + "'weight':[{'locale':null,'scope':null,'data':{'amount':'1000','unit':'GRAM'}}],"
              + "'heat':[{'locale':null,'scope':null,'data':{'amount':'68','unit':'FAHRENHEIT'}}],"
              + "'price':[{'locale':null,'scope':null,'data':[{'amount':'20','currency':'EUR'}]}],"
              + "'organic':[{'locale':null,'scope':'ecommerce','data':false}],"
              + "'released':[{'locale':null,'scope':null,'data':'2026-11-25'}],"
              + "'color':[{'locale':null,'scope':null,'data':'red'}],"
              + "'materials':[{'locale':null,'scope':null,'data':['wool']}]},"
              + "'created':'2026-11-22T00:00:00.000Z','updated':'2026-11-22T00:00:00.000Z'}");

  /** A product with nothing but an identifier. */
  private static final JsonObject BARE =
      read(
          "{'identifier':'BARE','family':null,'parent':null,'enabled':true,'categories':[],"
              + "'values':{},'created':'2026-11-22T00:00:00.000Z',"
              + "'updated':'2026-11-23T00:00:00.000Z'}");

  /** A variant two levels down: values and categories include its models'. */
  private static final JsonObject VARIANT =
      read(
          "{'identifier':'TS-1-M','family':'apparel','parent':'tee-navy','enabled':true,"
              + "'categories':['clothing','shoes'],'values':{"
              + "'name':[{'locale':'en_US','scope':null,'data':'Navy tee'}],"
              + "'color':[{'locale':null,'scope':null,'data':'navy'}],"
              + "'quantity':[{'locale':null,'scope':null,'data':'5.0'}]},"
              + "'created':'2026-11-22T00:00:00.000Z','updated':'2026-11-22T00:00:00.000Z'}");

  private static final List<Product> PRODUCTS =
      List.of(
          new Product(SHIRT, 1),
          new Product(OTHER, 2),
          new Product(BARE, 3),
          new Product(VARIANT, 4));

  private static JsonObject read(String singleQuoted) {
    return Json.createReader(new StringReader(json(singleQuoted))).readObject();
  }

  private static List<String> search(String search) {
    return search(search, null, null, null);
  }

  private static List<String> search(String search, String locale, String scope, String sort) {
    return search(PRODUCTS, search, locale, scope, sort);
  }

  private static List<String> search(
      List<Product> products, String search, String locale, String scope, String sort) {
    JsonValue parsed =
        search == null ? null : Json.createReader(new StringReader(json(search))).readValue();
    return new ReferenceSearch(CATALOG)
        .search(products, new Query(parsed, locale, scope, sort), TODAY);
  }

  private static void assertRefused(String property, String search) {
    assertRefused(property, search, null, null, null);
  }

  private static void assertRefused(
      String property, String search, String locale, String scope, String sort) {
    Refused refused = assertThrows(Refused.class, () -> search(search, locale, scope, sort));
    assertEquals(property, refused.property(), refused::getMessage);
  }

  @Test
  void withoutFiltersEveryProductComesByIdentifierIgnoringCase() {
    assertEquals(List.of("BARE", "TS-1", "TS-1-M", "ts-2"), search(null));
    assertEquals(List.of("BARE", "TS-1", "TS-1-M", "ts-2"), search("{}"));
  }

  @Test
  void identifierOperatorsIgnoreCase() {
    assertEquals(List.of("TS-1"), search("{'identifier':[{'operator':'=','value':'ts-1'}]}"));
    assertEquals(
        List.of("TS-1-M", "ts-2"),
        search("{'identifier':[{'operator':'IN','value':['TS-2','ts-1-m','nothing']}]}"));
    assertEquals(
        List.of("TS-1", "TS-1-M", "ts-2"),
        search("{'identifier':[{'operator':'STARTS WITH','value':'Ts-'}]}"));
    assertEquals(
        List.of("BARE", "ts-2"),
        search("{'identifier':[{'operator':'DOES NOT CONTAIN','value':'S-1'}]}"));
    assertEquals(
        List.of("TS-1-M"),
        search(
            "{'identifier':[{'operator':'STARTS WITH','value':'ts'},"
                + "{'operator':'CONTAINS','value':'-m'}]}"),
        "several conditions on one field must all hold");
  }

  @Test
  void familyNotInIncludesProductsWithoutAFamily() {
    assertEquals(List.of("BARE"), search("{'family':[{'operator':'NOT IN','value':['apparel']}]}"));
    assertEquals(List.of("BARE"), search("{'family':[{'operator':'EMPTY'}]}"));
    assertEquals(
        List.of("TS-1", "TS-1-M", "ts-2"),
        search("{'family':[{'operator':'IN','value':['apparel','shoes']}]}"));
    assertEquals(
        List.of(),
        search("{'family':[{'operator':'IN','value':['APPAREL']}]}"),
        "family codes keep their case");
    assertEquals(List.of("ts-2"), search("{'enabled':[{'operator':'!=','value':true}]}"));
  }

  @Test
  void textComparesLowerCasedAndTextareaWithoutTags() {
    assertEquals(
        List.of("TS-1", "ts-2"),
        search("{'name':[{'operator':'=','value':'BLUE SHIRT'}]}", "en_US", null, null));
    assertEquals(
        List.of("TS-1"),
        search("{'name':[{'operator':'CONTAINS','value':'bleue','locale':'fr_FR'}]}"),
        "the condition's own locale");
    assertEquals(
        List.of("TS-1"),
        search(
            "{'description':[{'operator':'=','value':'soft cotton,& more'}]}",
            "en_US",
            "ecommerce",
            null),
        "tags are gone, entities decoded");
    assertEquals(
        List.of(),
        search(
            "{'description':[{'operator':'CONTAINS','value':'<b>'}]}", "en_US", "ecommerce", null));
  }

  @Test
  void negativeOperatorsOnlyMatchProductsWithAValueInTheSlot() {
    assertEquals(
        List.of("TS-1-M"),
        search("{'name':[{'operator':'!=','value':'blue shirt'}]}", "en_US", null, null),
        "BARE has no name, so it is not 'different'");
    assertEquals(
        List.of("TS-1"),
        search("{'name':[{'operator':'DOES NOT CONTAIN','value':'x','locale':'fr_FR'}]}"),
        "only TS-1 has a name in fr_FR");
    assertEquals(List.of("ts-2"), search("{'quantity':[{'operator':'!=','value':5}]}"));
    assertEquals(
        List.of("ts-2"),
        search("{'organic':[{'operator':'!=','value':true}]}", null, "ecommerce", null));
    assertEquals(List.of("ts-2"), search("{'color':[{'operator':'NOT IN','value':['NAVY']}]}"));
    assertEquals(
        List.of("TS-1", "TS-1-M", "ts-2"),
        search("{'name':[{'operator':'NOT EMPTY','locale':'en_US'}]}"));
  }

  @Test
  void emptyMatchesProductsWithoutAValueWhateverTheirFamily() {
    assertEquals(
        List.of("BARE", "TS-1-M", "ts-2"),
        search("{'description':[{'operator':'EMPTY'}]}", "en_US", "ecommerce", null));
    assertEquals(List.of("BARE"), search("{'quantity':[{'operator':'EMPTY'}]}"));
    assertEquals(
        List.of(),
        search(
            "{'quantity':[{'operator':'EMPTY'}],'identifier':[{'operator':'=','value':'TS-1'}]}"),
        "conditions on several fields all hold");
    assertEquals(List.of("BARE", "TS-1-M", "ts-2"), search("{'images':[{'operator':'EMPTY'}]}"));
    assertEquals(List.of("BARE", "TS-1-M"), search("{'price':[{'operator':'EMPTY'}]}"));
    assertEquals(
        List.of("BARE", "TS-1-M", "ts-2"),
        search("{'price':[{'operator':'EMPTY','value':{'currency':'USD'}}]}"));
  }

  @Test
  void numbersCompareByValueAndMetricsInTheStandardUnit() {
    assertEquals(
        List.of("TS-1", "TS-1-M"), search("{'quantity':[{'operator':'=','value':'5.00'}]}"));
    assertEquals(
        List.of("TS-1", "TS-1-M", "ts-2"),
        search("{'quantity':[{'operator':'BETWEEN','value':[5,7]}]}"),
        "both ends included");
    assertEquals(List.of("ts-2"), search("{'quantity':[{'operator':'>','value':5}]}"));
    assertEquals(
        List.of("TS-1", "ts-2"),
        search("{'weight':[{'operator':'=','value':{'amount':'1000','unit':'GRAM'}}]}"));
    assertEquals(
        List.of(), search("{'weight':[{'operator':'<','value':{'amount':1,'unit':'KILOGRAM'}}]}"));
    assertEquals(
        List.of("TS-1", "ts-2"),
        search("{'heat':[{'operator':'=','value':{'amount':'293.15','unit':'KELVIN'}}]}"),
        "20 CELSIUS and 68 FAHRENHEIT are both 293.15 K");
  }

  @Test
  void pricesCompareTheAmountInTheCurrency() {
    assertEquals(
        List.of("TS-1"),
        search("{'price':[{'operator':'<','value':{'amount':15,'currency':'EUR'}}]}"));
    assertEquals(
        List.of("ts-2"),
        search("{'price':[{'operator':'!=','value':{'amount':'10','currency':'EUR'}}]}"));
    assertEquals(
        List.of("TS-1"),
        search("{'price':[{'operator':'>=','value':{'amount':0,'currency':'USD'}}]}"),
        "ts-2 has no USD price");
    assertEquals(
        List.of("TS-1", "ts-2"),
        search(
            "{'price':[{'operator':'BETWEEN','value':"
                + "[{'amount':10,'currency':'EUR'},{'amount':20,'currency':'EUR'}]}]}"));
  }

  @Test
  void datesAndSinceLastNDaysEndingToday() {
    assertEquals(
        List.of("TS-1"),
        search("{'released':[{'operator':'SINCE LAST N DAYS','value':2}]}"),
        "2026-11-20 is within the last 2 days; 2026-11-25 is in the future");
    assertEquals(List.of(), search("{'released':[{'operator':'SINCE LAST N DAYS','value':1}]}"));
    assertEquals(
        List.of("ts-2"),
        search("{'released':[{'operator':'NOT BETWEEN','value':['2026-11-01','2026-11-20']}]}"));
    assertEquals(List.of("TS-1"), search("{'released':[{'operator':'<','value':'2026-11-25'}]}"));
    assertEquals(List.of("ts-2"), search("{'released':[{'operator':'!=','value':'2026-11-20'}]}"));
  }

  @Test
  void createdAndUpdatedTakeInstantsOrWholeDays() {
    assertEquals(
        List.of("BARE", "TS-1-M", "ts-2"),
        search("{'created':[{'operator':'=','value':'2026-11-22'}]}"));
    assertEquals(List.of("TS-1"), search("{'created':[{'operator':'<','value':'2026-11-22'}]}"));
    assertEquals(
        List.of("TS-1"),
        search("{'created':[{'operator':'=','value':'2026-11-22T01:59:59.999+02:00'}]}"));
    assertEquals(
        List.of("BARE"), search("{'updated':[{'operator':'>','value':'2026-11-22'}]}"), "after");
    assertEquals(
        List.of("TS-1", "TS-1-M", "ts-2"),
        search("{'updated':[{'operator':'BETWEEN','value':['2026-11-21','2026-11-22']}]}"));
    assertEquals(
        List.of("BARE"),
        search("{'updated':[{'operator':'NOT BETWEEN','value':['2026-11-21','2026-11-22']}]}"));
    assertEquals(
        List.of("BARE", "TS-1", "TS-1-M", "ts-2"),
        search("{'created':[{'operator':'SINCE LAST N DAYS','value':1}]}"));
    assertEquals(
        List.of("BARE", "TS-1-M", "ts-2"),
        search("{'created':[{'operator':'SINCE LAST N DAYS','value':0}]}"));
  }

  @Test
  void selectsIgnoreCaseAndMultiselectsMatchAnyOption() {
    assertEquals(
        List.of("TS-1", "TS-1-M"), search("{'color':[{'operator':'IN','value':['NAVY']}]}"));
    assertEquals(
        List.of("TS-1", "ts-2"),
        search("{'materials':[{'operator':'IN','value':['linen','wool']}]}"));
    assertEquals(
        List.of("ts-2"), search("{'materials':[{'operator':'NOT IN','value':['LINEN']}]}"));
    assertEquals(List.of("BARE", "TS-1-M"), search("{'materials':[{'operator':'EMPTY'}]}"));
    assertEquals(
        List.of("TS-1"),
        search("{'organic':[{'operator':'=','value':true}]}", null, "ecommerce", null));
  }

  @Test
  void categoriesInChildrenFollowAncestorsAndNegationsMatchUnclassified() {
    assertEquals(
        List.of("TS-1-M"),
        search("{'categories':[{'operator':'IN','value':['clothing','master']}]}"),
        "IN is only the categories named");
    assertEquals(
        List.of("TS-1-M"), search("{'categories':[{'operator':'IN','value':['clothing']}]}"));
    assertEquals(
        List.of("TS-1", "TS-1-M"),
        search("{'categories':[{'operator':'IN CHILDREN','value':['clothing']}]}"));
    assertEquals(
        List.of("BARE", "ts-2"),
        search("{'categories':[{'operator':'NOT IN CHILDREN','value':['master']}]}"));
    assertEquals(
        List.of("BARE", "TS-1", "ts-2"),
        search("{'categories':[{'operator':'NOT IN','value':['shoes']}]}"));
    assertEquals(
        List.of("BARE", "TS-1", "ts-2"),
        search("{'categories':[{'operator':'IN OR UNCLASSIFIED','value':['shirts']}]}"));
    assertEquals(List.of("BARE", "ts-2"), search("{'categories':[{'operator':'UNCLASSIFIED'}]}"));
    assertEquals(List.of("TS-1", "TS-1-M"), search("{'categories':[{'operator':'CLASSIFIED'}]}"));
  }

  @Test
  void variantsMatchTheirModelsAtAnyDepthAndTheirInheritedValues() {
    assertEquals(List.of("TS-1-M"), search("{'parent':[{'operator':'IN','value':['TEE']}]}"));
    assertEquals(List.of("TS-1-M"), search("{'parent':[{'operator':'IN','value':['tee-navy']}]}"));
    assertEquals(List.of(), search("{'parent':[{'operator':'NOT IN','value':['tee']}]}"));
    assertEquals(List.of("TS-1-M"), search("{'parent':[{'operator':'NOT IN','value':['other']}]}"));
    assertEquals(List.of("BARE", "TS-1", "ts-2"), search("{'parent':[{'operator':'EMPTY'}]}"));
    assertEquals(
        List.of("TS-1-M"),
        search("{'name':[{'operator':'STARTS WITH','value':'navy'}]}", "en_US", null, null),
        "the name the variant inherits");
  }

  @Test
  void sortsPutMissingValuesLastBothWaysAndBreakTiesByCreation() {
    assertEquals(List.of("ts-2", "TS-1", "TS-1-M", "BARE"), search(null, null, null, "-quantity"));
    assertEquals(List.of("TS-1", "TS-1-M", "ts-2", "BARE"), search(null, null, null, "quantity"));
    assertEquals(
        List.of("TS-1", "ts-2", "TS-1-M", "BARE"),
        search(null, "en_US", null, "name"),
        "'blue shirt' twice: creation order; then 'navy tee'; BARE has none");
    assertEquals(List.of("TS-1-M", "TS-1", "ts-2", "BARE"), search(null, "en_US", null, "-name"));
    assertEquals(List.of("TS-1", "ts-2", "BARE", "TS-1-M"), search(null, null, null, "weight"));
    assertEquals(List.of("ts-2", "TS-1", "BARE", "TS-1-M"), search(null, null, null, "-price.EUR"));
    assertEquals(
        List.of("ts-2", "TS-1", "BARE", "TS-1-M"),
        search(null, null, "ecommerce", "organic"),
        "false before true");
    assertEquals(List.of("ts-2", "TS-1", "BARE", "TS-1-M"), search(null, null, null, "-released"));
    assertEquals(List.of("ts-2", "TS-1", "TS-1-M", "BARE"), search(null, null, null, "-color"));
    assertEquals(
        List.of("BARE", "TS-1", "ts-2", "TS-1-M"),
        search(null, null, null, "-updated"),
        "ties stay in creation order");
    assertEquals(List.of("TS-1", "ts-2", "BARE", "TS-1-M"), search(null, null, null, "created"));
  }

  /** Products P0, P1, ... with one notes value each, created in that order. */
  private static List<Product> withNotes(String... notes) {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < notes.length; i++) {
      JsonObject document =
          Json.createObjectBuilder()
              .add("identifier", "P" + i)
              .add("enabled", true)
              .add("categories", JsonValue.EMPTY_JSON_ARRAY)
              .add(
                  "values",
                  Json.createObjectBuilder()
                      .add(
                          "notes",
                          Json.createArrayBuilder()
                              .add(
                                  Json.createObjectBuilder()
                                      .addNull("locale")
                                      .addNull("scope")
                                      .add("data", notes[i]))))
              .add("created", "2026-11-22T00:00:00Z")
              .add("updated", "2026-11-22T00:00:00Z")
              .build();
      products.add(new Product(document, i));
    }
    return products;
  }

  @Test
  void textSortsAndFiltersUseCodePointsOfTheFirst8000Characters() {
    String head = "a".repeat(ReferenceSearch.TEXT_LIMIT);
    List<Product> products = withNotes(head + "zz", head + "yy", "\uFF5E", "\uD83D\uDE00", "B");
    assertEquals(
        List.of("P0", "P1", "P4", "P2", "P3"),
        search(products, null, null, null, "notes"),
        "P0 and P1 agree on their first 8,000 characters; U+FF5E before U+1F600");
    assertEquals(
        List.of("P0", "P1"),
        search(products, "{'notes':[{'operator':'=','value':'" + head + "'}]}", null, null, null));
    assertEquals(
        List.of("P0", "P1"),
        search(products, "{'notes':[{'operator':'STARTS WITH','value':'AAA'}]}", null, null, null));
    assertEquals(
        List.of(),
        search(products, "{'notes':[{'operator':'CONTAINS','value':'zz'}]}", null, null, null),
        "past 8,000 characters");
    assertTrue(ReferenceSearch.compareCodePoints("\uFF5E", "\uD83D\uDE00") < 0);
    assertTrue("\uFF5E".compareTo("\uD83D\uDE00") > 0, "UTF-16 order would differ");
  }

  @Test
  void lowerCaseIsTheJavaRootLocaleLowerCaseOfTheWholeText() {
    // String.toLowerCase(Locale.ROOT): a final capital sigma becomes a final sigma, a dotted
    // capital I becomes i and a combining dot; Character.toLowerCase would give other texts.
    List<Product> products = withNotes("ΟΔΟΣ", "İstanbul", "STRASSE", "<p>Caf&eacute;</p>");
    assertEquals(
        List.of("P0"),
        search(products, "{'notes':[{'operator':'=','value':'οδος'}]}", null, null, null));
    assertEquals(
        List.of(),
        search(products, "{'notes':[{'operator':'=','value':'οδοσ'}]}", null, null, null));
    assertEquals(
        List.of(),
        search(
            products, "{'notes':[{'operator':'CONTAINS','value':'istanbul'}]}", null, null, null));
    assertEquals(
        List.of("P1"),
        search(products, "{'notes':[{'operator':'STARTS WITH','value':'İST'}]}", null, null, null));
    assertEquals(
        List.of(),
        search(products, "{'notes':[{'operator':'=','value':'straße'}]}", null, null, null),
        "no case folding: ß is not ss");
    assertEquals(
        List.of("P3"),
        search(products, "{'notes':[{'operator':'=','value':'CAFÉ'}]}", null, null, null),
        "entities decoded, accents kept");
  }

  @Test
  void badSearchesAreRefusedNamingWhatIsWrong() {
    assertRefused("search.nothing[0]", "{'nothing':[{'operator':'=','value':'x'}]}");
    assertRefused("search.quantity[0]", "{'quantity':[{'operator':'CONTAINS','value':'1'}]}");
    assertRefused(
        "search.name[1]",
        "{'name':[{'operator':'=','value':'a','locale':'en_US'},{'operator':'=','value':'b'}]}");
    assertRefused(
        "search.color[0]", "{'color':[{'operator':'IN','value':['a'],'locale':'en_US'}]}");
    assertRefused("search.name[0]", "{'name':[{'operator':'=','value':'a','locale':'xx_XX'}]}");
    assertRefused("search.organic[0]", "{'organic':[{'operator':'=','value':true}]}");
    assertRefused(
        "search.organic[0]", "{'organic':[{'operator':'=','value':'yes','scope':'ecommerce'}]}");
    assertRefused(
        "search.weight[0]", "{'weight':[{'operator':'<','value':{'amount':1,'unit':'PARSEC'}}]}");
    assertRefused(
        "search.price[0]", "{'price':[{'operator':'<','value':{'amount':1,'currency':'XQQ'}}]}");
    assertRefused("search.released[0]", "{'released':[{'operator':'=','value':'2026-02-30'}]}");
    assertRefused(
        "search.released[0]", "{'released':[{'operator':'BETWEEN','value':['2026-02-01']}]}");
    assertRefused(
        "search.created[0]", "{'created':[{'operator':'<','value':'2026-02-01T10:00:00'}]}");
    assertRefused(
        "search.color[0]",
        "{'color':[{'operator':'IN','value':["
            + "'a',".repeat(ReferenceSearch.LIST_LIMIT)
            + "'b']}]}");
    assertRefused("search", "[1]");
    assertRefused("search.name", "{'name':{'operator':'EMPTY'}}");
    assertRefused("sort", null, null, null, "nothing");
    assertRefused("sort", null, null, null, "materials");
    assertRefused("sort", null, null, null, "name");
    assertRefused("sort", null, null, null, "price");
    assertRefused("sort", null, null, null, "-relevance");
    assertRefused("locale", null, "xx_XX", null, null);
    assertRefused(
        "search.identifier[0]",
        "{'identifier':[{'operator':'=','value':'TS-1','locale':'en_US'}]}");
    assertEquals(
        List.of("TS-1", "TS-1-M", "ts-2"),
        search("{'quantity':[{'operator':'NOT EMPTY'}]}", "en_US", "ecommerce", null),
        "request defaults are ignored for an attribute without locale or scope");
  }
}
