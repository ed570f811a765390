package io.vitrine.search;

import static io.vitrine.testing.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.vitrine.search.ReferenceSearch.Product;
import io.vitrine.search.ReferenceSearch.Query;
import io.vitrine.search.ReferenceSearch.Refused;
import io.vitrine.testing.Api;
import io.vitrine.testing.VitrineIT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search index against the database, in the manner of Lucene's randomized tests: products of a
 * catalog of the test's own (standalone products of two families or none, variants two levels under
 * product models) go through random creates, bulk lines, patches, renames, moves and deletes, and
 * model writes that reach their variants; then hundreds of random filter and sort combinations are
 * asked of {@code GET /api/v1/products}, page by page, and every answer must list, in order,
 * exactly what {@link ReferenceSearch} finds by brute force in the products read back one by one.
 *
 * <p>Every failure names the seed; {@code -Dvitrine.search.seed=<seed>} replays the same catalog,
 * writes and queries (only the unique codes differ). Every query is held to the test's products by
 * {@code identifier STARTS WITH <the test's prefix>}, since the database is shared with other
 * tests.
 */
class SearchConsistencyIT extends VitrineIT {

  private static final long SEED = Long.getLong("vitrine.search.seed", new Random().nextLong());

  private static final int CREATED_IN_FIRST_BULK = 140;
  private static final int CREATED_ONE_BY_ONE = 20;
  private static final int CREATED_IN_SECOND_BULK = 60;
  private static final int PATCHED_IN_SECOND_BULK = 40;
  private static final int LATER_WRITES = 100;
  private static final int QUERIES = 250;

  private static final List<String> LOCALES = List.of("en_US", "fr_FR");
  private static final List<String> CHANNELS = List.of("ecommerce", "marketplace");
  private static final List<String> CURRENCIES = List.of("EUR", "USD");

  /** Words of text values: case pairs, accents, ß, final sigma, dotted I, astral characters. */
  private static final List<String> WORDS =
      List.of(
          "Blue",
          "blue",
          "BLUE",
          "shirt",
          "Shirt",
          "coton",
          "Coton bio",
          "été",
          "ÉTÉ",
          "straße",
          "STRASSE",
          "ΟΔΟΣ",
          "οδός",
          "İstanbul",
          "istanbul",
          "naïve",
          "Ωmega",
          "😀 smile",
          "\uFF5Ewave",
          "a",
          "A",
          "ab",
          "Ab",
          "abc",
          "z",
          "Zebra",
          "10",
          "9",
          "100",
          "_under",
          "-dash",
          "x&y",
          "<b>bold</b>",
          "Äpfel",
          "apfel");

  /** Words after the long text: ASCII, so that cutting at 8,000 characters is not ambiguous. */
  private static final List<String> TAIL_WORDS =
      List.of("alpha", "beta", "gamma", "delta", "Omega", "zeta");

  private static final String LONG_TEXT = longText();

  private static final List<String> SCORES =
      List.of("-3.5", "0", "1", "1.5", "2", "2.25", "10", "100");
  private static final List<String> WEIGHTS = List.of("0", "0.5", "1", "2.5", "250", "1000");
  private static final List<String> WEIGHT_UNITS = List.of("KILOGRAM", "GRAM", "POUND", "OUNCE");
  private static final List<String> TEMPERATURES = List.of("-10", "0", "20", "68", "293.15", "100");
  private static final List<String> TEMPERATURE_UNITS = List.of("CELSIUS", "FAHRENHEIT", "KELVIN");
  private static final List<String> PRICES = List.of("0", "9.99", "10", "19.5", "42", "100");
  private static final List<String> COLORS = List.of("red", "Navy", "sand", "BLACK", "white");
  private static final List<String> SEASONS = List.of("spring", "Summer", "autumn", "Winter");
  private static final List<String> MATERIALS = List.of("cotton", "Linen", "wool", "silk", "Hemp");
  private static final String IDENTIFIER_CHARACTERS = "ABCabc0123_-.éÉßΩω";

  private static final List<String> TEXT_OPERATORS =
      List.of(
          "=",
          "=",
          "!=",
          "STARTS WITH",
          "STARTS WITH",
          "CONTAINS",
          "CONTAINS",
          "DOES NOT CONTAIN",
          "EMPTY",
          "NOT EMPTY");
  private static final List<String> NUMBER_OPERATORS =
      List.of("<", "<=", "=", "=", "!=", ">", ">=", "BETWEEN", "BETWEEN", "EMPTY", "NOT EMPTY");
  private static final List<String> DATE_OPERATORS =
      List.of(
          "<", ">", "=", "!=", "BETWEEN", "NOT BETWEEN", "SINCE LAST N DAYS", "EMPTY", "NOT EMPTY");
  private static final List<String> TIME_OPERATORS =
      List.of("<", ">", "=", "!=", "BETWEEN", "NOT BETWEEN", "SINCE LAST N DAYS");
  private static final List<String> LIST_OPERATORS =
      List.of("IN", "IN", "NOT IN", "EMPTY", "NOT EMPTY");
  private static final List<String> IDENTIFIER_OPERATORS =
      List.of("=", "!=", "IN", "NOT IN", "STARTS WITH", "CONTAINS", "DOES NOT CONTAIN");
  private static final List<String> CATEGORY_OPERATORS =
      List.of(
          "IN",
          "NOT IN",
          "IN OR UNCLASSIFIED",
          "IN CHILDREN",
          "IN CHILDREN",
          "NOT IN CHILDREN",
          "UNCLASSIFIED",
          "CLASSIFIED");

  /** An attribute of the test's catalog. */
  private record Attr(
      String code, String type, boolean localizable, boolean scopable, String properties) {

    /** Every locale × scope this attribute has values in. */
    List<Slot> slots() {
      List<Slot> slots = new ArrayList<>();
      for (String locale : localizable ? LOCALES : Collections.<String>singletonList(null)) {
        for (String scope : scopable ? CHANNELS : Collections.<String>singletonList(null)) {
          slots.add(new Slot(locale, scope));
        }
      }
      return slots;
    }
  }

  private record Slot(String locale, String scope) {

    String key(String attribute) {
      return attribute + "|" + locale + "|" + scope;
    }
  }

  /** What the test wrote of a product or product model, so that its random writes stay valid. */
  private static final class Node {
    String code;
    long rank;
    String family;

    /** A variant's sub-model, a sub-model's root model. */
    String parent;

    /** A variant's score (normalized), a sub-model's color. */
    String axis;

    boolean enabled = true;

    /** The slots it holds a value in, as {@link Slot#key}. */
    final Set<String> held = new HashSet<>();
  }

  private record Line(Node node, JsonObject body, int status) {}

  private record Cond(String operator, JsonValue value) {}

  private record Checked(int matches, int pages) {}

  private record Generated(JsonObject search, String locale, String scope, String sort) {

    Query query() {
      return new Query(search, locale, scope, sort);
    }

    @Override
    public String toString() {
      return "search="
          + search
          + (locale == null ? "" : " locale=" + locale)
          + (scope == null ? "" : " scope=" + scope)
          + (sort == null ? "" : " sort=" + sort);
    }
  }

  private Random random;
  private String suffix;
  private String prefix;
  private String familyA;
  private String familyB;
  private String familyVariant;
  private final Map<String, String> categoryParents = new LinkedHashMap<>();
  private final List<String> categories = new ArrayList<>();
  private final Map<String, Attr> attributes = new LinkedHashMap<>();
  private Attr name;
  private Attr tag;
  private Attr description;
  private Attr notes;
  private Attr score;
  private Attr count;
  private Attr weight;
  private Attr temperature;
  private Attr price;
  private Attr flag;
  private Attr released;
  private Attr color;
  private Attr season;
  private Attr materials;
  private Attr images;
  private List<Attr> inFamilyB;
  private List<Attr> levelOne;
  private List<Attr> levelTwo;
  private List<Attr> common;
  private final List<Node> roots = new ArrayList<>();
  private final List<Node> subs = new ArrayList<>();

  /** The products that exist, by identifier in lower case. */
  private final Map<String, Node> products = new LinkedHashMap<>();

  private long ranks;

  @BeforeEach
  void catalog() {
    define(unique("s").substring(2));
    for (int i = 0; i < 5; i++) {
      io.vitrine.testing.TestCatalog.asset(api, "img_" + i);
    }
    categoryParents.forEach(
        (code, parent) ->
            created(
                api.post(
                    "api/v1/categories",
                    json(
                        "{'code':'"
                            + code
                            + "'"
                            + (parent == null ? "" : ",'parent':'" + parent + "'")
                            + "}"))));
    for (Attr attribute : attributes.values()) {
      created(
          api.post(
              "api/v1/attributes",
              json(
                  "{'code':'"
                      + attribute.code()
                      + "','type':'"
                      + attribute.type()
                      + "','localizable':"
                      + attribute.localizable()
                      + ",'scopable':"
                      + attribute.scopable()
                      + attribute.properties()
                      + "}")));
    }
    options(color, COLORS);
    options(season, SEASONS);
    options(materials, MATERIALS);
    family(familyA, new ArrayList<>(attributes.values()));
    family(familyB, inFamilyB);
    created(
        api.post(
            "api/v1/families/" + familyA + "/variants",
            json(
                "{'code':'"
                    + familyVariant
                    + "','variant_attribute_sets':[{'level':1,'axes':['"
                    + color.code()
                    + "'],'attributes':["
                    + codes(levelOne)
                    + "]},{'level':2,'axes':['"
                    + score.code()
                    + "'],'attributes':["
                    + codes(levelTwo)
                    + "]}]}")));
  }

  /**
   * The test's catalog, named with {@code suffix}: two category trees, an attribute of every type
   * (some localizable, some scopable), family A with all of them, family B with some, and a family
   * variant of A: sub-models by color, variants by score.
   */
  private void define(String suffix) {
    random = new Random(SEED);
    this.suffix = suffix;
    prefix = "SRCH_" + suffix + "-";
    String root = "r_" + suffix;
    String a = "a_" + suffix;
    String a1 = "a1_" + suffix;
    String b = "b_" + suffix;
    String other = "o_" + suffix;
    categoryParents.put(root, null);
    categoryParents.put(a, root);
    categoryParents.put(a1, a);
    categoryParents.put("a1x_" + suffix, a1);
    categoryParents.put("a2_" + suffix, a);
    categoryParents.put(b, root);
    categoryParents.put("b1_" + suffix, b);
    categoryParents.put(other, null);
    categoryParents.put("c_" + suffix, other);
    categories.addAll(categoryParents.keySet());

    name = attribute("name", "text", true, false, "");
    tag = attribute("tag", "text", false, false, "");
    description = attribute("description", "textarea", true, true, ",'rich_text':true");
    notes = attribute("notes", "textarea", false, false, "");
    score =
        attribute(
            "score", "number", false, false, ",'decimals_allowed':true,'negative_allowed':true");
    count = attribute("count", "number", false, true, "");
    weight =
        attribute(
            "weight",
            "metric",
            false,
            false,
            ",'metric_family':'Weight','default_metric_unit':'KILOGRAM'");
    temperature =
        attribute(
            "temperature",
            "metric",
            false,
            false,
            ",'metric_family':'Temperature','default_metric_unit':'CELSIUS',"
                + "'negative_allowed':true");
    price = attribute("price", "price_collection", false, false, "");
    flag = attribute("flag", "boolean", false, true, "");
    released = attribute("released", "date", false, false, "");
    color = attribute("color", "simpleselect", false, false, "");
    season = attribute("season", "simpleselect", false, true, "");
    materials = attribute("materials", "multiselect", false, false, "");
    images = attribute("images", "asset_collection", false, false, "");

    inFamilyB = List.of(name, tag, color, score, price, flag, released);
    levelOne = List.of(color, materials);
    levelTwo = List.of(score, weight, price);
    common = new ArrayList<>(attributes.values());
    common.removeAll(levelOne);
    common.removeAll(levelTwo);
    familyA = "famA_" + suffix;
    familyB = "famB_" + suffix;
    familyVariant = "fv_" + suffix;
  }

  @Test
  void everyRandomSearchFindsWhatTheDatabaseHolds() {
    System.out.println("SearchConsistencyIT " + seed());
    long start = System.nanoTime();
    models();
    writeRandomly();
    long written = System.nanoTime();
    Map<String, JsonObject> documents = readBack();
    List<Product> stored = new ArrayList<>();
    documents.forEach(
        (identifier, document) ->
            stored.add(new Product(document, products.get(lower(identifier)).rank)));
    ReferenceSearch reference = new ReferenceSearch(referenceCatalog());
    long read = System.nanoTime();

    int empty = 0;
    int pages = 0;
    for (int n = 0; n < QUERIES; n++) {
      Generated query = randomQuery(new ArrayList<>(documents.values()));
      Checked checked = check(n, query, reference, stored, documents);
      pages += checked.pages();
      empty += checked.matches() == 0 ? 1 : 0;
    }
    System.out.printf(
        "SearchConsistencyIT seed %d: %d products, %d queries (%d empty, %d pages);"
            + " writes %d ms, read-back %d ms, queries %d ms%n",
        SEED,
        stored.size(),
        QUERIES,
        empty,
        pages,
        (written - start) / 1_000_000,
        (read - written) / 1_000_000,
        (System.nanoTime() - read) / 1_000_000);
  }

  /**
   * Bulk creates, single creates, bulk creates and patches, then patches, deletes, model writes.
   */
  private void writeRandomly() {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < CREATED_IN_FIRST_BULK; i++) {
      lines.add(creation());
    }
    bulk(lines);
    for (int i = 0; i < CREATED_ONE_BY_ONE; i++) {
      createOne();
    }
    lines.clear();
    int second = CREATED_IN_SECOND_BULK + PATCHED_IN_SECOND_BULK;
    for (int i = 0; i < second; i++) {
      lines.add(random.nextInt(second) < CREATED_IN_SECOND_BULK ? creation() : patchLine());
    }
    bulk(lines);
    for (int i = 0; i < LATER_WRITES; i++) {
      double r = random.nextDouble();
      if (r < 0.5) {
        patchOne();
      } else if (r < 0.72) {
        deleteOne();
      } else if (r < 0.82) {
        patchModel();
      } else {
        createOne();
      }
    }
  }

  /** Every product as {@code GET /products/{identifier}} shows it, by identifier. */
  private Map<String, JsonObject> readBack() {
    Map<String, JsonObject> documents = new LinkedHashMap<>();
    for (Node node : products.values()) {
      Api.Response read = api.get("api/v1/products/" + path(node.code));
      expect(200, read);
      JsonObject document = read.json();
      assertEquals(node.code, document.getString("identifier"), this::seed);
      documents.put(node.code, document);
    }
    return documents;
  }

  @Test
  void badSearchesAreRefusedNamingWhatIsWrong() {
    ReferenceSearch reference = new ReferenceSearch(referenceCatalog());
    String nothing = "nothing_" + suffix;
    refused(
        reference,
        "search." + nothing + "[0]",
        "{'" + nothing + "':[{'operator':'=','value':'x'}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + score.code() + "[0]",
        "{'" + score.code() + "':[{'operator':'STARTS WITH','value':'1'}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + name.code() + "[1]",
        "{'"
            + name.code()
            + "':[{'operator':'=','value':'a','locale':'en_US'},{'operator':'=','value':'b'}]}",
        null,
        "ecommerce",
        null);
    refused(
        reference,
        "search." + tag.code() + "[0]",
        "{'" + tag.code() + "':[{'operator':'=','value':'a','locale':'en_US'}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + name.code() + "[0]",
        "{'" + name.code() + "':[{'operator':'=','value':'a','locale':'xx_XX'}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + count.code() + "[0]",
        "{'" + count.code() + "':[{'operator':'=','value':1,'scope':'" + nothing + "'}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + weight.code() + "[0]",
        "{'" + weight.code() + "':[{'operator':'<','value':{'amount':1,'unit':'PARSEC'}}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + price.code() + "[0]",
        "{'" + price.code() + "':[{'operator':'<','value':{'amount':1,'currency':'XQQ'}}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + flag.code() + "[0]",
        "{'" + flag.code() + "':[{'operator':'=','value':'yes'}]}",
        null,
        "marketplace",
        null);
    refused(
        reference,
        "search." + released.code() + "[0]",
        "{'" + released.code() + "':[{'operator':'BETWEEN','value':['2026-01-01']}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search.created[0]",
        "{'created':[{'operator':'>','value':'yesterday'}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + images.code() + "[0]",
        "{'" + images.code() + "':[{'operator':'=','value':'front'}]}",
        null,
        null,
        null);
    refused(
        reference,
        "search." + color.code() + "[0]",
        "{'identifier':[{'operator':'STARTS WITH','value':'"
            + prefix
            + "'}],'"
            + color.code()
            + "':[{'operator':'CONTAINS','value':'x'}]}",
        null,
        null,
        null);
    refused(reference, "search", "[1]", null, null, null);
    refused(
        reference,
        "search." + name.code(),
        "{'" + name.code() + "':{'operator':'EMPTY'}}",
        "en_US",
        null,
        null);
    refused(reference, "search", "not json", null, null, null);
    refused(reference, "sort", null, null, null, nothing);
    refused(reference, "sort", null, null, null, materials.code());
    refused(reference, "sort", null, null, null, name.code());
    refused(reference, "sort", null, null, null, "-relevance");
    Api.Response cursor = api.get("api/v1/products?search_after=" + encode("not a cursor"));
    assertViolated(cursor, "search_after");
  }

  // ---------------------------------------------------------------------------------------------
  // Catalog

  private Attr attribute(
      String stem, String type, boolean localizable, boolean scopable, String properties) {
    Attr attribute = new Attr(stem + "_" + suffix, type, localizable, scopable, properties);
    attributes.put(attribute.code(), attribute);
    return attribute;
  }

  private void options(Attr attribute, List<String> codes) {
    for (String code : codes) {
      created(
          api.post(
              "api/v1/attributes/" + attribute.code() + "/options",
              json("{'code':'" + code + "'}")));
    }
  }

  private void family(String code, List<Attr> members) {
    created(
        api.post(
            "api/v1/families",
            json("{'code':'" + code + "','attributes':[" + codes(members) + "]}")));
  }

  private static String codes(List<Attr> attributes) {
    return String.join(",", attributes.stream().map(a -> "'" + a.code() + "'").toList());
  }

  /** Three root models, each with two sub-models of different colors. */
  private void models() {
    for (int r = 0; r < 3; r++) {
      Node root = new Node();
      root.code = "Model_" + suffix + "-R" + r;
      JsonObjectBuilder body =
          Json.createObjectBuilder()
              .add("code", root.code)
              .add("family_variant", familyVariant)
              .add("categories", randomCategories(2))
              .add("values", values(root, common, 2 + random.nextInt(5), false, Set.of()));
      created(api.post("api/v1/product-models", body.build().toString()));
      roots.add(root);
      List<String> colors = new ArrayList<>(COLORS);
      Collections.shuffle(colors, random);
      for (int s = 0; s < 2; s++) {
        Node sub = new Node();
        sub.code = root.code + "-S" + s;
        sub.parent = root.code;
        sub.axis = colors.get(s);
        JsonObjectBuilder values =
            Json.createObjectBuilder()
                .add(color.code(), single(sub, color, Json.createValue(sub.axis)));
        if (chance(0.6)) {
          values.add(materials.code(), entries(sub, materials, false));
        }
        JsonObjectBuilder subBody =
            Json.createObjectBuilder()
                .add("code", sub.code)
                .add("parent", root.code)
                .add("values", values);
        if (chance(0.5)) {
          subBody.add("categories", randomCategories(2));
        }
        created(api.post("api/v1/product-models", subBody.build().toString()));
        subs.add(sub);
      }
    }
  }

  /** The catalog as the API shows it, for the reference. */
  private ReferenceSearch.Catalog referenceCatalog() {
    var catalog = new ReferenceSearch.Catalog();
    for (String channel : CHANNELS) {
      catalog.channel(read("api/v1/channels/" + channel));
    }
    for (Attr attribute : attributes.values()) {
      catalog.attribute(read("api/v1/attributes/" + attribute.code()));
    }
    catalog.measurementFamily(read("api/v1/measurement-families/Weight"));
    catalog.measurementFamily(read("api/v1/measurement-families/Temperature"));
    for (String category : categories) {
      catalog.category(read("api/v1/categories/" + category));
    }
    for (Node model : roots) {
      catalog.productModel(read("api/v1/product-models/" + model.code));
    }
    for (Node model : subs) {
      catalog.productModel(read("api/v1/product-models/" + model.code));
    }
    return catalog;
  }

  private JsonObject read(String path) {
    Api.Response response = api.get(path);
    expect(200, response);
    return response.json();
  }

  // ---------------------------------------------------------------------------------------------
  // Writes

  private Node newProduct() {
    Node node = new Node();
    node.code = newIdentifier();
    products.put(lower(node.code), node);
    return node;
  }

  private String newIdentifier() {
    while (true) {
      StringBuilder tail = new StringBuilder();
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        tail.append(IDENTIFIER_CHARACTERS.charAt(random.nextInt(IDENTIFIER_CHARACTERS.length())));
      }
      String identifier = prefix + tail;
      if (!products.containsKey(lower(identifier))) {
        return identifier;
      }
    }
  }

  /** A new product: a variant under a random sub-model, or a product of family A, B or none. */
  private Line creation() {
    Node node = newProduct();
    JsonObjectBuilder body = Json.createObjectBuilder().add("identifier", node.code);
    if (chance(0.35)) {
      Node sub = pick(subs);
      node.parent = sub.code;
      node.family = familyA;
      node.axis = freeScore(sub.code, node);
      JsonObjectBuilder values =
          Json.createObjectBuilder().add(score.code(), single(node, score, scoreData(node.axis)));
      for (Attr attribute : List.of(weight, price)) {
        if (chance(0.6)) {
          values.add(attribute.code(), entries(node, attribute, false));
        }
      }
      body.add("parent", sub.code).add("values", values);
    } else {
      double r = random.nextDouble();
      node.family = r < 0.45 ? familyA : r < 0.75 ? familyB : null;
      if (node.family != null) {
        body.add("family", node.family);
      }
      body.add("values", values(node, allowed(node.family), random.nextInt(9), false, Set.of()));
    }
    if (chance(0.7)) {
      body.add("categories", randomCategories(3));
    }
    if (chance(0.2)) {
      node.enabled = false;
      body.add("enabled", false);
    }
    return new Line(node, body.build(), 201);
  }

  private Line patchLine() {
    Node node = pick(new ArrayList<>(products.values()));
    JsonObjectBuilder body = Json.createObjectBuilder().add("identifier", node.code);
    patch(node, body);
    return new Line(node, body.build(), 200);
  }

  private void bulk(List<Line> lines) {
    StringBuilder ndjson = new StringBuilder();
    lines.forEach(line -> ndjson.append(line.body()).append('\n'));
    Api.Response response =
        api.send(
            "PATCH",
            "api/v1/products",
            BodyPublishers.ofString(ndjson.toString()),
            "Content-Type",
            Api.NDJSON);
    expect(200, response);
    List<JsonObject> statuses = new ArrayList<>();
    for (String status : response.body().split("\n")) {
      if (!status.isBlank()) {
        statuses.add(Json.createReader(new StringReader(status)).readObject());
      }
    }
    assertEquals(lines.size(), statuses.size(), () -> seed() + response);
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      JsonObject status = statuses.get(i);
      assertEquals(
          line.status(),
          status.getInt("status_code"),
          () -> seed() + " bulk line " + line.body() + " -> " + status);
      if (line.status() == 201) {
        line.node().rank = ranks++;
      }
    }
  }

  private void createOne() {
    Line line = creation();
    String body = line.body().toString();
    Api.Response response =
        chance(0.5)
            ? api.post("api/v1/products", body)
            : api.patch("api/v1/products/" + path(line.node().code), body);
    expect(201, response);
    line.node().rank = ranks++;
  }

  /** A patch of a random product, sometimes a rename. */
  private void patchOne() {
    Node node = pick(new ArrayList<>(products.values()));
    String address = node.code;
    JsonObjectBuilder body = Json.createObjectBuilder();
    if (chance(0.08)) {
      String renamed = newIdentifier();
      body.add("identifier", renamed);
      products.remove(lower(node.code));
      node.code = renamed;
      products.put(lower(renamed), node);
    }
    patch(node, body);
    expect(200, api.patch("api/v1/products/" + path(address), body.build().toString()));
  }

  private void deleteOne() {
    Node node = pick(new ArrayList<>(products.values()));
    expect(204, api.delete("api/v1/products/" + path(node.code)));
    products.remove(lower(node.code));
  }

  /** Random changes of a product that the server must accept: the test keeps track of them. */
  private void patch(Node node, JsonObjectBuilder body) {
    Map<String, JsonValue> values = new LinkedHashMap<>();
    List<Attr> allowed;
    if (node.parent != null) {
      allowed = List.of(weight, price);
      if (chance(0.15)) {
        Node sub = pick(subs);
        node.parent = sub.code;
        node.axis = freeScore(sub.code, node);
        body.add("parent", sub.code);
        values.put(score.code(), single(node, score, scoreData(node.axis)));
      } else if (chance(0.2)) {
        node.axis = freeScore(node.parent, node);
        values.put(score.code(), single(node, score, scoreData(node.axis)));
      }
    } else {
      if (chance(0.15)) {
        List<String> targets = new ArrayList<>();
        for (String family : new String[] {familyA, familyB, null}) {
          if (!Objects.equals(family, node.family)) {
            targets.add(family);
          }
        }
        String target = pick(targets);
        if (familyB.equals(target)) {
          values.putAll(clearOutside(node, inFamilyB));
        }
        node.family = target;
        body.add("family", target == null ? JsonValue.NULL : Json.createValue(target));
      }
      allowed = allowed(node.family);
    }
    if (chance(0.25)) {
      node.enabled = !node.enabled;
      body.add("enabled", node.enabled);
    }
    if (chance(0.3)) {
      body.add("categories", chance(0.2) ? JsonValue.NULL : randomCategories(3));
    }
    if (chance(0.6) || values.isEmpty()) {
      values(node, allowed, 1 + random.nextInt(3), true, values.keySet()).forEach(values::put);
    }
    JsonObjectBuilder merged = Json.createObjectBuilder();
    values.forEach(merged::add);
    body.add("values", merged);
  }

  /** Clears of every slot the product holds outside these attributes. */
  private Map<String, JsonArray> clearOutside(Node node, List<Attr> kept) {
    Set<String> keep = new HashSet<>();
    kept.forEach(a -> keep.add(a.code()));
    Map<String, JsonArrayBuilder> clears = new LinkedHashMap<>();
    for (String key : new ArrayList<>(node.held)) {
      String[] parts = key.split("\\|");
      if (!keep.contains(parts[0])) {
        clears
            .computeIfAbsent(parts[0], k -> Json.createArrayBuilder())
            .add(entry(nullable(parts[1]), nullable(parts[2]), JsonValue.NULL));
        node.held.remove(key);
      }
    }
    Map<String, JsonArray> built = new LinkedHashMap<>();
    clears.forEach((attribute, list) -> built.put(attribute, list.build()));
    return built;
  }

  /** A write to a root model (common values, categories) or a sub-model (values, move). */
  private void patchModel() {
    JsonObjectBuilder body = Json.createObjectBuilder();
    Node model;
    if (chance(0.5)) {
      model = pick(roots);
      if (chance(0.7)) {
        body.add("values", values(model, common, 1 + random.nextInt(3), true, Set.of()));
      }
      if (chance(0.5)) {
        body.add("categories", randomCategories(2));
      }
    } else {
      Node sub = pick(subs);
      model = sub;
      Node root = pick(roots);
      Set<String> taken = new HashSet<>();
      subs.stream()
          .filter(s -> s.parent.equals(root.code) && s != sub)
          .forEach(s -> taken.add(lower(s.axis)));
      List<String> free = COLORS.stream().filter(c -> !taken.contains(lower(c))).toList();
      JsonObjectBuilder values = Json.createObjectBuilder();
      if (!root.code.equals(model.parent) && !free.isEmpty() && chance(0.4)) {
        model.parent = root.code;
        body.add("parent", root.code);
        if (!free.contains(model.axis)) {
          model.axis = pick(free);
          values.add(color.code(), single(model, color, Json.createValue(model.axis)));
        }
      }
      if (chance(0.6)) {
        values.add(materials.code(), entries(model, materials, true));
      }
      body.add("values", values);
      if (chance(0.4)) {
        body.add("categories", randomCategories(2));
      }
    }
    expect(200, api.patch("api/v1/product-models/" + model.code, body.build().toString()));
  }

  /** A score no other variant of the sub-model has (scores are its axis). */
  private String freeScore(String sub, Node variant) {
    Set<String> used = new HashSet<>();
    for (Node node : products.values()) {
      if (node != variant && sub.equals(node.parent) && node.axis != null) {
        used.add(node.axis);
      }
    }
    List<String> candidates = new ArrayList<>();
    SCORES.forEach(s -> candidates.add(normal(s)));
    for (int i = 3; i < 60; i++) {
      candidates.add(Integer.toString(i));
    }
    candidates.removeAll(used);
    return pick(candidates);
  }

  private static String normal(String decimal) {
    return new BigDecimal(decimal).stripTrailingZeros().toPlainString();
  }

  private JsonValue scoreData(String axis) {
    return chance(0.5) ? Json.createValue(new BigDecimal(axis)) : Json.createValue(axis);
  }

  private List<Attr> allowed(String family) {
    return familyB.equals(family) ? inFamilyB : new ArrayList<>(attributes.values());
  }

  /** Values for {@code n} random attributes among {@code allowed}, leaving out {@code taken}. */
  private JsonObject values(
      Node node, List<Attr> allowed, int n, boolean mayClear, Set<String> taken) {
    List<Attr> candidates = new ArrayList<>(allowed);
    candidates.removeIf(a -> taken.contains(a.code()));
    Collections.shuffle(candidates, random);
    JsonObjectBuilder values = Json.createObjectBuilder();
    for (Attr attribute : candidates.subList(0, Math.min(n, candidates.size()))) {
      values.add(attribute.code(), entries(node, attribute, mayClear));
    }
    return values.build();
  }

  /** Entries for some slots of the attribute: new data, or (when allowed) clears of held ones. */
  private JsonArray entries(Node node, Attr attribute, boolean mayClear) {
    List<Slot> slots = attribute.slots();
    Collections.shuffle(slots, random);
    JsonArrayBuilder entries = Json.createArrayBuilder();
    for (Slot slot : slots.subList(0, 1 + random.nextInt(slots.size()))) {
      String key = slot.key(attribute.code());
      if (mayClear && node.held.contains(key) && chance(0.35)) {
        entries.add(entry(slot.locale(), slot.scope(), emptyData(attribute)));
        node.held.remove(key);
      } else {
        entries.add(entry(slot.locale(), slot.scope(), data(attribute)));
        node.held.add(key);
      }
    }
    return entries.build();
  }

  private JsonArray single(Node node, Attr attribute, JsonValue data) {
    node.held.add(new Slot(null, null).key(attribute.code()));
    return Json.createArrayBuilder().add(entry(null, null, data)).build();
  }

  private static JsonObject entry(String locale, String scope, JsonValue data) {
    JsonObjectBuilder entry = Json.createObjectBuilder();
    entry.add("locale", locale == null ? JsonValue.NULL : Json.createValue(locale));
    entry.add("scope", scope == null ? JsonValue.NULL : Json.createValue(scope));
    return entry.add("data", data).build();
  }

  private JsonValue data(Attr attribute) {
    return switch (attribute.type()) {
      case "text" -> Json.createValue(words());
      case "textarea" -> Json.createValue(attribute.equals(notes) ? plainText() : richText());
      case "number" ->
          attribute.equals(score)
              ? scoreData(normal(pick(SCORES)))
              : Json.createValue(random.nextInt(21));
      case "metric" ->
          attribute.equals(weight)
              ? metric(pick(WEIGHTS), pick(WEIGHT_UNITS))
              : metric(pick(TEMPERATURES), pick(TEMPERATURE_UNITS));
      case "price_collection" -> {
        JsonArrayBuilder prices = Json.createArrayBuilder();
        for (String currency : CURRENCIES) {
          if (chance(0.7)) {
            prices.add(
                Json.createObjectBuilder().add("amount", pick(PRICES)).add("currency", currency));
          }
        }
        JsonArray built = prices.build();
        yield built.isEmpty()
            ? Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("amount", "10").add("currency", "EUR"))
                .build()
            : built;
      }
      case "boolean" -> randomBoolean();
      case "date" -> Json.createValue(randomDate().toString());
      case "simpleselect" ->
          Json.createValue(varyCase(pick(attribute.equals(color) ? COLORS : SEASONS)));
      case "multiselect" -> {
        List<String> chosen = new ArrayList<>(MATERIALS);
        Collections.shuffle(chosen, random);
        JsonArrayBuilder codes = Json.createArrayBuilder();
        chosen.subList(0, 1 + random.nextInt(3)).forEach(c -> codes.add(varyCase(c)));
        yield codes.build();
      }
      case "asset_collection" -> Json.createArrayBuilder().add("img_" + random.nextInt(5)).build();
      default -> throw new IllegalStateException(attribute.type());
    };
  }

  /** One of the forms that remove a value. */
  private JsonValue emptyData(Attr attribute) {
    if (chance(0.5)) {
      return JsonValue.NULL;
    }
    return switch (attribute.type()) {
      case "text", "textarea", "date", "simpleselect", "number" -> Json.createValue("");
      case "multiselect", "asset_collection", "price_collection" -> JsonValue.EMPTY_JSON_ARRAY;
      case "metric" ->
          Json.createObjectBuilder()
              .addNull("amount")
              .add("unit", attribute.equals(weight) ? "GRAM" : "KELVIN")
              .build();
      default -> JsonValue.NULL;
    };
  }

  private JsonObject metric(String amount, String unit) {
    JsonObjectBuilder metric = Json.createObjectBuilder();
    if (chance(0.5)) {
      metric.add("amount", new BigDecimal(amount));
    } else {
      metric.add("amount", amount);
    }
    return metric.add("unit", unit).build();
  }

  private String words() {
    StringBuilder text = new StringBuilder(pick(WORDS));
    for (int i = random.nextInt(3); i > 0; i--) {
      text.append(' ').append(pick(WORDS));
    }
    return text.toString();
  }

  private String richText() {
    return chance(0.5)
        ? "<p>" + words() + "</p>"
        : "<p>" + words() + " <b>" + pick(WORDS) + "</b></p><ul><li>" + words() + "</li></ul>";
  }

  /** Plain text, markup in a plain textarea, lines, or a text longer than 8,000 characters. */
  private String plainText() {
    double r = random.nextDouble();
    if (r < 0.2) {
      return LONG_TEXT + " " + pick(TAIL_WORDS) + " " + pick(TAIL_WORDS) + " " + pick(TAIL_WORDS);
    }
    if (r < 0.4) {
      return words() + "\n" + words() + " <i>" + pick(WORDS) + "</i> &amp; more";
    }
    return words();
  }

  private static String longText() {
    StringBuilder text = new StringBuilder();
    String[] words = {"lorem", "ipsum", "dolor", "sit", "amet"};
    for (int i = 0; text.length() < 7_990; i++) {
      text.append(words[i % words.length]).append(' ');
    }
    return text.substring(0, 7_990).strip();
  }

  private LocalDate randomDate() {
    if (chance(0.6)) {
      return today().plusDays(random.nextInt(21) - 12);
    }
    return pick(
        List.of(
            LocalDate.parse("2020-02-29"),
            LocalDate.parse("2025-12-31"),
            LocalDate.parse("2026-01-01"),
            LocalDate.parse("2031-07-14")));
  }

  private JsonArray randomCategories(int atMost) {
    List<String> shuffled = new ArrayList<>(categories);
    Collections.shuffle(shuffled, random);
    JsonArrayBuilder codes = Json.createArrayBuilder();
    shuffled.subList(0, random.nextInt(atMost + 1)).forEach(codes::add);
    return codes.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  private Generated randomQuery(List<JsonObject> documents) {
    String locale = chance(0.6) ? pick(LOCALES) : null;
    String scope = chance(0.6) ? pick(CHANNELS) : null;
    Map<String, JsonArrayBuilder> search = new LinkedHashMap<>();
    String start =
        switch (random.nextInt(3)) {
          case 0 -> prefix;
          case 1 -> lower(prefix);
          default -> prefix.toUpperCase(Locale.ROOT);
        };
    add(search, "identifier", new Cond("STARTS WITH", Json.createValue(start)), null, null);
    // 1 to 3 filters more, mostly fewer: each one leaves fewer products to compare.
    for (int i = chance(0.5) ? 1 : chance(0.7) ? 2 : 3; i > 0; i--) {
      randomFilter(search, locale, scope, documents);
    }
    JsonObjectBuilder json = Json.createObjectBuilder();
    search.forEach(json::add);
    return new Generated(json.build(), locale, scope, randomSort(locale, scope));
  }

  private void randomFilter(
      Map<String, JsonArrayBuilder> search,
      String locale,
      String scope,
      List<JsonObject> documents) {
    List<Attr> all = new ArrayList<>(attributes.values());
    int which = random.nextInt(7 + 2 * all.size());
    switch (which) {
      case 0 -> add(search, "identifier", identifierCondition(documents), null, null);
      case 1 -> add(search, "family", familyCondition(), null, null);
      case 2 ->
          add(
              search,
              "enabled",
              new Cond(random.nextBoolean() ? "=" : "!=", randomBoolean()),
              null,
              null);
      case 3 -> add(search, "categories", categoryCondition(), null, null);
      case 4 -> add(search, "parent", parentCondition(), null, null);
      case 5 -> add(search, "created", timeCondition("created", documents), null, null);
      case 6 -> add(search, "updated", timeCondition("updated", documents), null, null);
      default -> {
        Attr attribute = all.get((which - 7) / 2);
        String conditionLocale =
            attribute.localizable() && (locale == null || chance(0.3)) ? pick(LOCALES) : null;
        String conditionScope =
            attribute.scopable() && (scope == null || chance(0.3)) ? pick(CHANNELS) : null;
        String slotLocale =
            attribute.localizable() ? (conditionLocale != null ? conditionLocale : locale) : null;
        String slotScope =
            attribute.scopable() ? (conditionScope != null ? conditionScope : scope) : null;
        List<JsonValue> seen = observed(documents, attribute.code(), slotLocale, slotScope);
        add(
            search,
            attribute.code(),
            attributeCondition(attribute, seen),
            conditionLocale,
            conditionScope);
      }
    }
  }

  private static void add(
      Map<String, JsonArrayBuilder> search, String field, Cond cond, String locale, String scope) {
    JsonObjectBuilder condition = Json.createObjectBuilder().add("operator", cond.operator());
    if (cond.value() != null) {
      condition.add("value", cond.value());
    }
    if (locale != null) {
      condition.add("locale", locale);
    }
    if (scope != null) {
      condition.add("scope", scope);
    }
    search.computeIfAbsent(field, f -> Json.createArrayBuilder()).add(condition);
  }

  /** The data products hold in one slot. */
  private static List<JsonValue> observed(
      List<JsonObject> documents, String attribute, String locale, String scope) {
    List<JsonValue> seen = new ArrayList<>();
    for (JsonObject document : documents) {
      JsonObject values = document.getJsonObject("values");
      if (values == null || !values.containsKey(attribute)) {
        continue;
      }
      for (JsonValue entry : values.getJsonArray(attribute)) {
        JsonObject e = entry.asJsonObject();
        if (Objects.equals(text(e, "locale"), locale)
            && Objects.equals(text(e, "scope"), scope)
            && e.get("data") != JsonValue.NULL) {
          seen.add(e.get("data"));
        }
      }
    }
    return seen;
  }

  private Cond attributeCondition(Attr attribute, List<JsonValue> seen) {
    return switch (attribute.type()) {
      case "text", "textarea" -> textCondition(attribute, seen);
      case "number" -> numberCondition(seen);
      case "metric" -> metricCondition(attribute, seen);
      case "price_collection" -> priceCondition(seen);
      case "boolean" -> new Cond(random.nextBoolean() ? "=" : "!=", randomBoolean());
      case "date" -> dateCondition(seen);
      case "simpleselect", "multiselect" -> {
        String operator = pick(LIST_OPERATORS);
        List<String> options =
            attribute.equals(color) ? COLORS : attribute.equals(season) ? SEASONS : MATERIALS;
        yield operator.contains("EMPTY")
            ? new Cond(operator, null)
            : new Cond(operator, someOf(options, 3, true));
      }
      default -> new Cond(chance(0.5) ? "EMPTY" : "NOT EMPTY", null);
    };
  }

  private Cond textCondition(Attr attribute, List<JsonValue> seen) {
    String operator = pick(TEXT_OPERATORS);
    if (operator.contains("EMPTY")) {
      return new Cond(operator, null);
    }
    String base;
    if (!seen.isEmpty() && chance(0.8)) {
      String stored = ((JsonString) pick(seen)).getString();
      base = attribute.type().equals("textarea") ? Jsoup.parse(stored).text() : stored;
    } else {
      base = pick(WORDS);
    }
    String value =
        switch (operator) {
          case "STARTS WITH" -> codePoints(base, 0, 1 + random.nextInt(20));
          case "CONTAINS", "DOES NOT CONTAIN" -> infix(base);
          default -> codePoints(base, 0, 200);
        };
    return new Cond(operator, Json.createValue(varyCase(value.isEmpty() ? "a" : value)));
  }

  private Cond numberCondition(List<JsonValue> seen) {
    String operator = pick(NUMBER_OPERATORS);
    if (operator.contains("EMPTY")) {
      return new Cond(operator, null);
    }
    Supplier<BigDecimal> number =
        () ->
            !seen.isEmpty() && chance(0.7)
                ? ReferenceSearch.decimal(pick(seen))
                : new BigDecimal(pick(SCORES)).add(BigDecimal.valueOf(random.nextInt(3) - 1));
    if (operator.equals("BETWEEN")) {
      BigDecimal low = number.get();
      BigDecimal high = number.get();
      if (low.compareTo(high) > 0) {
        BigDecimal swap = low;
        low = high;
        high = swap;
      }
      return new Cond(
          operator, Json.createArrayBuilder().add(number(low)).add(number(high)).build());
    }
    return new Cond(operator, number(number.get()));
  }

  private JsonValue number(BigDecimal number) {
    return chance(0.5) ? Json.createValue(number) : Json.createValue(number.toPlainString());
  }

  private Cond metricCondition(Attr attribute, List<JsonValue> seen) {
    String operator = pick(NUMBER_OPERATORS);
    if (operator.contains("EMPTY")) {
      return new Cond(operator, null);
    }
    boolean isWeight = attribute.equals(weight);
    if (operator.equals("BETWEEN")) {
      String unit = pick(isWeight ? WEIGHT_UNITS : TEMPERATURE_UNITS);
      List<String> amounts = new ArrayList<>(isWeight ? WEIGHTS : TEMPERATURES);
      Collections.shuffle(amounts, random);
      BigDecimal low = new BigDecimal(amounts.get(0));
      BigDecimal high = new BigDecimal(amounts.get(1));
      if (low.compareTo(high) > 0) {
        BigDecimal swap = low;
        low = high;
        high = swap;
      }
      return new Cond(
          operator,
          Json.createArrayBuilder()
              .add(metric(low.toPlainString(), unit))
              .add(metric(high.toPlainString(), unit))
              .build());
    }
    if (!seen.isEmpty() && chance(0.7)) {
      JsonObject stored = pick(seen).asJsonObject();
      BigDecimal amount = ReferenceSearch.decimal(stored.get("amount"));
      String unit = stored.getString("unit");
      // The same quantity in another unit, where the conversion is exact.
      if (chance(0.5)) {
        switch (unit) {
          case "GRAM" -> {
            amount = amount.movePointLeft(3);
            unit = "KILOGRAM";
          }
          case "KILOGRAM" -> {
            amount = amount.movePointRight(3);
            unit = "GRAM";
          }
          case "CELSIUS" -> {
            amount = amount.add(new BigDecimal("273.15"));
            unit = "KELVIN";
          }
          case "KELVIN" -> {
            amount = amount.subtract(new BigDecimal("273.15"));
            unit = "CELSIUS";
          }
          default -> {}
        }
      }
      return new Cond(operator, metric(amount.stripTrailingZeros().toPlainString(), unit));
    }
    return new Cond(
        operator,
        isWeight
            ? metric(pick(WEIGHTS), pick(WEIGHT_UNITS))
            : metric(pick(TEMPERATURES), pick(TEMPERATURE_UNITS)));
  }

  private Cond priceCondition(List<JsonValue> seen) {
    String operator = pick(NUMBER_OPERATORS);
    if (operator.contains("EMPTY")) {
      return new Cond(operator, null);
    }
    String currency = pick(CURRENCIES);
    List<String> amounts = new ArrayList<>(PRICES);
    for (JsonValue prices : seen) {
      for (JsonValue p : prices.asJsonArray()) {
        if (p.asJsonObject().getString("currency").equals(currency)) {
          amounts.add(p.asJsonObject().getString("amount"));
        }
      }
    }
    Supplier<JsonObject> amount =
        () ->
            Json.createObjectBuilder()
                .add("amount", number(new BigDecimal(pick(amounts))))
                .add("currency", currency)
                .build();
    if (operator.equals("BETWEEN")) {
      JsonObject low = amount.get();
      JsonObject high = amount.get();
      if (ReferenceSearch.decimal(low.get("amount"))
              .compareTo(ReferenceSearch.decimal(high.get("amount")))
          > 0) {
        JsonObject swap = low;
        low = high;
        high = swap;
      }
      return new Cond(operator, Json.createArrayBuilder().add(low).add(high).build());
    }
    return new Cond(operator, amount.get());
  }

  private Cond dateCondition(List<JsonValue> seen) {
    String operator = pick(DATE_OPERATORS);
    if (operator.contains("EMPTY")) {
      return new Cond(operator, null);
    }
    if (operator.equals("SINCE LAST N DAYS")) {
      return new Cond(operator, Json.createValue(random.nextInt(8)));
    }
    Supplier<LocalDate> date =
        () ->
            !seen.isEmpty() && chance(0.7)
                ? LocalDate.parse(((JsonString) pick(seen)).getString())
                : randomDate();
    if (operator.contains("BETWEEN")) {
      LocalDate low = date.get();
      LocalDate high = date.get();
      if (low.isAfter(high)) {
        LocalDate swap = low;
        low = high;
        high = swap;
      }
      return new Cond(
          operator, Json.createArrayBuilder().add(low.toString()).add(high.toString()).build());
    }
    return new Cond(operator, Json.createValue(date.get().toString()));
  }

  private Cond identifierCondition(List<JsonObject> documents) {
    String operator = pick(IDENTIFIER_OPERATORS);
    Supplier<String> identifier =
        () -> documents.isEmpty() ? prefix : pick(documents).getString("identifier");
    return switch (operator) {
      case "IN", "NOT IN" -> {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          list.add(varyCase(identifier.get()));
        }
        yield new Cond(operator, list.build());
      }
      case "STARTS WITH" -> {
        String id = identifier.get();
        yield new Cond(
            operator,
            Json.createValue(varyCase(codePoints(id, 0, prefix.length() + random.nextInt(3)))));
      }
      case "CONTAINS", "DOES NOT CONTAIN" -> {
        String tail = identifier.get().substring(prefix.length());
        yield new Cond(operator, Json.createValue(varyCase(infix(tail.isEmpty() ? "a" : tail))));
      }
      default -> new Cond(operator, Json.createValue(varyCase(identifier.get())));
    };
  }

  private Cond familyCondition() {
    String operator = pick(LIST_OPERATORS);
    if (operator.contains("EMPTY")) {
      return new Cond(operator, null);
    }
    return new Cond(operator, someOf(List.of(familyA, familyB), 2, false));
  }

  private Cond categoryCondition() {
    String operator = pick(CATEGORY_OPERATORS);
    if (operator.endsWith("CLASSIFIED") && !operator.contains(" OR ")) {
      return new Cond(operator, null);
    }
    return new Cond(operator, someOf(categories, 3, false));
  }

  private Cond parentCondition() {
    String operator = pick(LIST_OPERATORS);
    if (operator.contains("EMPTY")) {
      return new Cond(operator, null);
    }
    List<String> models = new ArrayList<>();
    roots.forEach(m -> models.add(m.code));
    subs.forEach(m -> models.add(m.code));
    return new Cond(operator, someOf(models, 2, false));
  }

  private Cond timeCondition(String field, List<JsonObject> documents) {
    String operator = pick(TIME_OPERATORS);
    if (operator.equals("SINCE LAST N DAYS")) {
      // From 1 day: products were all written minutes ago, whether days are counted from
      // midnight or from now.
      return new Cond(operator, Json.createValue(1 + random.nextInt(3)));
    }
    Supplier<String> time =
        () -> {
          if (documents.isEmpty() || chance(0.25)) {
            return today().plusDays(random.nextInt(3) - 1).toString();
          }
          Instant instant = Instant.parse(pick(documents).getString(field));
          return switch (random.nextInt(5)) {
            case 0 -> instant.minusMillis(1).toString();
            case 1 -> instant.plusMillis(1).toString();
            case 2 ->
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    instant.atOffset(ZoneOffset.ofHoursMinutes(chance(0.5) ? 2 : -5, 0)));
            default -> instant.toString();
          };
        };
    if (operator.contains("BETWEEN")) {
      String low = time.get();
      String high = time.get();
      if (startOf(low).isAfter(startOf(high))) {
        String swap = low;
        low = high;
        high = swap;
      }
      return new Cond(operator, Json.createArrayBuilder().add(low).add(high).build());
    }
    return new Cond(operator, Json.createValue(time.get()));
  }

  private static Instant startOf(String time) {
    return time.length() == 10
        ? LocalDate.parse(time).atStartOfDay(ZoneOffset.UTC).toInstant()
        : java.time.OffsetDateTime.parse(time).toInstant();
  }

  private String randomSort(String locale, String scope) {
    if (chance(0.1)) {
      return null;
    }
    List<String> sorts =
        new ArrayList<>(
            List.of(
                "identifier",
                "created",
                "updated",
                tag.code(),
                notes.code(),
                score.code(),
                weight.code(),
                temperature.code(),
                released.code(),
                color.code(),
                price.code() + ".EUR",
                price.code() + ".USD"));
    if (locale != null) {
      sorts.add(name.code());
    }
    if (scope != null) {
      sorts.addAll(List.of(count.code(), flag.code(), season.code()));
    }
    if (locale != null && scope != null) {
      sorts.add(description.code());
    }
    String sort = pick(sorts);
    return chance(0.4) ? "-" + sort : sort;
  }

  /**
   * Asks the query of the server, page after page, and compares what it lists with what the
   * reference finds.
   */
  private Checked check(
      int n,
      Generated query,
      ReferenceSearch reference,
      List<Product> stored,
      Map<String, JsonObject> documents) {
    LocalDate today = today();
    List<String> expected;
    try {
      expected = reference.search(stored, query.query(), today);
    } catch (Refused e) {
      return fail(seed() + " query #" + n + " " + query + ": the reference refuses it: " + e);
    }
    int limit = limit(expected.size());
    String context = seed() + " query #" + n + " " + query + " limit=" + limit;
    List<String> actual = new ArrayList<>();
    String next = url(query, limit);
    int pages = 0;
    while (next != null) {
      Api.Response page = list(next);
      assertEquals(200, page.status(), () -> context + " -> " + page);
      JsonObject body = page.json();
      assertTrue(
          body.containsKey("items_count") || pages > 0,
          () -> context + ": no items_count in " + page);
      if (body.containsKey("items_count")) {
        assertEquals(
            expected.size(),
            body.getInt("items_count"),
            () -> context + ": items_count\n" + difference(expected, actual, documents));
      }
      JsonArray items = body.getJsonObject("_embedded").getJsonArray("items");
      assertTrue(items.size() <= limit, () -> context + ": a page over the limit " + page);
      items.forEach(item -> actual.add(item.asJsonObject().getString("identifier")));
      JsonObject links = body.getJsonObject("_links");
      next = links.containsKey("next") ? links.getJsonObject("next").getString("href") : null;
      if (++pages > expected.size() / limit + 2) {
        fail(context + ": the pages do not end\n" + difference(expected, actual, documents));
      }
    }
    if (!today.equals(today())) {
      // Midnight (UTC) passed during the query: SINCE LAST N DAYS now counts from another day.
      return check(n, query, reference, stored, documents);
    }
    if (!expected.equals(actual)) {
      fail(context + "\n" + difference(expected, actual, documents));
    }
    return new Checked(expected.size(), pages);
  }

  /** Small pages, but not so small that a query takes more than about a dozen requests. */
  private int limit(int expected) {
    int limit = pick(List.of(1, 2, 3, 5, 7, 7, 7, 10, 20, 50, 100));
    while (limit < 100 && expected / limit > 10) {
      limit = Math.min(100, limit * 3);
    }
    return limit;
  }

  private String url(Generated query, int limit) {
    StringBuilder url =
        new StringBuilder("api/v1/products?search=").append(encode(query.search().toString()));
    if (query.locale() != null) {
      url.append("&locale=").append(query.locale());
    }
    if (query.scope() != null) {
      url.append("&scope=").append(query.scope());
    }
    if (query.sort() != null) {
      url.append("&sort=").append(encode(query.sort()));
    }
    return url.append("&limit=").append(limit).append("&with_count=true").toString();
  }

  /** A list request; the index may ask for patience (503) after a burst of writes. */
  private Api.Response list(String url) {
    for (int attempt = 0; ; attempt++) {
      Api.Response response = api.get(url);
      if (response.status() != 503 || attempt == 5) {
        return response;
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  private static String difference(
      List<String> expected, List<String> actual, Map<String, JsonObject> documents) {
    Set<String> missing = new LinkedHashSet<>(expected);
    actual.forEach(missing::remove);
    Set<String> unexpected = new LinkedHashSet<>(actual);
    expected.forEach(unexpected::remove);
    int first = 0;
    while (first < expected.size()
        && first < actual.size()
        && expected.get(first).equals(actual.get(first))) {
      first++;
    }
    StringBuilder text =
        new StringBuilder()
            .append("expected ")
            .append(expected.size())
            .append(": ")
            .append(expected)
            .append("\nactual   ")
            .append(actual.size())
            .append(": ")
            .append(actual)
            .append("\nmissing: ")
            .append(missing)
            .append("\nunexpected: ")
            .append(unexpected)
            .append("\nfirst difference at ")
            .append(first);
    Set<String> shown = new LinkedHashSet<>();
    missing.stream().limit(2).forEach(shown::add);
    unexpected.stream().limit(2).forEach(shown::add);
    if (first < expected.size()) {
      shown.add(expected.get(first));
    }
    if (first < actual.size()) {
      shown.add(actual.get(first));
    }
    for (String identifier : shown) {
      text.append("\n  ").append(identifier).append(": ").append(documents.get(identifier));
    }
    return text.toString();
  }

  private void refused(
      ReferenceSearch reference,
      String property,
      String search,
      String locale,
      String scope,
      String sort) {
    String text = search == null ? null : json(search);
    JsonValue parsed = null;
    boolean parses = true;
    if (text != null) {
      try {
        parsed = Json.createReader(new StringReader(text)).readValue();
      } catch (RuntimeException e) {
        parses = false;
      }
    }
    if (parses) {
      try {
        reference.search(List.of(), new Query(parsed, locale, scope, sort), today());
        fail(seed() + " the reference accepts what must be refused: " + text + " sort=" + sort);
      } catch (Refused e) {
        assertEquals(property, e.property(), e::getMessage);
      }
    }
    StringBuilder url = new StringBuilder("api/v1/products?limit=5");
    if (text != null) {
      url.append("&search=").append(encode(text));
    }
    if (locale != null) {
      url.append("&locale=").append(locale);
    }
    if (scope != null) {
      url.append("&scope=").append(scope);
    }
    if (sort != null) {
      url.append("&sort=").append(encode(sort));
    }
    assertViolated(api.get(url.toString()), property);
  }

  private static void assertViolated(Api.Response response, String property) {
    JsonObject problem = assertProblem(422, "validation-failed", response);
    JsonArray errors = problem.getJsonArray("errors");
    assertTrue(
        errors != null
            && errors.stream().anyMatch(e -> property.equals(text(e.asJsonObject(), "property"))),
        () ->
            "No violation of "
                + property
                + " in "
                + URLDecoder.decode(response.request(), StandardCharsets.UTF_8)
                + " -> "
                + response.body());
  }

  // ---------------------------------------------------------------------------------------------
  // Small things

  private String seed() {
    return "seed " + SEED + " (replay with -Dvitrine.search.seed=" + SEED + ")";
  }

  private void expect(int status, Api.Response response) {
    assertEquals(status, response.status(), () -> seed() + ": " + response);
  }

  private void created(Api.Response response) {
    expect(201, response);
  }

  private JsonValue randomBoolean() {
    return random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
  }

  private boolean chance(double probability) {
    return random.nextDouble() < probability;
  }

  private <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  /** 1 to {@code atMost} distinct elements, in random order and (if asked) random case. */
  private JsonArray someOf(List<String> codes, int atMost, boolean anyCase) {
    List<String> shuffled = new ArrayList<>(codes);
    Collections.shuffle(shuffled, random);
    JsonArrayBuilder list = Json.createArrayBuilder();
    shuffled
        .subList(0, 1 + random.nextInt(Math.min(atMost, shuffled.size())))
        .forEach(c -> list.add(anyCase ? varyCase(c) : c));
    return list.build();
  }

  private String varyCase(String text) {
    return switch (random.nextInt(4)) {
      case 0 -> text.toUpperCase(Locale.ROOT);
      case 1 -> text.toLowerCase(Locale.ROOT);
      default -> text;
    };
  }

  /** Code points {@code from} to {@code to} (at most) of the text. */
  private static String codePoints(String text, int from, int to) {
    int length = text.codePointCount(0, text.length());
    int start = text.offsetByCodePoints(0, Math.min(from, length));
    int end = text.offsetByCodePoints(0, Math.min(to, length));
    return text.substring(start, end);
  }

  /** A random piece of the text, 1 to 8 code points long. */
  private String infix(String text) {
    int length = text.codePointCount(0, text.length());
    int from = random.nextInt(length);
    return codePoints(text, from, from + 1 + random.nextInt(8));
  }

  private static String path(String identifier) {
    return encode(identifier);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }

  private static String nullable(String text) {
    return "null".equals(text) ? null : text;
  }

  private static String text(JsonObject json, String key) {
    JsonValue value = json.get(key);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
