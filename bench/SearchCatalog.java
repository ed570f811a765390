import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A deterministic apparel catalog for search benchmarks, on the sample catalog's schema: product n
 * is always the same product. Titles combine an adjective, a fabric and a garment from parallel
 * English and French vocabularies, so a one-word query matches about 1 product in 30 and a two-word
 * query about 1 in 450 to 900, as in a real shop.
 */
final class SearchCatalog {

  static final String[][] GARMENTS = {
    {"tee", "t-shirt"},
    {"shirt", "chemise"},
    {"polo", "polo"},
    {"hoodie", "sweat"},
    {"sweater", "pull"},
    {"cardigan", "cardigan"},
    {"jacket", "veste"},
    {"parka", "parka"},
    {"coat", "manteau"},
    {"vest", "gilet"},
    {"dress", "robe"},
    {"skirt", "jupe"},
    {"shorts", "short"},
    {"trousers", "pantalon"},
    {"chinos", "chino"},
    {"jeans", "jean"},
    {"leggings", "legging"},
    {"joggers", "jogging"},
    {"blouse", "blouse"},
    {"tunic", "tunique"},
    {"beanie", "bonnet"},
    {"scarf", "écharpe"},
    {"gloves", "gants"},
    {"socks", "chaussettes"},
    {"cap", "casquette"},
    {"blazer", "blazer"},
    {"overshirt", "surchemise"},
    {"pyjamas", "pyjama"},
    {"bathrobe", "peignoir"},
    {"swimsuit", "maillot"}
  };
  static final String[][] ADJECTIVES = {
    {"classic", "classique"},
    {"essential", "essentiel"},
    {"relaxed", "décontracté"},
    {"slim", "ajusté"},
    {"oversized", "ample"},
    {"cropped", "court"},
    {"lightweight", "léger"},
    {"heavyweight", "épais"},
    {"organic", "bio"},
    {"recycled", "recyclé"},
    {"vintage", "vintage"},
    {"everyday", "quotidien"},
    {"premium", "premium"},
    {"soft", "doux"},
    {"warm", "chaud"},
    {"breathable", "respirant"},
    {"waterproof", "imperméable"},
    {"striped", "rayé"},
    {"plain", "uni"},
    {"ribbed", "côtelé"},
    {"quilted", "matelassé"},
    {"brushed", "gratté"},
    {"washed", "délavé"},
    {"tailored", "cintré"},
    {"knitted", "tricoté"},
    {"padded", "rembourré"},
    {"hooded", "capuche"},
    {"zipped", "zippé"},
    {"sleeveless", "débardeur"},
    {"thermal", "thermique"}
  };
  static final String[][] FABRICS = {
    {"cotton", "coton"}, {"linen", "lin"}, {"wool", "laine"}, {"merino", "mérinos"},
    {"denim", "denim"}, {"fleece", "polaire"}, {"jersey", "jersey"}, {"twill", "sergé"},
    {"corduroy", "velours"}, {"canvas", "toile"}, {"velvet", "velours"}, {"cashmere", "cachemire"},
    {"silk", "soie"}, {"flannel", "flanelle"}, {"poplin", "popeline"}
  };
  static final String[] OCCASIONS = {
    "everyday wear",
    "weekends",
    "the office",
    "travel",
    "hiking",
    "the city",
    "layering",
    "lounging",
    "cold mornings",
    "summer evenings"
  };
  static final String[] FEATURES = {
    "a ribbed collar",
    "flat seams",
    "reinforced cuffs",
    "a two-way zip",
    "side pockets",
    "a brushed lining",
    "a curved hem",
    "taped shoulders",
    "a dropped shoulder",
    "adjustable straps",
    "a chest pocket",
    "contrast stitching"
  };
  static final String[] COLORS = {
    "navy",
    "white",
    "heather_grey",
    "black",
    "coral",
    "sand",
    "forest_green",
    "charcoal",
    "sage",
    "burgundy",
    "mustard",
    "cream",
    "sky_blue",
    "terracotta",
    "chestnut",
    "natural"
  };
  static final String[] SIZES = {"xs", "s", "m", "l", "xl", "xxl"};
  static final String[][] BRANDS = {
    {"tidewater_basics", "Tidewater Basics"},
    {"fernhollow", "Fernhollow"},
    {"stridewell", "Stridewell"},
    {"altavira", "Altavira"},
    {"maison_argile", "Maison Argile"},
    {"quill_kiln", "Quill & Kiln"},
    {"halden_home", "Halden Home"},
    {"lumen_oak", "Lumen Oak"}
  };
  static final String[] MATERIALS = {
    "organic_cotton", "cotton", "linen", "merino_wool", "recycled_polyester", "polyamide"
  };
  static final String[] GENDERS = {"men", "women", "unisex"};

