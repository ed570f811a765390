import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic catalog shaped like Akeneo's representative catalogs: the same size and seed give
 * byte-identical files on any machine.
 *
 * <p>The schema (locales, currencies, attribute groups, attributes and their options, two category
 * trees, two channels, families with per-channel requirements) is drawn from one random stream
 * seeded with the seed and the size. Product n is drawn from a stream of its own, seeded with the
 * seed, the size and n, so any product can be made alone and a million-product catalog streams in
 * bounded memory. Texts come from {@link CatalogVocabulary}.
 *
 * <pre>
 *   bench/run.sh CatalogGenerator --size small [--seed 42] [--out target/bench/catalog-small]
 *       [--vocabulary ../shared/datasets/flipkart-sample/flipkart_com-ecommerce_sample.csv]
 *       [--limit 100000] [--formats ndjson,tsv]
 * </pre>
 *
 * Writes {@code schema/NN-<resource>.json} (JSON arrays the catalog endpoints take, in load order),
 * {@code products.ndjson} (lines for {@code PATCH /api/v1/products}), {@code products.tsv} (for
 * PostgreSQL {@code COPY}: identifier, family, enabled, values as JSON, categories as a text array)
 * and {@code manifest.json} (size, seed, vocabulary, counts and the SHA-256 of every file). {@link
 * GeneratedCatalogLoader} loads it into a running server.
 */
public class CatalogGenerator {

  /** The sizes of Akeneo's representative catalogs. */
  enum Size {
    SMALL(5_000, 100, 20, 50, 1, 2, 500, 75, 6),
    MEDIUM(50_000, 400, 50, 100, 4, 2, 2_000, 75, 10),
    LARGE(1_000_000, 1_000, 400, 100, 4, 2, 4_000, 50, 12);

    final int products;
    final int attributes;
    final int families;
    final int attributesPerFamily;
    final int locales;
    final int channels;
    final int categories;
    final int filledPercent;
    final int groups;

    Size(
        int products,
        int attributes,
        int families,
        int attributesPerFamily,
        int locales,
        int channels,
        int categories,
        int filledPercent,
        int groups) {
      this.products = products;
      this.attributes = attributes;
      this.families = families;
      this.attributesPerFamily = attributesPerFamily;
      this.locales = locales;
      this.channels = channels;
      this.categories = categories;
      this.filledPercent = filledPercent;
      this.groups = groups;
    }

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Attribute types with their share of the attributes, as in Akeneo's catalogs. */
  enum Type {
    TEXT("text", 35),
    TEXTAREA("textarea", 10),
    SIMPLESELECT("simpleselect", 20),
    MULTISELECT("multiselect", 8),
    NUMBER("number", 8),
    METRIC("metric", 8),
    PRICE("price_collection", 3),
    BOOLEAN("boolean", 5),
    DATE("date", 3);

    final String code;
    final int percent;

    Type(String code, int percent) {
      this.code = code;
      this.percent = percent;
    }
  }

  static final long DEFAULT_SEED = 42;
  static final String IDENTIFIER_PREFIX = "GEN-";
  static final String[] CURRENCIES = {"USD", "EUR"};
  static final int DISABLED_PERCENT = 3;
  static final int INCOMPLETE_PERCENT = 10;

  // ---------------------------------------------------------------- attribute concepts

  enum TextKind {
    PHRASE,
    KEYWORDS,
    CODE,
    PERSON,
    MODEL
  }

  /** What a textarea holds: sentences, a paragraph and a list (COPY), a list alone (FEATURES)… */
  enum AreaKind {
    SENTENCES,
    COPY,
    CARE,
    FEATURES,
    COMPOSITION,
    WARRANTY,
    DELIVERY
  }

  /**
   * What an attribute is about: the stem of its code; its labels are the stem's in the vocabulary.
   */
  sealed interface Concept permits Text, Area, Select, Numeric, Metric, Plain {
    String stem();

    default String[] labels() {
      return CatalogVocabulary.attributeLabels(stem());
    }
  }

  record Text(String stem, TextKind kind, int maxCharacters) implements Concept {}

  record Area(String stem, AreaKind kind, boolean rich) implements Concept {}

  record Select(String stem, String[][] source) implements Concept {}

  /** A number from min to max (unscaled), written with {@code scale} decimals. */
  record Numeric(String stem, int scale, int min, int max) implements Concept {}

  /**
   * A measurement from min to max (unscaled, in {@code unit}) with {@code scale} decimals; a
   * quarter of the values are written in {@code altUnit} (amount times {@code altFactor}).
   */
  record Metric(
      String stem,
      String family,
      String unit,
      String altUnit,
      String altFactor,
      int scale,
      int min,
      int max)
      implements Concept {}

  record Plain(String stem) implements Concept {}

  // Every family has these six, and sku.
  static final Text NAME = new Text("name", TextKind.PHRASE, 120);
  static final Area DESCRIPTION = new Area("product_description", AreaKind.SENTENCES, true);
  static final Plain LIST_PRICE = new Plain("list_price");
  static final Text GTIN = new Text("gtin", TextKind.CODE, 13);
  static final Select MANUFACTURER = new Select("manufacturer", same(CatalogVocabulary.BRANDS));
  static final Metric NET_WEIGHT =
      new Metric("net_weight", "Weight", "KILOGRAM", "GRAM", "1000", 3, 50, 40_000);

  static final Text[] TEXTS = {
    new Text("tagline", TextKind.PHRASE, 160),
    new Text("subtitle", TextKind.PHRASE, 255),
    new Text("seo_title", TextKind.PHRASE, 120),
    new Text("model_code", TextKind.CODE, 40),
    new Text("keywords", TextKind.KEYWORDS, 255),
    new Text("alt_text", TextKind.PHRASE, 255),
    new Text("supplier_ref", TextKind.CODE, 40),
    new Text("designer", TextKind.PERSON, 80),
    new Text("collection", TextKind.PHRASE, 160),
    new Text("mpn", TextKind.CODE, 40),
    new Text("search_terms", TextKind.KEYWORDS, 255),
    new Text("model_name", TextKind.MODEL, 60)
  };

  static final Area[] AREAS = {
    new Area("short_description", AreaKind.SENTENCES, false),
    new Area("care_instructions", AreaKind.CARE, false),
    new Area("key_features", AreaKind.FEATURES, true),
    new Area("composition", AreaKind.COMPOSITION, false),
    new Area("marketing_copy", AreaKind.COPY, true),
    new Area("warranty_terms", AreaKind.WARRANTY, false),
    new Area("usage_tips", AreaKind.SENTENCES, true),
    new Area("delivery_note", AreaKind.DELIVERY, false)
  };

  static final Select[] SIMPLE_SELECTS = {
    new Select("colour", CatalogVocabulary.COLOURS),
    new Select("main_material", CatalogVocabulary.MATERIALS),
    new Select("country_of_origin", CatalogVocabulary.COUNTRIES),
    new Select("size", CatalogVocabulary.SIZES),
    new Select("pattern", CatalogVocabulary.PATTERNS),
    new Select("finish", CatalogVocabulary.FINISHES),
    new Select("style", CatalogVocabulary.STYLES),
    new Select("supplier", same(CatalogVocabulary.BRANDS)),
    new Select("season", CatalogVocabulary.SEASONS),
    new Select("energy_class", CatalogVocabulary.ENERGY_CLASSES),
    new Select("age_group", CatalogVocabulary.AGE_GROUPS),
    new Select("shape", CatalogVocabulary.SHAPES),
    new Select("fit", CatalogVocabulary.FITS)
  };

  static final Select[] MULTI_SELECTS = {
    new Select("materials", CatalogVocabulary.MATERIALS),
    new Select("rooms", CatalogVocabulary.ROOMS),
    new Select("certifications", CatalogVocabulary.CERTIFICATIONS),
    new Select("colours", CatalogVocabulary.COLOURS),
    new Select("compatible_devices", CatalogVocabulary.DEVICES),
    new Select("properties", CatalogVocabulary.ADJECTIVES),
    new Select("occasions", CatalogVocabulary.USES),
    new Select("styles", CatalogVocabulary.STYLES)
  };