  /** The leaf categories products go to, with their ancestors in the sample tree. */
  static final String[][] CATEGORIES = {
    {"men_t_shirts", "master", "apparel", "men"},
    {"men_hoodies", "master", "apparel", "men"},
    {"men_jackets", "master", "apparel", "men"},
    {"women_t_shirts", "master", "apparel", "women"},
    {"women_hoodies", "master", "apparel", "women"},
    {"women_knitwear", "master", "apparel", "women"},
    {"beanies", "master", "apparel", "accessories"},
    {"socks", "master", "apparel", "accessories"}
  };

  /** Product n, drawn from its own seeded stream so that any n can be made alone. */
  record Product(
      long n,
      String identifier,
      String nameEn,
      String nameFr,
      String shortEn,
      String color,
      String size,
      int brand,
      String material,
      String gender,
      int[] categories,
      String priceUsd,
      String priceEur) {}

  private SearchCatalog() {}

  static String identifier(long n) {
    return String.format(Locale.ROOT, "SRCH-%08d", n);
  }

  static Product product(long n) {
    var random = new SplittableRandom(0x5EA4C4L * 31 + n);
    int garment = random.nextInt(GARMENTS.length);
    int adjective = random.nextInt(ADJECTIVES.length);
    int fabric = random.nextInt(FABRICS.length);
    String nameEn =
        capitalise(ADJECTIVES[adjective][0])
            + " "
            + FABRICS[fabric][0]
            + " "
            + GARMENTS[garment][0];
    String nameFr =
        capitalise(GARMENTS[garment][1])
            + " "
            + ADJECTIVES[adjective][1]
            + " en "
            + FABRICS[fabric][1];
    String shortEn =
        "A "
            + ADJECTIVES[random.nextInt(ADJECTIVES.length)][0]
            + " "
            + GARMENTS[garment][0]
            + " for "
            + OCCASIONS[random.nextInt(OCCASIONS.length)]
            + ", with "
            + FEATURES[random.nextInt(FEATURES.length)]
            + " and "
            + FEATURES[random.nextInt(FEATURES.length)]
            + ".";
    int first = random.nextInt(CATEGORIES.length);
    int[] categories =
        random.nextInt(3) == 0
            ? new int[] {
              first, (first + 1 + random.nextInt(CATEGORIES.length - 1)) % CATEGORIES.length
            }
            : new int[] {first};
    int cents = 990 + random.nextInt(20_000);
    return new Product(
        n,
        identifier(n),
        nameEn,
        nameFr,
        shortEn,
        COLORS[random.nextInt(COLORS.length)],
        SIZES[random.nextInt(SIZES.length)],
        random.nextInt(BRANDS.length),
        MATERIALS[random.nextInt(MATERIALS.length)],
        GENDERS[random.nextInt(GENDERS.length)],
        categories,
        money(cents),
        money(cents * 92 / 100));
  }

  /** The product as one line of the bulk API. */
  static String json(Product p) {
    var categories = new StringBuilder();
    for (int c : p.categories()) {
      categories
          .append(categories.isEmpty() ? "" : ",")
          .append('"')
          .append(CATEGORIES[c][0])
          .append('"');
    }
    return "{\"identifier\":\""
        + p.identifier()
        + "\",\"family\":\"apparel\",\"categories\":["
        + categories
        + "],\"values\":{"
        + "\"name\":[{\"locale\":\"en_US\",\"scope\":null,\"data\":\""
        + p.nameEn()
        + "\"},{\"locale\":\"fr_FR\",\"scope\":null,\"data\":\""
        + p.nameFr()
        + "\"}],"
        + "\"short_description\":[{\"locale\":\"en_US\",\"scope\":null,\"data\":\""
        + p.shortEn()
        + "\"}],"
        + value("color", "\"" + p.color() + "\"")
        + ","
        + value("size", "\"" + p.size() + "\"")
        + ","
        + value("brand", "\"" + BRANDS[p.brand()][0] + "\"")
        + ","
        + value("gender", "\"" + p.gender() + "\"")
        + ","
        + value("material", "[\"" + p.material() + "\"]")
        + ","
        + value(
            "price",
            "[{\"amount\":\""
                + p.priceUsd()
                + "\",\"currency\":\"USD\"},{\"amount\":\""
                + p.priceEur()
                + "\",\"currency\":\"EUR\"}]")
        + "}}";
  }

  /** Every category code of the product with its ancestors, without repeats. */
  static java.util.Set<String> categoryPaths(Product p) {
    var paths = new java.util.TreeSet<String>();
    for (int c : p.categories()) {
      paths.addAll(java.util.List.of(CATEGORIES[c]));
    }
    return paths;
  }

  private static String value(String attribute, String data) {
    return "\"" + attribute + "\":[{\"locale\":null,\"scope\":null,\"data\":" + data + "}]";
  }

  private static String money(int cents) {
    return String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100);
  }

  private static String capitalise(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }
}