  static final Numeric[] NUMBERS = {
    new Numeric("warranty_years", 0, 0, 10),
    new Numeric("pack_quantity", 0, 1, 48),
    new Numeric("customer_rating", 1, 0, 50),
    new Numeric("pieces", 0, 1, 500),
    new Numeric("recycled_content", 0, 0, 100),
    new Numeric("minimum_age", 0, 0, 18),
    new Numeric("discount_rate", 2, 0, 7_000),
    new Numeric("lead_time_days", 0, 1, 60)
  };

  /** Measurement families and units that the server ships (V2__reference_data.sql). */
  static final Metric[] METRICS = {
    new Metric("gross_weight", "Weight", "KILOGRAM", "GRAM", "1000", 3, 60, 45_000),
    new Metric("length", "Length", "CENTIMETER", "MILLIMETER", "10", 1, 10, 2_500),
    new Metric("width", "Length", "CENTIMETER", "MILLIMETER", "10", 1, 10, 2_500),
    new Metric("height", "Length", "CENTIMETER", "MILLIMETER", "10", 1, 10, 2_500),
    new Metric("capacity", "Volume", "LITER", "MILLILITER", "1000", 2, 10, 3_000),
    new Metric("power", "Power", "WATT", "KILOWATT", "0.001", 0, 1, 3_000),
    new Metric("voltage", "Voltage", "VOLT", null, null, 0, 3, 240),
    new Metric("battery_life", "Duration", "HOUR", "MINUTE", "60", 1, 10, 1_000),
    new Metric("noise_level", "Decibel", "DECIBEL", null, null, 0, 20, 95),
    new Metric("luminous_flux", "Brightness", "LUMEN", null, null, 0, 100, 4_000),
    new Metric("max_temperature", "Temperature", "CELSIUS", null, null, 0, 30, 300),
    new Metric("storage_capacity", "Binary", "GIGABYTE", "MEGABYTE", "1024", 0, 1, 2_048),
    new Metric("surface_area", "Area", "SQUARE_METER", "SQUARE_CENTIMETER", "10000", 2, 10, 2_000)
  };

  static final Plain[] PRICES = {
    new Plain("sale_price"),
    new Plain("msrp"),
    new Plain("trade_price"),
    new Plain("eco_contribution")
  };

  static final Plain[] BOOLEANS = {
    new Plain("dishwasher_safe"),
    new Plain("waterproof"),
    new Plain("eco_friendly"),
    new Plain("assembly_required"),
    new Plain("batteries_included"),
    new Plain("gift_wrap"),
    new Plain("vegan"),
    new Plain("handmade"),
    new Plain("machine_washable"),
    new Plain("recyclable")
  };

  static final Plain[] DATES = {
    new Plain("release_date"),
    new Plain("end_of_life"),
    new Plain("first_available"),
    new Plain("season_start"),
    new Plain("certified_on")
  };

  static String[] labels(String en, String fr, String de, String es) {
    return new String[] {en, fr, de, es};
  }

  /** Attribute groups, with the types each one may hold ("*" for any). */
  static final String[][] GROUPS = {
    {"general", "*", "General", "Général", "Allgemein", "General"},
    {"content", "TEXT TEXTAREA", "Content", "Contenu", "Inhalt", "Contenido"},
    {
      "specifications",
      "SIMPLESELECT MULTISELECT NUMBER BOOLEAN",
      "Specifications",
      "Caractéristiques",
      "Technische Daten",
      "Especificaciones"
    },
    {"dimensions", "METRIC NUMBER", "Dimensions", "Dimensions", "Abmessungen", "Dimensiones"},
    {"commercial", "PRICE DATE BOOLEAN", "Commercial", "Commercial", "Vertrieb", "Comercial"},
    {
      "materials_care",
      "TEXTAREA SIMPLESELECT MULTISELECT",
      "Materials and care",
      "Matières et entretien",
      "Material und Pflege",
      "Materiales y cuidado"
    },
    {
      "compliance",
      "TEXT BOOLEAN DATE SIMPLESELECT",
      "Compliance",
      "Conformité",
      "Konformität",
      "Cumplimiento"
    },
    {"shipping", "METRIC NUMBER TEXT", "Shipping", "Expédition", "Versand", "Envío"},
    {"seo", "TEXT TEXTAREA", "SEO", "Référencement", "SEO", "SEO"},
    {
      "sustainability",
      "BOOLEAN NUMBER MULTISELECT",
      "Sustainability",
      "Durabilité",
      "Nachhaltigkeit",
      "Sostenibilidad"
    },
    {"electrical", "METRIC NUMBER BOOLEAN", "Electrical", "Électrique", "Elektrik", "Eléctrico"},
    {
      "merchandising",
      "TEXT TEXTAREA SIMPLESELECT DATE",
      "Merchandising",
      "Merchandising",
      "Merchandising",
      "Merchandising"
    }
  };

  // ---------------------------------------------------------------- the schema

  /** An option: its code, labels, and its row in the concept's word list. */
  record Option(String code, String[] labels, int row) {}

  /** An attribute of the generated schema; index 0 is the identifier {@code sku}. */
  static final class Attribute {
    final int index;
    final String code;
    final Type type;
    final Concept concept;
    final String group;
    final boolean localizable;
    final boolean scopable;
    final List<Option> options;

    Attribute(
        int index,
        String code,
        Type type,
        Concept concept,
        String group,
        boolean localizable,
        boolean scopable,
        List<Option> options) {
      this.index = index;
      this.code = code;
      this.type = type;
      this.concept = concept;
      this.group = group;
      this.localizable = localizable;
      this.scopable = scopable;
      this.options = options;
    }
  }

  /** A category; {@code noun} is the product noun it is about (-1 above the nouns). */
  record Category(String code, String parent, String[] labels, int noun) {}

  record Channel(String code, String[] labels, List<String> locales, String tree) {}

  /** A family: its attributes (indexes, sorted, without the identifier) and requirements. */
  record Family(
      String code,
      String[] labels,
      int noun,
      int[] attributes,
      int[] ecommerce,
      int[] mobile,
      boolean[] required,
      int[] droppable,
      int fillPermille) {}

  final Size size;
  final long seed;
  final CatalogVocabulary vocabulary;
  final List<String> locales;
  final List<Channel> channels = new ArrayList<>();
  final List<String[]> groups = new ArrayList<>();
  final List<Attribute> attributes = new ArrayList<>();
  final List<Category> categories = new ArrayList<>();
  final List<Family> families = new ArrayList<>();
  private int[] mainLeaves;
  private int[] mobileLeaves;
  private int[][] nounLeaves;

  CatalogGenerator(Size size, long seed, CatalogVocabulary vocabulary) {
    this.size = size;
    this.seed = seed;
    this.vocabulary = vocabulary;
    this.locales = List.of(CatalogVocabulary.LOCALES).subList(0, size.locales);
    var random = new SplittableRandom(mix64(seed * 31 + size.ordinal()));
    for (int g = 0; g < size.groups; g++) {
      groups.add(GROUPS[g]);
    }
    buildAttributes(random);
    buildCategories();
    channels.add(
        new Channel(
            "ecommerce",
            labels("E-commerce", "E-commerce", "E-Commerce", "Comercio electrónico"),
            locales,
            "catalog_ecommerce"));
    channels.add(
        new Channel(
            "mobile",
            labels("Mobile app", "Application mobile", "Mobile App", "Aplicación móvil"),
            locales.subList(0, (locales.size() + 1) / 2),
            "catalog_mobile"));
    buildFamilies(random);
  }

  private void buildAttributes(SplittableRandom random) {
    int[] counts = new int[Type.values().length];
    int assigned = 0;
    for (Type type : Type.values()) {
      counts[type.ordinal()] = size.attributes * type.percent / 100;
      assigned += counts[type.ordinal()];
    }
    counts[Type.TEXT.ordinal()] += size.attributes - assigned;
    attributes.add(
        new Attribute(
            0,
            "sku",
            Type.TEXT,
            new Text("sku", TextKind.CODE, 255),
            null,
            false,
            false,
            List.of()));
    addAttribute(random, Type.TEXT, NAME, "content", true, false);
    addAttribute(random, Type.TEXTAREA, DESCRIPTION, "content", true, true);
    addAttribute(random, Type.PRICE, LIST_PRICE, group(random, Type.PRICE), false, false);
    addAttribute(random, Type.TEXT, GTIN, group(random, Type.TEXT), false, false);
    addAttribute(random, Type.SIMPLESELECT, MANUFACTURER, "general", false, false);
    addAttribute(random, Type.METRIC, NET_WEIGHT, group(random, Type.METRIC), false, false);
    for (Attribute a : attributes) {
      counts[a.type.ordinal()]--;
    }
    List<Type> deck = new ArrayList<>();
    for (Type type : Type.values()) {
      for (int i = 0; i < counts[type.ordinal()]; i++) {
        deck.add(type);
      }
    }
    shuffle(deck, random);
    int[] used = new int[Type.values().length];
    for (Type type : deck) {
      int k = used[type.ordinal()]++;
      Concept concept =
          switch (type) {
            case TEXT -> TEXTS[k % TEXTS.length];
            case TEXTAREA -> AREAS[k % AREAS.length];
            case SIMPLESELECT -> SIMPLE_SELECTS[k % SIMPLE_SELECTS.length];
            case MULTISELECT -> MULTI_SELECTS[k % MULTI_SELECTS.length];
            case NUMBER -> NUMBERS[k % NUMBERS.length];
            case METRIC -> METRICS[k % METRICS.length];
            case PRICE -> PRICES[k % PRICES.length];
            case BOOLEAN -> BOOLEANS[k % BOOLEANS.length];
            case DATE -> DATES[k % DATES.length];
          };
      boolean localizable;
      boolean scopable;
      if (concept instanceof Text t) {
        localizable = t.kind() == TextKind.PHRASE || t.kind() == TextKind.KEYWORDS;
        scopable = localizable && random.nextInt(100) < 25;
      } else if (concept instanceof Area) {
        localizable = true;
        scopable = random.nextInt(100) < 30;
      } else {
        localizable = false;
        int scopablePercent =
            switch (type) {
              case PRICE, DATE -> 20;
              case BOOLEAN -> 10;
              case SIMPLESELECT, MULTISELECT, NUMBER -> 5;
              default -> 0;
            };
        scopable = random.nextInt(100) < scopablePercent;
      }
      addAttribute(random, type, concept, group(random, type), localizable, scopable);
    }
  }

  private void addAttribute(
      SplittableRandom random,
      Type type,
      Concept concept,
      String group,
      boolean localizable,
      boolean scopable) {
    int index = attributes.size();
    boolean core = index <= 6;
    String code = core ? concept.stem() : concept.stem() + "_" + index;
    List<Option> options = List.of();
    if (concept instanceof Select select) {
      String[][] source = select.source();
      int count =
          concept == MANUFACTURER ? source.length : Math.min(source.length, 5 + random.nextInt(46));
      int[] order = permutation(source.length, random);
      List<Option> chosen = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int row = concept == MANUFACTURER ? i : order[i];
        chosen.add(new Option(CatalogVocabulary.code(source[row][0]), source[row], row));
      }
      options = List.copyOf(chosen);
    }
    attributes.add(
        new Attribute(index, code, type, concept, group, localizable, scopable, options));
  }

  private String group(SplittableRandom random, Type type) {
    List<String> fitting = new ArrayList<>();
    for (String[] group : groups) {
      if (group[1].equals("*") || (" " + group[1] + " ").contains(" " + type.name() + " ")) {
        fitting.add(group[0]);
      }
    }
    return fitting.get(random.nextInt(fitting.size()));
  }

  /**
   * Two trees: {@code catalog_ecommerce} (85 % of the categories: departments, product nouns, then
   * nouns by material and by style) and {@code catalog_mobile} (merchandising themes, departments,
   * nouns). Parents come before their children.
   */
  private void buildCategories() {
    int mobileTotal = size.categories * 15 / 100;
    int mainTotal = size.categories - mobileTotal;
    addRoot(
        "catalog_ecommerce",
        labels("Master catalog", "Catalogue principal", "Hauptkatalog", "Catálogo principal"));
    int budget = mainTotal - 1;
    int departments = Math.min(CatalogVocabulary.DEPARTMENTS.length, budget);
    List<String> level1 = new ArrayList<>();
    for (int d = 0; d < departments; d++) {
      level1.add(addCategory("catalog_ecommerce", CatalogVocabulary.DEPARTMENTS[d], -1));
    }
    budget -= departments;
    int nouns = Math.min(departments * 5, budget);
    List<String> level2 = new ArrayList<>();
    for (int j = 0; j < nouns; j++) {
      level2.add(addCategory(level1.get(j / 5), capitalised(CatalogVocabulary.NOUNS[j]), j));
    }
    budget -= nouns;
    int third = Math.min(budget, nouns * 8);
    List<String> level3 = new ArrayList<>();
    List<Integer> level3Nouns = new ArrayList<>();
    for (int k = 0; k < third; k++) {
      int noun = k % nouns;
      int[] materials = CatalogVocabulary.DEPARTMENT_MATERIALS[noun / 5];
      String[] material = CatalogVocabulary.MATERIALS[materials[(k / nouns) % materials.length]];
      level3.add(addCategory(level2.get(noun), byMaterial(noun, material), noun));
      level3Nouns.add(noun);
    }
    budget -= third;
    for (int k = 0; k < budget; k++) {
      int parent = k % third;
      String[] adjective =
          CatalogVocabulary.ADJECTIVES[(k / third) % CatalogVocabulary.ADJECTIVES.length];
      String[] parentLabels = categories.get(indexOf(level3.get(parent))).labels();
      String[] label = new String[4];
      for (int l = 0; l < 4; l++) {
        label[l] = parentLabels[l] + ", " + adjective[l];
      }
      addCategory(level3.get(parent), label, level3Nouns.get(parent));
    }
    int mainCount = categories.size();

    addRoot(
        "catalog_mobile",
        labels("Mobile app", "Application mobile", "Mobile App", "Aplicación móvil"));
    budget = mobileTotal - 1;
    int themes = Math.min(CatalogVocabulary.THEMES.length, budget);
    List<String> themeCodes = new ArrayList<>();
    for (int t = 0; t < themes; t++) {
      themeCodes.add(addCategory("catalog_mobile", CatalogVocabulary.THEMES[t], -1));
    }
    budget -= themes;
    int shelves = Math.min(themes * CatalogVocabulary.DEPARTMENTS.length, budget);
    List<String> shelfCodes = new ArrayList<>();
    List<Integer> shelfDepartments = new ArrayList<>();
    for (int k = 0; k < shelves; k++) {
      int department = (k / themes) % CatalogVocabulary.DEPARTMENTS.length;
      shelfCodes.add(
          addCategory(themeCodes.get(k % themes), CatalogVocabulary.DEPARTMENTS[department], -1));
      shelfDepartments.add(department);
    }
    budget -= shelves;
    for (int k = 0; k < budget; k++) {
      int shelf = k % shelves;
      int noun = shelfDepartments.get(shelf) * 5 + (k / shelves) % 5;
      addCategory(shelfCodes.get(shelf), capitalised(CatalogVocabulary.NOUNS[noun]), noun);
    }

    boolean[] hasChildren = new boolean[categories.size()];
    for (Category c : categories) {
      if (c.parent() != null) {
        hasChildren[indexOf(c.parent())] = true;
      }
    }
    List<Integer> main = new ArrayList<>();
    List<Integer> mobile = new ArrayList<>();
    List<List<Integer>> byNoun = new ArrayList<>();
    for (int j = 0; j < CatalogVocabulary.NOUNS.length; j++) {
      byNoun.add(new ArrayList<>());
    }
    for (int i = 0; i < categories.size(); i++) {
      if (hasChildren[i] || categories.get(i).parent() == null) {
        continue;
      }
      if (i < mainCount) {
        main.add(i);
        if (categories.get(i).noun() >= 0) {
          byNoun.get(categories.get(i).noun()).add(i);
        }
      } else {
        mobile.add(i);
      }
    }
    mainLeaves = ints(main);
    mobileLeaves = ints(mobile);
    nounLeaves = new int[byNoun.size()][];
    for (int j = 0; j < byNoun.size(); j++) {
      nounLeaves[j] = ints(byNoun.get(j));
    }
  }

  private final Map<String, Integer> categoryIndex = new HashMap<>();

  private void addRoot(String code, String[] labels) {
    categoryIndex.put(code, categories.size());
    categories.add(new Category(code, null, labels, -1));
  }

  private String addCategory(String parent, String[] labels, int noun) {
    String code = String.format(Locale.ROOT, "cat_%05d", categories.size());
    categoryIndex.put(code, categories.size());
    categories.add(new Category(code, parent, labels, noun));
    return code;
  }

  private int indexOf(String category) {
    return categoryIndex.get(category);
  }

  private static String[] byMaterial(int noun, String[] material) {
    String[] n = CatalogVocabulary.NOUNS[noun];
    return labels(
        CatalogVocabulary.capitalise(material[0]) + " " + n[0],
        CatalogVocabulary.capitalise(n[1]) + " en " + material[1],
        n[2] + " aus " + material[2],
        CatalogVocabulary.capitalise(n[3]) + " de " + material[3]);
  }

  private void buildFamilies(SplittableRandom random) {
    int[] pool = new int[attributes.size() - 7];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = i + 7;
    }
    int[] nouns = permutation(CatalogVocabulary.NOUNS.length, random);
    int perFamily = size.attributesPerFamily;
    for (int f = 0; f < size.families; f++) {
      int noun = nouns[f % nouns.length];
      int round = f / nouns.length;
      String code =
          CatalogVocabulary.code(CatalogVocabulary.NOUNS[noun][0])
              + (round == 0 ? "" : "_" + (round + 1));
      String[] label = capitalised(CatalogVocabulary.NOUNS[noun]);
      if (round > 0) {
        for (int l = 0; l < label.length; l++) {
          label[l] += " " + (round + 1);
        }
      }
      // Partial Fisher-Yates: the family's own attributes, beyond the 6 every family has.
      int[] drawn = pool.clone();
      int extra = perFamily - 7;
      for (int i = 0; i < extra; i++) {
        int j = i + random.nextInt(drawn.length - i);
        int t = drawn[i];
        drawn[i] = drawn[j];
        drawn[j] = t;
      }
      int[] own = Arrays.copyOf(drawn, extra);
      int[] members = new int[perFamily - 1];
      for (int i = 0; i < 6; i++) {
        members[i] = i + 1;
      }
      System.arraycopy(own, 0, members, 6, extra);
      Arrays.sort(members);
      // Requirements: the title, description, price and brand on the web shop, plus about 12 % of
      // the family's own attributes; the app asks for fewer, and one attribute the shop does not.
      int shopExtra = Math.max(1, Math.round(perFamily * 0.12f));
      int[] shop = new int[4 + shopExtra];
      shop[0] = 1;
      shop[1] = 2;
      shop[2] = 3;
      shop[3] = 5;
      System.arraycopy(own, 0, shop, 4, shopExtra);
      int appExtra = shopExtra / 2;
      int[] app = new int[2 + appExtra + 1];
      app[0] = 1;
      app[1] = 3;
      System.arraycopy(own, 0, app, 2, appExtra);
      app[app.length - 1] = own[shopExtra];
      Arrays.sort(shop);
      Arrays.sort(app);
      boolean[] required = new boolean[attributes.size()];
      for (int a : shop) {
        required[a] = true;
      }
      for (int a : app) {
        required[a] = true;
      }
      List<Integer> droppable = new ArrayList<>();
      int union = 0;
      for (int a = 1; a < required.length; a++) {
        if (required[a]) {
          union++;
          if (a != 1) {
            droppable.add(a);
          }
        }
      }
      int slots = perFamily - 1;
      int fillPermille =
          Math.max(0, 10 * (size.filledPercent * slots - 100 * union) / (slots - union));
      families.add(
          new Family(
              code, label, noun, members, shop, app, required, ints(droppable), fillPermille));
    }
  }

  // ---------------------------------------------------------------- products

  /** One product, with what the manifest counts. */
  record Product(
      String identifier,
      Family family,
      List<String> categories,
      boolean enabled,
      boolean incomplete,
      String values,
      int valueCount,
      int filledAttributes) {}

  /** The words a product's texts are made of, the same in every locale. */
  record Words(
      int noun,
      int adjective,
      int adjective2,
      int material,
      int use,
      int feature,
      int feature2,
      int colour,
      int brand) {

    Words vary(SplittableRandom random) {
      return new Words(
          noun,
          adjective,
          random.nextInt(CatalogVocabulary.ADJECTIVES.length),
          material,
          random.nextInt(CatalogVocabulary.USES.length),
          random.nextInt(CatalogVocabulary.FEATURES.length),
          random.nextInt(CatalogVocabulary.FEATURES.length),
          colour,
          brand);
    }
  }

  static String identifier(long n) {
    return String.format(Locale.ROOT, IDENTIFIER_PREFIX + "%07d", n);
  }

  /** Product n: a function of the seed, the size and n alone. */
  Product product(long n) {
    // Seeds go through mix64: SplittableRandom(s + k * its gamma) would replay stream s, shifted.
    var random = new SplittableRandom(mix64(mix64(seed * 31 + size.ordinal()) + n));
    double u = random.nextDouble();
    // Families are not all the same size: half the products go to the first families first.
    int familyIndex = (int) (size.families * (random.nextBoolean() ? u * u : u)) % size.families;
    Family family = families.get(familyIndex);
    boolean enabled = random.nextInt(100) >= DISABLED_PERCENT;
    boolean incomplete = random.nextInt(100) < INCOMPLETE_PERCENT;

    List<String> categoryCodes = new ArrayList<>(3);
    int[] ownLeaves = nounLeaves[family.noun()];
    int[] first = ownLeaves.length > 0 ? ownLeaves : mainLeaves;
    categoryCodes.add(categories.get(first[random.nextInt(first.length)]).code());
    if (random.nextInt(100) < 30) {
      String second = categories.get(mainLeaves[random.nextInt(mainLeaves.length)]).code();
      if (!categoryCodes.contains(second)) {
        categoryCodes.add(second);
      }
    }
    if (mobileLeaves.length > 0 && random.nextInt(100) < 80) {
      categoryCodes.add(categories.get(mobileLeaves[random.nextInt(mobileLeaves.length)]).code());
    }

    int[] materials = CatalogVocabulary.DEPARTMENT_MATERIALS[family.noun() / 5];
    var words =
        new Words(
            family.noun(),
            random.nextInt(CatalogVocabulary.ADJECTIVES.length),
            random.nextInt(CatalogVocabulary.ADJECTIVES.length),
            materials[random.nextInt(materials.length)],
            random.nextInt(CatalogVocabulary.USES.length),
            random.nextInt(CatalogVocabulary.FEATURES.length),
            random.nextInt(CatalogVocabulary.FEATURES.length),
            random.nextInt(CatalogVocabulary.COLOURS.length),
            random.nextInt(CatalogVocabulary.BRANDS.length));
    CatalogVocabulary.Row row =
        vocabulary.rows.isEmpty()
            ? null
            : vocabulary.rows.get(random.nextInt(vocabulary.rows.size()));

    // A deliberately incomplete product lacks one or two required values: the whole value, or
    // one locale's (a missing translation).
    int[] dropped = new int[0];
    int[] droppedLocale = new int[0];
    if (incomplete && family.droppable().length > 0) {
      int count = Math.min(family.droppable().length, 1 + random.nextInt(2));
      dropped = new int[count];
      droppedLocale = new int[count];
      for (int i = 0; i < count; i++) {
        dropped[i] = family.droppable()[random.nextInt(family.droppable().length)];
        Attribute a = attributes.get(dropped[i]);
        droppedLocale[i] =
            a.localizable && locales.size() > 1 && random.nextBoolean()
                ? 1 + random.nextInt(locales.size() - 1)
                : -1;
      }
    }

    var values = new StringBuilder(4096);
    int valueCount = 0;
    int filled = 0;
    for (int index : family.attributes()) {
      Attribute attribute = attributes.get(index);
      boolean fill = family.required()[index] || random.nextInt(1000) < family.fillPermille();
      if (!fill) {
        continue;
      }
      int skipLocale = -2;
      for (int i = 0; i < dropped.length; i++) {
        if (dropped[i] == index) {
          skipLocale = droppedLocale[i];
        }
      }
      if (skipLocale == -1) {
        continue;
      }
      Words own = index == 1 ? words : words.vary(random);
      // Every locale of a channel draws the same choices, so that the texts translate each other.
      long slotSeed = random.nextLong();
      int before = values.length();
      values.append(values.isEmpty() ? "" : ",").append('"').append(attribute.code).append("\":[");
      int entries = 0;
      for (int c = 0; c < (attribute.scopable ? channels.size() : 1); c++) {
        Channel channel = attribute.scopable ? channels.get(c) : null;
        List<String> slotLocales =
            !attribute.localizable ? null : channel == null ? locales : channel.locales();
        int slots = slotLocales == null ? 1 : slotLocales.size();
        for (int s = 0; s < slots; s++) {
          String locale = slotLocales == null ? null : slotLocales.get(s);
          if (locale != null && skipLocale >= 0 && locale.equals(locales.get(skipLocale))) {
            continue;
          }
          int l = locale == null ? 0 : locales.indexOf(locale);
          String data =
              data(attribute, n, own, row, l, c, new SplittableRandom(mix64(slotSeed + c)));
          values
              .append(entries == 0 ? "" : ",")
              .append("{\"locale\":")
              .append(locale == null ? "null" : quote(locale))
              .append(",\"scope\":")
              .append(channel == null ? "null" : quote(channel.code()))
              .append(",\"data\":")
              .append(data)
              .append('}');
          entries++;
        }
      }
      if (entries == 0) {
        values.setLength(before);
        continue;
      }
      values.append(']');
      valueCount += entries;
      filled++;
    }
    return new Product(
        identifier(n),
        family,
        categoryCodes,
        enabled,
        dropped.length > 0,
        "{" + values + "}",
        valueCount,
        filled);
  }

  /** The JSON {@code data} of one value. */
  private String data(
      Attribute attribute,
      long n,
      Words words,
      CatalogVocabulary.Row row,
      int locale,
      int channel,
      SplittableRandom random) {
    Concept concept = attribute.concept;
    if (concept == NAME) {
      return quote(title(words, row, locale));
    } else if (concept == GTIN) {
      return quote(gtin(n));
    } else if (concept instanceof Text t) {
      return quote(fit(text(t, words, locale, channel, random), t.maxCharacters()));
    } else if (concept == DESCRIPTION) {
      return quote(description(words, row, locale, channel, random));
    } else if (concept instanceof Area a) {
      return quote(area(a, words, row, locale, random));
    } else if (concept == MANUFACTURER) {
      return quote(attribute.options.get(words.brand()).code());
    } else if (concept instanceof Select s) {
      return select(attribute, s, words, random);
    } else if (concept instanceof Numeric number) {
      int value = between(random, number.min(), number.max());
      return number.scale() == 0 ? Integer.toString(value) : quote(decimal(value, number.scale()));
    } else if (concept instanceof Metric m) {
      return metric(m, random);
    }
    return switch (attribute.type) {
      case PRICE -> price(random);
      case BOOLEAN -> Boolean.toString(random.nextBoolean());
      case DATE -> quote(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(16 * 365)).toString());
      default -> throw new IllegalStateException(attribute.code);
    };
  }

  private String title(Words w, CatalogVocabulary.Row row, int locale) {
    String colour = CatalogVocabulary.capitalise(CatalogVocabulary.COLOURS[w.colour()][locale]);
    if (row != null && locale == 0) {
      return fit(row.title() + " – " + colour, 120);
    }
    return fit(fill(CatalogVocabulary.TITLES[locale], w, locale), 120);
  }

  private static String text(Text t, Words w, int locale, int channel, SplittableRandom random) {
    return switch (t.kind()) {
      case PHRASE ->
          fill(
              CatalogVocabulary.PHRASES[(w.use() + channel) % CatalogVocabulary.PHRASES.length][
                  locale],
              w,
              locale);
      case KEYWORDS ->
          String.join(
              ", ",
              CatalogVocabulary.NOUNS[w.noun()][locale],
              CatalogVocabulary.MATERIALS[w.material()][locale],
              CatalogVocabulary.COLOURS[w.colour()][locale],
              CatalogVocabulary.ADJECTIVES[w.adjective()][locale],
              CatalogVocabulary.ADJECTIVES[w.adjective2()][locale]);
      case CODE ->
          String.format(
              Locale.ROOT,
              "%c%c%c-%04d-%c",
              (char) ('A' + random.nextInt(26)),
              (char) ('A' + random.nextInt(26)),
              (char) ('A' + random.nextInt(26)),
              random.nextInt(10_000),
              (char) ('A' + random.nextInt(26)));
      case PERSON ->
          CatalogVocabulary.FIRST_NAMES[random.nextInt(CatalogVocabulary.FIRST_NAMES.length)]
              + " "
              + CatalogVocabulary.LAST_NAMES[random.nextInt(CatalogVocabulary.LAST_NAMES.length)];
      case MODEL ->
          CatalogVocabulary.MODEL_NAMES[random.nextInt(CatalogVocabulary.MODEL_NAMES.length)]
              + " "
              + (100 + random.nextInt(900));
    };
  }

  /** The main description: rich text, long on the web shop and short in the app. */
  private String description(
      Words w, CatalogVocabulary.Row row, int locale, int channel, SplittableRandom random) {
    var html = new StringBuilder("<p>");
    html.append(escapeHtml(sentences(w, row, locale, channel == 0 ? 3 : 1, random)));
    html.append("</p>");
    if (channel == 0) {
      html.append("<ul>");
      for (int f : new int[] {w.feature(), w.feature2(), (w.feature() + 7) % FEATURE_COUNT}) {
        html.append("<li>").append(escapeHtml(withFeature(f, locale))).append("</li>");
      }
      html.append("</ul>");
    }
    return html.toString();
  }

  private String area(
      Area a, Words w, CatalogVocabulary.Row row, int locale, SplittableRandom random) {
    String plain =
        switch (a.kind()) {
          case SENTENCES, COPY ->
              sentences(w, row, locale, a.rich() ? 2 : 1 + random.nextInt(2), random);
          case CARE -> {
            int first = random.nextInt(CatalogVocabulary.CARE.length);
            int second =
                (first + 1 + random.nextInt(CatalogVocabulary.CARE.length - 1))
                    % CatalogVocabulary.CARE.length;
            yield CatalogVocabulary.CARE[first][locale]
                + " "
                + CatalogVocabulary.CARE[second][locale];
          }
          case FEATURES -> "";
          case COMPOSITION -> {
            int share = 50 + random.nextInt(46);
            int other = (w.material() + 1 + random.nextInt(8)) % CatalogVocabulary.MATERIALS.length;
            String percent = locale == 0 ? "% " : " % ";
            yield share
                + percent
                + CatalogVocabulary.MATERIALS[w.material()][locale]
                + ", "
                + (100 - share)
                + percent
                + CatalogVocabulary.MATERIALS[other][locale];
          }
          case WARRANTY ->
              CatalogVocabulary.WARRANTY[locale].replace(
                  "{n}", Integer.toString(1 + random.nextInt(5)));
          case DELIVERY ->
              CatalogVocabulary.DELIVERY[locale].replace(
                  "{n}", Integer.toString(1 + random.nextInt(10)));
        };
    if (!a.rich()) {
      return plain;
    }
    var html = new StringBuilder();
    if (!plain.isEmpty()) {
      html.append("<p>").append(escapeHtml(plain)).append("</p>");
    }
    if (a.kind() == AreaKind.FEATURES || a.kind() == AreaKind.COPY) {
      html.append("<ul>");
      int count = 3 + random.nextInt(3);
      int start = random.nextInt(FEATURE_COUNT);
      for (int i = 0; i < count; i++) {
        html.append("<li>")
            .append(escapeHtml(withFeature((start + i * 5) % FEATURE_COUNT, locale)))
            .append("</li>");
      }
      html.append("</ul>");
    }
    return html.toString();
  }

  /** {@code count} sentences: from the vocabulary row for English when there is one. */
  private static String sentences(
      Words w, CatalogVocabulary.Row row, int locale, int count, SplittableRandom random) {
    var text = new StringBuilder();
    if (row != null && locale == 0) {
      int start = random.nextInt(row.sentences().size());
      for (int i = 0; i < count && i < row.sentences().size(); i++) {
        text.append(text.isEmpty() ? "" : " ")
            .append(row.sentences().get((start + i) % row.sentences().size()));
      }
      return text.toString();
    }
    int start = random.nextInt(CatalogVocabulary.SENTENCES.length);
    for (int i = 0; i < count; i++) {
      String template =
          CatalogVocabulary.SENTENCES[(start + i * 3) % CatalogVocabulary.SENTENCES.length][locale];
      text.append(text.isEmpty() ? "" : " ").append(fill(template, w, locale));
    }
    return text.toString();
  }

  private static final int FEATURE_COUNT = CatalogVocabulary.FEATURES.length;

  private static String withFeature(int feature, int locale) {
    String with = new String[] {"With ", "Avec ", "Mit ", "Con "}[locale];
    return with + CatalogVocabulary.FEATURES[feature][locale];
  }

  /** Replaces {adj}, {Adj}, {adj2}, {material}, {noun}, {Noun}, {use}, {feature}, … */
  static String fill(String template, Words w, int locale) {
    var out = new StringBuilder(template.length() + 40);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      int close = c == '{' ? template.indexOf('}', i) : -1;
      if (close < 0) {
        out.append(c);
        i++;
        continue;
      }
      String key = template.substring(i + 1, close);
      boolean capital = Character.isUpperCase(key.charAt(0));
      String word =
          switch (key.toLowerCase(Locale.ROOT)) {
            case "adj" -> CatalogVocabulary.ADJECTIVES[w.adjective()][locale];
            case "adj2" -> CatalogVocabulary.ADJECTIVES[w.adjective2()][locale];
            case "material" -> CatalogVocabulary.MATERIALS[w.material()][locale];
            case "noun" -> CatalogVocabulary.NOUNS[w.noun()][locale];
            case "use" -> CatalogVocabulary.USES[w.use()][locale];
            case "feature" -> CatalogVocabulary.FEATURES[w.feature()][locale];
            case "feature2" -> CatalogVocabulary.FEATURES[w.feature2()][locale];
            case "colour" -> CatalogVocabulary.COLOURS[w.colour()][locale];
            case "brand" -> CatalogVocabulary.BRANDS[w.brand()];
            default -> throw new IllegalArgumentException(key);
          };
      out.append(capital ? CatalogVocabulary.capitalise(word) : word);
      i = close + 1;
    }
    String text = out.toString();
    return switch (locale) {
      // "a" before a vowel reads "an"
      case 0 -> text.replaceAll("\\b([Aa]) (?=[aeiouAEIOU])", "$1n ");
      // "d'" before a consonant reads "de "
      case 1 -> text.replaceAll("d'(?=[^aeiouhéAEIOUHÉ])", "de ");
      default -> text;
    };
  }

  private String select(Attribute attribute, Select s, Words w, SplittableRandom random) {
    List<Option> options = attribute.options;
    if (attribute.type == Type.SIMPLESELECT) {
      // The colour and material of the title, when the attribute has them as options.
      int wanted =
          s.source() == CatalogVocabulary.COLOURS
              ? w.colour()
              : s.source() == CatalogVocabulary.MATERIALS ? w.material() : -1;
      for (Option o : options) {
        if (o.row() == wanted) {
          return quote(o.code());
        }
      }
      return quote(options.get(random.nextInt(options.size())).code());
    }
    int count = 1 + random.nextInt(Math.min(4, options.size()));
    int start = random.nextInt(options.size());
    int step = 1 + random.nextInt(Math.max(1, options.size() - 1));
    var chosen = new ArrayList<String>();
    for (int i = 0; chosen.size() < count && i < options.size(); i++) {
      String code = options.get((start + i * step) % options.size()).code();
      if (!chosen.contains(code)) {
        chosen.add(code);
      }
    }
    var json = new StringBuilder("[");
    for (String code : chosen) {
      json.append(json.length() == 1 ? "" : ",").append(quote(code));
    }
    return json.append(']').toString();
  }

  private static String metric(Metric m, SplittableRandom random) {
    BigDecimal amount = BigDecimal.valueOf(between(random, m.min(), m.max()), m.scale());
    String unit = m.unit();
    if (m.altUnit() != null && random.nextInt(4) == 0) {
      amount = amount.multiply(new BigDecimal(m.altFactor()));
      unit = m.altUnit();
    }
    return "{\"amount\":"
        + quote(amount.stripTrailingZeros().toPlainString())
        + ",\"unit\":"
        + quote(unit)
        + "}";
  }

  /** USD and EUR, sorted by currency as the server writes them; most prices are small. */
  private static String price(SplittableRandom random) {
    int bucket = random.nextInt(100);
    long cents =
        bucket < 35
            ? between(random, 199, 1_999)
            : bucket < 70
                ? between(random, 2_000, 9_999)
                : bucket < 92 ? between(random, 10_000, 49_999) : between(random, 50_000, 199_999);
    cents = cents / 10 * 10 + (random.nextBoolean() ? 9 : 0);
    long euros = cents * 92 / 100;
    return "[{\"amount\":\""
        + decimal(euros, 2)
        + "\",\"currency\":\"EUR\"},{\"amount\":\""
        + decimal(cents, 2)
        + "\",\"currency\":\"USD\"}]";
  }

  /** A GS1 restricted-circulation EAN-13 (prefix 21) with a valid check digit. */
  static String gtin(long n) {
    String body = String.format(Locale.ROOT, "21%010d", n);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return body + (10 - sum % 10) % 10;
  }

  // ---------------------------------------------------------------- output

  /** Counts the manifest reports. */
  static final class Totals {
    long products;
    long disabled;
    long incomplete;
    long values;
    long filledAttributes;
    long familyAttributes;
  }

  /** Writes the catalog to {@code out}: schema, products (the first {@code limit}), manifest. */
  void write(Path out, long limit, boolean ndjson, boolean tsv) throws IOException {
    Files.createDirectories(out.resolve("schema"));
    List<String> files = new ArrayList<>();
    files.add(writeSchema(out, "01-locales.json", "/api/v1/locales/{code}", localesJson()));
    files.add(
        writeSchema(out, "02-currencies.json", "/api/v1/currencies/{code}", currenciesJson()));
    files.add(
        writeSchema(
            out, "03-attribute-groups.json", "/api/v1/attribute-groups/{code}", groupsJson()));
    files.add(
        writeSchema(out, "04-attributes.json", "/api/v1/attributes/{code}", attributesJson()));
    files.add(
        writeSchema(
            out,
            "05-attribute-options.json",
            "/api/v1/attributes/{attribute}/options/{code}",
            optionsJson()));
    files.add(
        writeSchema(out, "06-categories.json", "/api/v1/categories/{code}", categoriesJson()));
    files.add(writeSchema(out, "07-channels.json", "/api/v1/channels/{code}", channelsJson()));
    files.add(writeSchema(out, "08-families.json", "/api/v1/families/{code}", familiesJson()));

    var totals = new Totals();
    MessageDigest ndjsonDigest = sha256();
    MessageDigest tsvDigest = sha256();
    Path ndjsonPath = out.resolve("products.ndjson");
    Path tsvPath = out.resolve("products.tsv");
    Files.deleteIfExists(ndjsonPath);
    Files.deleteIfExists(tsvPath);
    try (Writer lines = ndjson ? writer(ndjsonPath, ndjsonDigest) : Writer.nullWriter();
        Writer rows = tsv ? writer(tsvPath, tsvDigest) : Writer.nullWriter()) {
      for (long n = 0; n < limit; n++) {
        Product p = product(n);
        if (ndjson) {
          lines.write(ndjson(p));
          lines.write('\n');
        }
        if (tsv) {
          rows.write(tsv(p));
          rows.write('\n');
        }
        totals.products++;
        totals.disabled += p.enabled() ? 0 : 1;
        totals.incomplete += p.incomplete() ? 1 : 0;
        totals.values += p.valueCount();
        totals.filledAttributes += p.filledAttributes();
        totals.familyAttributes += p.family().attributes().length;
        if (n % 1000 == 999) {
          lines.flush();
          rows.flush();
        }
        if (n % 100_000 == 99_999) {
          Runtime rt = Runtime.getRuntime();
          System.out.printf(
              Locale.ROOT,
              "  %,d products, heap %d MB used of %d MB%n",
              n + 1,
              (rt.totalMemory() - rt.freeMemory()) >> 20,
              rt.maxMemory() >> 20);
        }
      }
    }
    if (ndjson) {
      files.add(
          fileEntry(
              out,
              "products.ndjson",
              "PATCH /api/v1/products (application/x-ndjson, 1,000 lines a request)",
              totals.products,
              ndjsonDigest));
    }
    if (tsv) {
      files.add(
          fileEntry(
              out,
              "products.tsv",
              "COPY products (identifier, family, enabled, \"values\", categories) FROM ... (text format)",
              totals.products,
              tsvDigest));
    }
    Files.writeString(
        out.resolve("manifest.json"), manifest(limit, totals, files), StandardCharsets.UTF_8);
  }

  private static Writer writer(Path path, MessageDigest digest) throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(
            new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(path), 1 << 16), digest),
            StandardCharsets.UTF_8),
        1 << 16);
  }

  static String ndjson(Product p) {
    var line = new StringBuilder(p.values().length() + 200);
    line.append("{\"identifier\":")
        .append(quote(p.identifier()))
        .append(",\"family\":")
        .append(quote(p.family().code()))
        .append(",\"categories\":[");
    for (int i = 0; i < p.categories().size(); i++) {
      line.append(i == 0 ? "" : ",").append(quote(p.categories().get(i)));
    }
    return line.append("],\"enabled\":")
        .append(p.enabled())
        .append(",\"values\":")
        .append(p.values())
        .append('}')
        .toString();
  }

  /** A row of PostgreSQL's COPY text format: tab-separated, backslash escapes. */
  static String tsv(Product p) {
    return p.identifier()
        + '\t'
        + p.family().code()
        + '\t'
        + (p.enabled() ? 't' : 'f')
        + '\t'
        + copyEscape(p.values())
        + '\t'
        + "{"
        + String.join(",", p.categories())
        + "}";
  }

  static String copyEscape(String text) {
    if (text.indexOf('\\') < 0
        && text.indexOf('\t') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    var out = new StringBuilder(text.length() + text.length() / 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private String writeSchema(Path out, String name, String endpoint, List<String> items)
      throws IOException {
    var text = new StringBuilder("[\n");
    for (int i = 0; i < items.size(); i++) {
      text.append(items.get(i)).append(i + 1 < items.size() ? ",\n" : "\n");
    }
    text.append("]\n");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    Files.write(out.resolve("schema").resolve(name), bytes);
    MessageDigest digest = sha256();
    digest.update(bytes);
    return fileEntry(out, "schema/" + name, "PATCH " + endpoint, items.size(), digest);
  }

  private static String fileEntry(
      Path out, String path, String loadWith, long items, MessageDigest digest) throws IOException {
    return "{\"path\":"
        + quote(path)
        + ",\"load_with\":"
        + quote(loadWith)
        + ",\"items\":"
        + items
        + ",\"bytes\":"
        + Files.size(out.resolve(path))
        + ",\"sha256\":\""
        + HexFormat.of().formatHex(digest.digest())
        + "\"}";
  }

  private String manifest(long limit, Totals totals, List<String> files) {
    var types = new StringBuilder();
    int localizable = 0;
    int scopable = 0;
    int options = 0;
    for (Type type : Type.values()) {
      long count = attributes.stream().filter(a -> a.type == type && a.index > 0).count();
      types.append(types.isEmpty() ? "" : ",").append(quote(type.code)).append(':').append(count);
    }
    for (Attribute a : attributes) {
      localizable += a.localizable ? 1 : 0;
      scopable += a.scopable ? 1 : 0;
      options += a.options.size();
    }
    long filledPermille =
        totals.familyAttributes == 0 ? 0 : 1000 * totals.filledAttributes / totals.familyAttributes;
    return "{\n"
        + "  \"format\": 1,\n"
        + "  \"size\": "
        + quote(size.code())
        + ",\n  \"seed\": "
        + seed
        + ",\n  \"limit\": "
        + (limit == size.products ? "null" : Long.toString(limit))
        + ",\n  \"vocabulary\": "
        + vocabulary.description
        + ",\n  \"identifier_prefix\": "
        + quote(IDENTIFIER_PREFIX)
        + ",\n  \"identifier_attribute\": \"sku\""
        + ",\n  \"locales\": "
        + jsonArray(locales)
        + ",\n  \"currencies\": "
        + jsonArray(List.of(CURRENCIES))
        + ",\n  \"channels\": "
        + jsonArray(channels.stream().map(Channel::code).toList())
        + ",\n  \"counts\": {"
        + "\"attribute_groups\": "
        + groups.size()
        + ", \"attributes\": "
        + attributes.size()
        + ", \"attributes_by_type\": {\"identifier\":1,"
        + types
        + "}, \"localizable_attributes\": "
        + localizable
        + ", \"scopable_attributes\": "
        + scopable
        + ", \"attribute_options\": "
        + options
        + ", \"categories\": "
        + categories.size()
        + ", \"category_leaves\": "
        + (mainLeaves.length + mobileLeaves.length)
        + ", \"families\": "
        + families.size()
        + ", \"attributes_per_family\": "
        + size.attributesPerFamily
        + ", \"products\": "
        + totals.products
        + ", \"disabled_products\": "
        + totals.disabled
        + ", \"incomplete_products\": "
        + totals.incomplete
        + ", \"values\": "
        + totals.values
        + ", \"attributes_filled_percent\": "
        + quote(decimal(filledPermille, 1))
        + "},\n  \"tsv_columns\": [\"identifier\", \"family\", \"enabled\", \"values\", \"categories\"],"
        + "\n  \"files\": [\n    "
        + String.join(",\n    ", files)
        + "\n  ]\n}\n";
  }

  // ---------------------------------------------------------------- schema JSON

  private String labelsJson(String[] labels) {
    var json = new StringBuilder("{");
    for (int l = 0; l < locales.size(); l++) {
      json.append(l == 0 ? "" : ",")
          .append(quote(locales.get(l)))
          .append(':')
          .append(quote(labels[l]));
    }
    return json.append('}').toString();
  }

  private List<String> localesJson() {
    return locales.stream().map(l -> "{\"code\":" + quote(l) + "}").toList();
  }

  private List<String> currenciesJson() {
    return List.of(CURRENCIES).stream().map(c -> "{\"code\":" + quote(c) + "}").toList();
  }

  private List<String> groupsJson() {
    List<String> items = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      String[] group = groups.get(g);
      items.add(
          "{\"code\":"
              + quote(group[0])
              + ",\"labels\":"
              + labelsJson(Arrays.copyOfRange(group, 2, 6))
              + ",\"sort_order\":"
              + (g + 1)
              + "}");
    }
    return items;
  }

  /** Every attribute but the identifier, which the server already has. */
  private List<String> attributesJson() {
    List<String> items = new ArrayList<>();
    for (Attribute a : attributes.subList(1, attributes.size())) {
      String[] labels = a.concept.labels().clone();
      if (a.index > 6) {
        for (int l = 0; l < labels.length; l++) {
          labels[l] = labels[l] + " " + a.index;
        }
      }
      var json =
          new StringBuilder("{\"code\":")
              .append(quote(a.code))
              .append(",\"type\":")
              .append(quote(a.type.code))
              .append(",\"group\":")
              .append(quote(a.group))
              .append(",\"labels\":")
              .append(labelsJson(labels))
              .append(",\"localizable\":")
              .append(a.localizable)
              .append(",\"scopable\":")
              .append(a.scopable)
              .append(",\"sort_order\":")
              .append(a.index);
      Concept concept = a.concept;
      if (concept == GTIN) {
        json.append(",\"max_characters\":13,\"validation_rule\":\"regexp\"")
            .append(",\"validation_regexp\":\"^\\\\d{13}$\",\"unique\":true,\"gtin\":true");
      } else if (concept instanceof Text t) {
        json.append(",\"max_characters\":").append(t.maxCharacters());
      } else if (concept instanceof Area area) {
        json.append(",\"max_characters\":")
            .append(area.rich() ? 5000 : 1000)
            .append(",\"rich_text\":")
            .append(area.rich());
      } else if (concept instanceof Numeric n) {
        json.append(",\"decimals_allowed\":")
            .append(n.scale() > 0)
            .append(",\"negative_allowed\":false,\"number_min\":")
            .append(quote(decimal(n.min(), n.scale())))
            .append(",\"number_max\":")
            .append(quote(decimal(n.max(), n.scale())));
      } else if (concept instanceof Metric m) {
        json.append(",\"metric_family\":")
            .append(quote(m.family()))
            .append(",\"default_metric_unit\":")
            .append(quote(m.unit()))
            .append(",\"decimals_allowed\":true,\"negative_allowed\":false,\"number_min\":\"0\"");
      } else if (a.type == Type.PRICE) {
        json.append(",\"decimals_allowed\":true,\"number_min\":\"0\"");
      } else if (a.type == Type.DATE) {
        json.append(",\"date_min\":\"2000-01-01\",\"date_max\":\"2035-12-31\"");
      }
      items.add(json.append('}').toString());
    }
    return items;
  }

  private List<String> optionsJson() {
    List<String> items = new ArrayList<>();
    for (Attribute a : attributes) {
      for (int i = 0; i < a.options.size(); i++) {
        Option o = a.options.get(i);
        items.add(
            "{\"attribute\":"
                + quote(a.code)
                + ",\"code\":"
                + quote(o.code())
                + ",\"labels\":"
                + labelsJson(o.labels())
                + ",\"sort_order\":"
                + (i + 1)
                + "}");
      }
    }
    return items;
  }

  private List<String> categoriesJson() {
    return categories.stream()
        .map(
            c ->
                "{\"code\":"
                    + quote(c.code())
                    + ",\"parent\":"
                    + (c.parent() == null ? "null" : quote(c.parent()))
                    + ",\"labels\":"
                    + labelsJson(c.labels())
                    + "}")
        .toList();
  }

  private List<String> channelsJson() {
    return channels.stream()
        .map(
            c ->
                "{\"code\":"
                    + quote(c.code())
                    + ",\"labels\":"
                    + labelsJson(c.labels())
                    + ",\"locales\":"
                    + jsonArray(c.locales())
                    + ",\"currencies\":"
                    + jsonArray(List.of(CURRENCIES))
                    + ",\"category_tree\":"
                    + quote(c.tree())
                    + ",\"conversion_units\":"
                    + (c.code().equals("mobile") ? "{\"net_weight\":\"GRAM\"}" : "{}")
                    + "}")
        .toList();
  }

  private List<String> familiesJson() {
    List<String> items = new ArrayList<>();
    for (Family f : families) {
      List<String> codes = new ArrayList<>();
      codes.add("sku");
      for (int a : f.attributes()) {
        codes.add(attributes.get(a).code);
      }
      items.add(
          "{\"code\":"
              + quote(f.code())
              + ",\"labels\":"
              + labelsJson(f.labels())
              + ",\"attributes\":"
              + jsonArray(codes)
              + ",\"attribute_as_label\":\"name\""
              + ",\"attribute_requirements\":{\"ecommerce\":"
              + jsonArray(requirement(f.ecommerce()))
              + ",\"mobile\":"
              + jsonArray(requirement(f.mobile()))
              + "}}");
    }
    return items;
  }

  private List<String> requirement(int[] indexes) {
    List<String> codes = new ArrayList<>();
    codes.add("sku");
    for (int a : indexes) {
      codes.add(attributes.get(a).code);
    }
    return codes;
  }

  // ---------------------------------------------------------------- helpers

  static String quote(String text) {
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c >= 0x20 && c != '"' && c != '\\';
    }
    if (plain) {
      return '"' + text + '"';
    }
    var out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  static String jsonArray(List<String> items) {
    var json = new StringBuilder("[");
    for (int i = 0; i < items.size(); i++) {
      json.append(i == 0 ? "" : ",").append(quote(items.get(i)));
    }
    return json.append(']').toString();
  }

  static String escapeHtml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static String fit(String text, int max) {
    return CatalogVocabulary.fit(text, max);
  }

  static String decimal(long unscaled, int scale) {
    return BigDecimal.valueOf(unscaled, scale).toPlainString();
  }

  static int between(SplittableRandom random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  static String[] capitalised(String[] words) {
    String[] out = new String[words.length];
    for (int i = 0; i < words.length; i++) {
      out[i] = CatalogVocabulary.capitalise(words[i]);
    }
    return out;
  }

  static String[][] same(String[] names) {
    String[][] rows = new String[names.length][];
    for (int i = 0; i < names.length; i++) {
      rows[i] = new String[] {names[i], names[i], names[i], names[i]};
    }
    return rows;
  }

  static int[] permutation(int size, SplittableRandom random) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  static <T> void shuffle(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  static int[] ints(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Stafford's variant 13 of the 64-bit finaliser: spreads nearby seeds far apart. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    Size size = Size.SMALL;
    long seed = DEFAULT_SEED;
    Path out = null;
    Path vocabularyFile = null;
    long limit = -1;
    String formats = "ndjson,tsv";
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--size" -> size = Size.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--vocabulary" -> vocabularyFile = Path.of(args[i + 1]);
        case "--limit" -> limit = Long.parseLong(args[i + 1]);
        case "--formats" -> formats = args[i + 1];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (out == null) {
      out = Path.of("target", "bench", "catalog-" + size.code());
    }
    limit = limit < 0 ? size.products : Math.min(limit, size.products);
    List<String> wanted = List.of(formats.split(","));
    long started = System.nanoTime();
    CatalogVocabulary vocabulary =
        vocabularyFile == null
            ? CatalogVocabulary.builtIn()
            : CatalogVocabulary.flipkart(vocabularyFile);
    var generator = new CatalogGenerator(size, seed, vocabulary);
    System.out.printf(
        Locale.ROOT,
        "Generating %s (seed %d, %,d of %,d products) into %s; vocabulary %s%n",
        size.code(),
        seed,
        limit,
        size.products,
        out,
        vocabulary.description);
    generator.write(out, limit, wanted.contains("ndjson"), wanted.contains("tsv"));
    double seconds = (System.nanoTime() - started) / 1e9;
    long bytes = 0;
    try (var files = Files.walk(out)) {
      for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        bytes += Files.size(p);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "Wrote %,d products in %.1f s (%,.0f products/s), %,d MB; see %s%n",
        limit,
        seconds,
        limit / seconds,
        bytes >> 20,
        out.resolve("manifest.json"));
  }
}
