import java.io.BufferedReader;
import java.io.Reader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;

/**
 * Search speed on a generated catalog, against PostgreSQL full-text search on the same data in the
 * same run (issue 8: text + two filters + three facets; target ≥ 10× PostgreSQL, median ≤ 10 ms and
 * p99 ≤ 50 ms at 1 M products).
 *
 * <p>Loads the {@link CatalogGenerator} catalog of --size ({@code small} 5,000, {@code medium}
 * 50,000, {@code large} 1,000,000 products; made into {@code target/bench/catalog-<size>} on first
 * use) into a fresh Vitrine (H2) with {@link GeneratedCatalogLoader}, and waits until it is
 * indexed. Loads the same {@code products.tsv} with {@code COPY} into PostgreSQL ({@code --pg-url},
 * or an embedded PostgreSQL started for the run; database {@code vitrine_search}), then builds what
 * a team without a search engine would: a weighted {@code tsvector} of the texts Vitrine's {@code
 * q} searches in the locale (the identifier and name, other text values, option labels, textarea
 * values), a GIN index on it, generated columns with B-tree indexes for the two filtered attributes
 * and the faceted select, and the categories with their ancestors under a GIN index.
 *
 * <p>Each query, the same on both sides: one or two words of a product name of the catalog (the
 * last one also as a prefix, as Vitrine's as-you-type does), {@code manufacturer} IN 3 brands (that
 * product's and two others), {@code list_price} in USD between two bounds (a band holding that
 * product's price); facets {@code manufacturer} (drill-sideways: without its own filter), {@code
 * categories} (products in a category or below) and the simple select most products have; the
 * count, and 20 products by relevance. PostgreSQL answers in one statement: the matches of the text
 * and the price once (a materialised CTE), then the page with its products' values, the count and
 * the three facets. A query word is one both engines find the same catalog products for, whole and
 * as a prefix ({@link QueryWords}: Lucene's English analyzer and PostgreSQL's {@code english}
 * configuration stem a few words differently; those are left out and printed). Before measuring,
 * the counts and facets of the first 20 queries are compared on both sides and printed.
 *
 * <ol>
 *   <li>latency, one client at a time: Vitrine server-side (from its Server-Timing header) and
 *       round trip; PostgreSQL the statement on loopback;
 *   <li>throughput with --clients concurrent clients for --seconds each;
 *   <li>write visibility for --write-seconds: while two clients bulk-write new products (generated
 *       products with new identifiers and GTINs), a probe renames a product to a new word and
 *       searches that word at once; the time from the write's answer to the search answer that
 *       contains the product.
 * </ol>
 *
 * <p>{@code --smoke} bounds a run for CI: 20 queries, one warm-up round, {@code --seconds 3} and
 * {@code --write-seconds 3} (options given explicitly still win). Figures go to {@code
 * bench/results/search-<size>.json}.
 *
 * <pre>
 *   bench/run.sh SearchBench --size large [--pg-url jdbc:postgresql://localhost:5432/postgres]
 *   bench/run.sh SearchBench --size small --smoke
 * </pre>
 */
public class SearchBench {

  static String size = "small";
  static int clients = 4;
  static int seconds = 20;
  static int queries = 200;
  static int warmUps = 2;
  static int writeSeconds = 30;
  static int port = 8097;
  static String pgUrl;
  static String pgUser = "postgres";
  static String pgPassword = "postgres";

  /** Queries whose counts and facets are compared before measuring. */
  static final int CHECKED = 20;

  /** Product lines read for query words and write templates: the first of the catalog. */
  static final int SAMPLED = 20_000;

  /** USD price bands a query filters on, each holding its source product's price. */
  static final int[][] PRICE_BANDS = {
    {0, 20}, {10, 50}, {20, 100}, {50, 250}, {100, 500}, {250, 2000}
  };

  static BenchServer server;
  static String searchUrl;
  static String locale;
  static String identifierPrefix;
  static long products;

  /** The third facet: the simple select most products have a value for. */
  static String facetSelect;

  record Query(String text, List<String> brands, int low, int high) {

    String path() {
      String search =
          "{\"manufacturer\":[{\"operator\":\"IN\",\"value\":"
              + quoted(brands)
              + "}],\"list_price\":[{\"operator\":\"BETWEEN\",\"value\":[{\"amount\":"
              + low
              + ",\"currency\":\"USD\"},{\"amount\":"
              + high
              + ",\"currency\":\"USD\"}]}]}";
      return "/api/v1/products?limit=20&with_count=true&locale="
          + locale
          + "&facets=manufacturer,categories,"
          + facetSelect
          + "&q="
          + URLEncoder.encode(text, StandardCharsets.UTF_8)
          + "&search="
          + URLEncoder.encode(search, StandardCharsets.UTF_8);
    }

    /** Every word must match; the last one also as a prefix, as Vitrine's as-you-type does. */
    String tsquery() {
      String[] words = text.split(" ");
      words[words.length - 1] = words[words.length - 1] + ":*";
      return String.join(" & ", words);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT, "'%s', manufacturer IN %s, USD %d–%d", text, brands, low, high);
    }

    private static String quoted(List<String> values) {
      return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(" ", "");
    }
  }

  /** A timed search: server-side parts (ms, Vitrine only) and the round trip. */
  record Timing(double serverSearch, double serverTotal, double roundTrip) {}

  /** What a search found: the count, and each facet's counts by value. */
  record Answer(long count, Map<String, Map<String, Long>> facets) {}

  /** The write-visibility probes (ms) and the bulk writes that ran meanwhile. */
  record Visibility(List<Double> ms, double productsPerSecond) {}

  /** A catalog product a query is made from. */
  record Source(String name, String manufacturer, Double priceUsd) {}

  public static void main(String[] args) throws Exception {
    options(args);
    Path catalog = ImportBench.generated(size);
    String manifest = Files.readString(catalog.resolve("manifest.json"));
    products = GeneratedCatalogLoader.manifestNumber(manifest, "products");
    locale = firstLocale(manifest);
    identifierPrefix = GeneratedCatalogLoader.manifestString(manifest, "identifier_prefix");
    try (BenchPostgres postgres = BenchPostgres.of(pgUrl, pgUser, pgPassword)) {
      server = BenchServer.start(port, "3g", null, null, null);
      boolean done = false;
      try {
        double vitrineLoad = loadVitrine(catalog);
        searchUrl = postgres.freshDatabase("vitrine_search");
        try (Connection pg = connect(postgres)) {
          double pgLoad = loadPostgres(pg, catalog);
          run(args, postgres, pg, catalog, vitrineLoad, pgLoad);
        }
        done = true;
      } finally {
        server.close();
        if (done) {
          GeneratedCatalogLoader.deleteTree(server.data);
        } else {
          System.out.println("The server's data directory is " + server.data);
        }
      }
    }
  }

  static void options(String[] args) {
    if (List.of(args).contains("--smoke")) {
      queries = 20;
      warmUps = 1;
      seconds = 3;
      writeSeconds = 3;
    }
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--smoke" -> {
          // applied above, so that options given with it win whatever their order
        }
        case "--size" -> size = args[++i];
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--queries" -> queries = Integer.parseInt(args[++i]);
        case "--write-seconds" -> writeSeconds = Integer.parseInt(args[++i]);
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--pg-url" -> pgUrl = args[++i];
        case "--pg-user" -> pgUser = args[++i];
        case "--pg-password" -> pgPassword = args[++i];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    if (!List.of("small", "medium", "large").contains(size)) {
      throw new IllegalArgumentException("--size is small, medium or large, not " + size);
    }
  }

  static void run(
      String[] args,
      BenchPostgres postgres,
      Connection pg,
      Path catalog,
      double vitrineLoad,
      double pgLoad)
      throws Exception {
    List<String> lines = sampleLines(catalog.resolve("products.ndjson"));
    var vocabulary = new QueryWords(pg, lines);
    List<Query> set = querySet(vocabulary, lines, brands(catalog), queries);
    System.out.println(
        "Words left out of queries (Vitrine/PostgreSQL counts): " + vocabulary.leftOut);
    System.out.println("Facets: manufacturer, categories, " + facetSelect + "; e.g. " + set.get(0));
    System.out.println("Warming up both");
    for (int round = 0; round < warmUps; round++) {
      for (Query q : set) {
        vitrine(q);
        postgres(pg, q);
      }
    }
    Agreement agreement =
        compare(pg, set.subList(0, Math.min(CHECKED, set.size())), vocabulary.leftOut);

    List<Timing> vitrineTimes = new ArrayList<>();
    List<Double> pgTimes = new ArrayList<>();
    for (Query q : set) {
      vitrineTimes.add(vitrine(q));
      long start = System.nanoTime();
      postgres(pg, q);
      pgTimes.add((System.nanoTime() - start) / 1e6);
    }
    Load.Result vitrineQps =
        Load.run("Vitrine search", clients, seconds, i -> vitrine(pick(set, i)), "req/s", 1);
    Load.Result pgQps = postgresThroughput(postgres, set);
    Visibility visible = writeVisibility(lines);
    double[] loads = {vitrineLoad, pgLoad};
    report(args, postgres, vitrineTimes, pgTimes, vitrineQps, pgQps, visible, agreement, loads);
  }

  private static Query pick(List<Query> set, int i) {
    return set.get(Math.floorMod(i * 7919 + Thread.currentThread().hashCode(), set.size()));
  }

  static Connection connect(BenchPostgres postgres) throws SQLException {
    return DriverManager.getConnection(searchUrl, postgres.user, postgres.password);
  }

  static String firstLocale(String manifest) {
    Matcher found = Pattern.compile("\"locales\": \\[\"([^\"]+)\"").matcher(manifest);
    if (!found.find()) {
      throw new IllegalArgumentException("The manifest has no locales");
    }
    return found.group(1);
  }

  // ---------------------------------------------------------------- loading

  /** Seconds to load the catalog into Vitrine and have it all indexed. */
  static double loadVitrine(Path catalog) throws Exception {
    long start = System.nanoTime();
    GeneratedCatalogLoader.load(server, catalog);
    // The benchmark measures searches, not catching up: wait until the index has everything.
    server.awaitIndexed();
    double loaded = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "Vitrine: %s catalog (%,d products) loaded and indexed in %.0f s%n",
        size,
        products,
        loaded);
    return loaded;
  }

  /**
   * Seconds to load the catalog into PostgreSQL: the schema the documents need (attribute types,
   * option labels, category parents), the products by COPY, then the search table and its indexes.
   */
  static double loadPostgres(Connection pg, Path catalog) throws Exception {
    long start = System.nanoTime();
    try (Statement sql = pg.createStatement()) {
      loadSchema(pg, sql, catalog.resolve("schema"));
      sql.execute(
          "CREATE TABLE product_row (identifier text PRIMARY KEY, family text NOT NULL,"
              + " enabled boolean NOT NULL, \"values\" jsonb NOT NULL,"
              + " categories text[] NOT NULL)");
      long rows = copy(pg, catalog.resolve("products.tsv"));
      facetSelect = commonSelect(sql);
      createSearchTable(sql);
      try (PreparedStatement fill =
          pg.prepareStatement(
              "INSERT INTO search_product (identifier, family, enabled, \"values\", categories,"
                  + " category_paths, document)"
                  + " SELECT identifier, family, enabled, \"values\", categories,"
                  + " ARRAY(SELECT DISTINCT path.ancestor FROM unnest(categories) c"
                  + "   JOIN search_category_path path ON path.category = c),"
                  + " search_document(identifier, \"values\", ?)"
                  + " FROM product_row")) {
        fill.setString(1, locale);
        fill.executeUpdate();
      }
      sql.execute("DROP TABLE product_row");
      sql.execute("CREATE INDEX search_product_document ON search_product USING gin (document)");
      sql.execute("CREATE INDEX search_product_manufacturer ON search_product (manufacturer)");
      sql.execute("CREATE INDEX search_product_price_usd ON search_product (price_usd)");
      sql.execute(
          "CREATE INDEX search_product_facet_select ON search_product (" + facetSelect + ")");
      sql.execute(
          "CREATE INDEX search_product_categories ON search_product USING gin (category_paths)");
      sql.execute("VACUUM ANALYZE search_product");
      double loaded = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT, "PostgreSQL: %,d products loaded and indexed in %.0f s%n", rows, loaded);
      return loaded;
    }
  }

  /** Attribute types, option labels in the locale and category paths, from the schema files. */
  static void loadSchema(Connection pg, Statement sql, Path schema) throws Exception {
    sql.execute(
        "CREATE TABLE search_attribute (code text PRIMARY KEY, type text NOT NULL,"
            + " scopable boolean NOT NULL)");
    sql.execute(
        "CREATE TABLE search_option (attribute text, code text, label text,"
            + " PRIMARY KEY (attribute, code))");
    sql.execute("CREATE TABLE search_category (code text PRIMARY KEY, parent text)");
    insertJson(
        pg,
        "INSERT INTO search_attribute SELECT a->>'code', a->>'type', (a->>'scopable')::boolean"
            + " FROM jsonb_array_elements(?::jsonb) a",
        schema.resolve("04-attributes.json"));
    insertJson(
        pg,
        "INSERT INTO search_option SELECT o->>'attribute', o->>'code', o->'labels'->>?"
            + " FROM jsonb_array_elements(?::jsonb) o",
        schema.resolve("05-attribute-options.json"),
        locale);
    insertJson(
        pg,
        "INSERT INTO search_category SELECT c->>'code', c->>'parent'"
            + " FROM jsonb_array_elements(?::jsonb) c",
        schema.resolve("06-categories.json"));
    sql.execute(
        """
        CREATE TABLE search_category_path AS
          WITH RECURSIVE up (category, ancestor) AS (
            SELECT code, code FROM search_category
            UNION ALL
            SELECT up.category, c.parent FROM up JOIN search_category c ON c.code = up.ancestor
            WHERE c.parent IS NOT NULL)
          SELECT * FROM up
        """);
    sql.execute("CREATE INDEX search_category_path_category ON search_category_path (category)");
    sql.execute(searchDocumentFunction());
  }

  /** Runs {@code insert} with {@code before} as its first parameters, then the file's JSON. */
  private static void insertJson(Connection pg, String insert, Path file, String... before)
      throws Exception {
    try (PreparedStatement statement = pg.prepareStatement(insert)) {
      for (int i = 0; i < before.length; i++) {
        statement.setString(i + 1, before[i]);
      }
      statement.setString(before.length + 1, Files.readString(file));
      statement.executeUpdate();
    }
  }

  /**
   * The texts Vitrine's {@code q} searches in a locale, as one weighted document: identifier and
   * name (A), the other text values (B), the labels of the options held (C), textarea values (D;
   * PostgreSQL's parser skips their HTML tags). Values without a locale count in every locale.
   */
  static String searchDocumentFunction() {
    return """
        CREATE FUNCTION search_document(product text, product_values jsonb, search_locale text)
        RETURNS tsvector LANGUAGE sql STABLE AS $$
          SELECT setweight(to_tsvector('english', product || ' '
                   || coalesce(string_agg(text, ' ') FILTER (WHERE weight = 'A'), '')), 'A')
              || setweight(to_tsvector('english',
                   coalesce(string_agg(text, ' ') FILTER (WHERE weight = 'B'), '')), 'B')
              || setweight(to_tsvector('english',
                   coalesce(string_agg(text, ' ') FILTER (WHERE weight = 'C'), '')), 'C')
              || setweight(to_tsvector('english',
                   coalesce(string_agg(text, ' ') FILTER (WHERE weight = 'D'), '')), 'D')
          FROM (
            SELECT CASE WHEN a.code = 'name' THEN 'A' WHEN a.type = 'text' THEN 'B' ELSE 'D' END
                     AS weight,
                   slot->>'data' AS text
            FROM jsonb_each(product_values) v
            JOIN search_attribute a ON a.code = v.key
            CROSS JOIN jsonb_array_elements(v.value) slot
            WHERE a.type IN ('text', 'textarea')
              AND coalesce(slot->>'locale', search_locale) = search_locale
            UNION ALL
            SELECT 'C', o.label
            FROM jsonb_each(product_values) v
            JOIN search_attribute a ON a.code = v.key
            CROSS JOIN jsonb_array_elements(v.value) slot
            CROSS JOIN jsonb_array_elements_text(
              CASE jsonb_typeof(slot->'data') WHEN 'array' THEN slot->'data'
                ELSE jsonb_build_array(slot->'data') END) option_code
            JOIN search_option o ON o.attribute = a.code AND o.code = option_code
            WHERE a.type IN ('simpleselect', 'multiselect')
              AND coalesce(slot->>'locale', search_locale) = search_locale) texts
        $$
        """;
  }

  /** Rows copied from the catalog's TSV into {@code product_row}. */
  static long copy(Connection pg, Path tsv) throws Exception {
    try (Reader reader = Files.newBufferedReader(tsv, StandardCharsets.UTF_8)) {
      return ((PGConnection) pg).getCopyAPI().copyIn("COPY product_row FROM STDIN", reader);
    }
  }

  /** The simple select (not scopable, not the manufacturer) that most products have a value for. */
  static String commonSelect(Statement sql) throws SQLException {
    try (ResultSet row =
        sql.executeQuery(
            "SELECT a.code FROM product_row p, jsonb_object_keys(p.\"values\") k"
                + " JOIN search_attribute a ON a.code = k"
                + " WHERE a.type = 'simpleselect' AND NOT a.scopable AND a.code <> 'manufacturer'"
                + " GROUP BY a.code ORDER BY count(*) DESC, a.code LIMIT 1")) {
      if (!row.next()) {
        throw new IllegalStateException("The catalog has no simple select to facet on");
      }
      String code = row.getString(1);
      // It becomes a column name.
      if (!code.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalStateException("Unexpected attribute code " + code);
      }
      return code;
    }
  }

  /** The search table: the filtered and faceted values as generated columns, to index and count. */
  static void createSearchTable(Statement sql) throws SQLException {
    sql.execute(
        "CREATE TABLE search_product ("
            + " identifier text PRIMARY KEY, family text NOT NULL, enabled boolean NOT NULL,"
            + " \"values\" jsonb NOT NULL, categories text[] NOT NULL,"
            + " category_paths text[] NOT NULL, document tsvector NOT NULL,"
            + " manufacturer text GENERATED ALWAYS AS (\"values\" #>> '{manufacturer,0,data}')"
            + " STORED,"
            + " price_usd numeric GENERATED ALWAYS AS ((jsonb_path_query_first(\"values\","
            + " '$.list_price[*].data[*] ? (@.currency == \"USD\").amount') #>> '{}')::numeric)"
            + " STORED, "
            + facetSelect
            + " text GENERATED ALWAYS AS (\"values\" #>> '{"
            + facetSelect
            + ",0,data}') STORED)");
  }

  // ---------------------------------------------------------------- queries

  /** The first {@link #SAMPLED} product lines of the catalog. */
  static List<String> sampleLines(Path ndjson) throws Exception {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine();
          line != null && lines.size() < SAMPLED;
          line = reader.readLine()) {
        lines.add(line);
      }
    }
    return lines;
  }

  /** The manufacturer's option codes. */
  static List<String> brands(Path catalog) throws Exception {
    List<String> codes = new ArrayList<>();
    String options =
        Files.readString(catalog.resolve("schema").resolve("05-attribute-options.json"));
    for (String option : GeneratedCatalogLoader.objects(options)) {
      if (GeneratedCatalogLoader.field(option, "attribute").equals("manufacturer")) {
        codes.add(GeneratedCatalogLoader.field(option, "code"));
      }
    }
    return codes;
  }

  /**
   * {@code count} queries (seeded): each from a random sampled product, one or two words of its
   * name, its manufacturer and two others, and a price band holding its price.
   */
  static List<Query> querySet(
      QueryWords vocabulary, List<String> lines, List<String> brands, int count) throws Exception {
    var random = new SplittableRandom(7);
    List<Query> set = new ArrayList<>();
    for (int attempt = 0; set.size() < count && attempt < count * 20; attempt++) {
      Source source = source(lines.get(random.nextInt(lines.size())));
      List<String> words = vocabulary.usable(words(source.name()));
      if (words.isEmpty()) {
        continue;
      }
      String text = text(random, words);
      List<String> three = threeBrands(random, brands, source);
      int[] band = band(random, source.priceUsd());
      set.add(new Query(text, three, band[0], band[1]));
    }
    if (set.size() < count) {
      throw new IllegalStateException("Too few product names with searchable words");
    }
    return set;
  }

  private static String text(SplittableRandom random, List<String> words) {
    if (words.size() == 1 || random.nextInt(10) < 4) {
      return words.get(random.nextInt(words.size()));
    }
    int first = random.nextInt(words.size());
    int second = (first + 1 + random.nextInt(words.size() - 1)) % words.size();
    return words.get(Math.min(first, second)) + " " + words.get(Math.max(first, second));
  }

  /** A price band holding {@code price}, or any band for a product without a price. */
  private static int[] band(SplittableRandom random, Double price) {
    List<int[]> holding = new ArrayList<>();
    for (int[] band : PRICE_BANDS) {
      if (price == null || band[0] <= price && price <= band[1]) {
        holding.add(band);
      }
    }
    return holding.isEmpty()
        ? PRICE_BANDS[random.nextInt(PRICE_BANDS.length)]
        : holding.get(random.nextInt(holding.size()));
  }

  private static List<String> threeBrands(
      SplittableRandom random, List<String> brands, Source source) {
    List<String> others = new ArrayList<>(brands);
    List<String> chosen = new ArrayList<>();
    if (source.manufacturer() != null && others.remove(source.manufacturer())) {
      chosen.add(source.manufacturer());
    }
    while (chosen.size() < 3) {
      chosen.add(others.remove(random.nextInt(others.size())));
    }
    Collections.sort(chosen);
    return chosen;
  }

  /**
   * The words queries may use: ASCII words of at least 4 letters from the sampled names, that
   * PostgreSQL's {@code english} configuration keeps (its stop words include all of Lucene's
   * English ones) and for which both engines find as many catalog products, as a whole word and as
   * a prefix. The two stemmers differ on a few words (Lucene's Porter stems "grey" to "grei",
   * PostgreSQL's Snowball keeps "grey", so "grey:*" also finds "Greywell" in PostgreSQL only); such
   * a word would ask the two engines different questions, so it is left out, and printed.
   */
  static final class QueryWords {
    private final Connection pg;
    private final Set<String> searchable;
    private final Map<String, Boolean> agreed = new HashMap<>();

    /** The words left out, with Vitrine's and PostgreSQL's counts. */
    final Map<String, String> leftOut = new TreeMap<>();

    QueryWords(Connection pg, List<String> lines) throws SQLException {
      this.pg = pg;
      this.searchable = searchableWords(pg, lines);
    }

    /** The distinct words of {@code words} that queries may use, in order. */
    List<String> usable(List<String> words) throws Exception {
      List<String> usable = new ArrayList<>();
      for (String word : new LinkedHashSet<>(words)) {
        if (searchable.contains(word) && agrees(word)) {
          usable.add(word);
        }
      }
      return usable;
    }

    private boolean agrees(String word) throws Exception {
      Boolean known = agreed.get(word);
      if (known != null) {
        return known;
      }
      // Vitrine takes the last word as a prefix unless the text ends with a space.
      long[] vitrine = {vitrineCount(word + " "), vitrineCount(word)};
      long[] postgres = {postgresCount(pg, word), postgresCount(pg, word + ":*")};
      boolean same = Arrays.equals(vitrine, postgres);
      if (!same) {
        leftOut.put(
            word,
            String.format(
                Locale.ROOT,
                "%d/%d whole, %d/%d as a prefix",
                vitrine[0],
                postgres[0],
                vitrine[1],
                postgres[1]));
      }
      agreed.put(word, same);
      return same;
    }

    private static Set<String> searchableWords(Connection pg, List<String> lines)
        throws SQLException {
      Set<String> all = new LinkedHashSet<>();
      for (String line : lines) {
        all.addAll(words(source(line).name()));
      }
      Set<String> kept = new LinkedHashSet<>();
      try (PreparedStatement keep =
          pg.prepareStatement(
              "SELECT w FROM unnest(?::text[]) w WHERE length(to_tsvector('english', w)) > 0")) {
        keep.setArray(1, pg.createArrayOf("text", all.toArray()));
        try (ResultSet rows = keep.executeQuery()) {
          while (rows.next()) {
            kept.add(rows.getString(1));
          }
        }
      }
      return kept;
    }
  }

  /** Catalog products Vitrine finds for {@code text} (the sample catalog's are left out). */
  static long vitrineCount(String text) throws Exception {
    String ours =
        "{\"identifier\":[{\"operator\":\"STARTS WITH\",\"value\":\"" + identifierPrefix + "\"}]}";
    String body =
        server.get(
            "/api/v1/products?limit=1&with_count=true&locale="
                + locale
                + "&q="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&search="
                + URLEncoder.encode(ours, StandardCharsets.UTF_8));
    Matcher count = COUNT.matcher(body);
    if (!count.find()) {
      throw new IllegalStateException("No items_count in " + body);
    }
    return Long.parseLong(count.group(1));
  }

  static long postgresCount(Connection pg, String tsquery) throws SQLException {
    try (PreparedStatement count =
        pg.prepareStatement(
            "SELECT count(*) FROM search_product WHERE document @@ to_tsquery('english', ?)")) {
      count.setString(1, tsquery);
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
      if (word.matches("[a-z]{4,}")) {
        words.add(word);
      }
    }
    return words;
  }

  private static final Pattern MANUFACTURER =
      Pattern.compile(
          "\"manufacturer\":\\[\\{\"locale\":null,\"scope\":null,\"data\":\"([^\"]+)\"");
  private static final Pattern PRICE_USD =
      Pattern.compile(
          "\"list_price\":\\[\\{\"locale\":null,\"scope\":null,\"data\":\\[[^\\]]*?"
              + "\"amount\":\"([0-9.]+)\",\"currency\":\"USD\"");

  /** The name in the locale, manufacturer and USD price of a product line of the catalog. */
  static Source source(String line) {
    Matcher manufacturer = MANUFACTURER.matcher(line);
    Matcher price = PRICE_USD.matcher(line);
    return new Source(
        name(line),
        manufacturer.find() ? manufacturer.group(1) : null,
        price.find() ? Double.valueOf(price.group(1)) : null);
  }

  /** The name comes first in the values, and every product has it in every locale. */
  static String name(String line) {
    int values = line.indexOf("\"values\":{\"name\":[");
    String slot = "{\"locale\":\"" + locale + "\",\"scope\":null,\"data\":\"";
    int start = values < 0 ? -1 : line.indexOf(slot, values);
    if (start < 0) {
      throw new IllegalArgumentException("No name in " + locale + ": " + line);
    }
    var name = new StringBuilder();
    for (int i = start + slot.length(); line.charAt(i) != '"'; i++) {
      char c = line.charAt(i);
      name.append(c == '\\' ? line.charAt(++i) : c);
    }
    return name.toString();
  }

  // ---------------------------------------------------------------- searching

  private static final Pattern SERVER_TIMING = Pattern.compile("([a-z-]+);dur=([0-9.]+)");
  private static final Pattern COUNT = Pattern.compile("\"items_count\":(\\d+)");
  private static final Pattern VALUE_COUNT =
      Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\",\"count\":(\\d+)");

  static HttpResponse<String> search(Query q) throws Exception {
    return server.send("GET", q.path(), null, null);
  }

  static Timing vitrine(Query q) throws Exception {
    long start = System.nanoTime();
    HttpResponse<String> response = search(q);
    double roundTrip = (System.nanoTime() - start) / 1e6;
    double search = 0;
    double total = 0;
    var parts = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
    while (parts.find()) {
      double ms = Double.parseDouble(parts.group(2));
      total += ms;
      if (!parts.group(1).equals("read")) {
        search += ms;
      }
    }
    return new Timing(search, total, roundTrip);
  }

  /** Vitrine's count and facets (the category tree flattened: each category with its count). */
  static Answer vitrineAnswer(Query q) throws Exception {
    String body = search(q).body();
    Matcher count = COUNT.matcher(body);
    if (!count.find()) {
      throw new IllegalStateException("No items_count in " + body);
    }
    Map<String, Map<String, Long>> facets = new TreeMap<>();
    for (String facet : List.of("manufacturer", "categories", facetSelect)) {
      Map<String, Long> counts = new TreeMap<>();
      Matcher pair = VALUE_COUNT.matcher(facetArray(body, facet));
      while (pair.find()) {
        counts.put(pair.group(1), Long.parseLong(pair.group(2)));
      }
      facets.put(facet, counts);
    }
    return new Answer(Long.parseLong(count.group(1)), facets);
  }

  /** The JSON array of a facet in an answer (option codes and category codes hold no brackets). */
  private static String facetArray(String body, String facet) {
    int start = body.indexOf("\"" + facet + "\":[", body.indexOf("\"facets\":{"));
    if (start < 0) {
      throw new IllegalStateException("No facet " + facet + " in the answer");
    }
    int depth = 0;
    for (int i = body.indexOf('[', start); i < body.length(); i++) {
      char c = body.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (depth == 0) {
        return body.substring(start, i + 1);
      }
    }
    throw new IllegalStateException("Unterminated facet " + facet);
  }

  /**
   * The same search as one statement: the matches of the text and the price gathered once (ranked
   * only when they pass the manufacturer filter too), then the page (with the products' values, as
   * Vitrine's page has them), the count, and the three facets, the manufacturer's without its own
   * filter as Vitrine's drill-sideways counts it.
   */
  static String postgresSearch() {
    return """
        WITH asked AS (
          SELECT to_tsquery('english', ?) AS query, ?::text[] AS brands,
                 ?::numeric AS low, ?::numeric AS high),
        matched AS MATERIALIZED (
          SELECT identifier, manufacturer, %1$s AS facet_select, category_paths,
                 manufacturer = ANY (brands) AS hit,
                 CASE WHEN manufacturer = ANY (brands) THEN ts_rank(document, query) END AS rank
          FROM search_product, asked
          WHERE document @@ query AND price_usd BETWEEN low AND high),
        hits AS (SELECT * FROM matched WHERE hit),
        page AS (SELECT identifier, rank FROM hits ORDER BY rank DESC, identifier LIMIT 20)
        (SELECT 'item', p.identifier, 0::bigint, p."values"::text
           FROM page JOIN search_product p USING (identifier) ORDER BY page.rank DESC, identifier)
        UNION ALL SELECT 'count', NULL, count(*), NULL FROM hits
        UNION ALL (SELECT 'manufacturer', manufacturer, count(*), NULL FROM matched
          WHERE manufacturer IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 100)
        UNION ALL (SELECT '%1$s', facet_select, count(*), NULL FROM hits
          WHERE facet_select IS NOT NULL GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 100)
        UNION ALL SELECT 'categories', c, count(*), NULL FROM hits, unnest(category_paths) c
          GROUP BY 2
        """
        .formatted(facetSelect);
  }

  static Answer postgres(Connection pg, Query q) throws SQLException {
    try (PreparedStatement statement = pg.prepareStatement(postgresSearch())) {
      statement.setString(1, q.tsquery());
      statement.setArray(2, pg.createArrayOf("text", q.brands().toArray()));
      statement.setInt(3, q.low());
      statement.setInt(4, q.high());
      long count = -1;
      Map<String, Map<String, Long>> facets = new TreeMap<>();
      for (String facet : List.of("manufacturer", "categories", facetSelect)) {
        facets.put(facet, new TreeMap<>());
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String kind = rows.getString(1);
          if (kind.equals("count")) {
            count = rows.getLong(3);
          } else if (!kind.equals("item")) {
            facets.get(kind).put(rows.getString(2), rows.getLong(3));
          } else {
            rows.getString(4);
          }
        }
      }
      return new Answer(count, facets);
    }
  }

  /** How far the two engines agreed, and the query words left out because they did not. */
  record Agreement(
      int checked, int withMatches, int sameCounts, int sameFacets, Map<String, String> leftOut) {}

  /** Compares and prints both engines' counts and facets for {@code checked} queries. */
  static Agreement compare(Connection pg, List<Query> checked, Map<String, String> leftOut)
      throws Exception {
    System.out.println("Counts, Vitrine and PostgreSQL (facets compared too):");
    int withMatches = 0;
    int sameCounts = 0;
    int sameFacets = 0;
    for (Query q : checked) {
      Answer vitrine = vitrineAnswer(q);
      Answer postgres = postgres(pg, q);
      boolean facetsAgree = vitrine.facets().equals(postgres.facets());
      withMatches += vitrine.count() > 0 || postgres.count() > 0 ? 1 : 0;
      sameCounts += vitrine.count() == postgres.count() ? 1 : 0;
      sameFacets += facetsAgree ? 1 : 0;
      System.out.printf(
          Locale.ROOT,
          "  %-75s %6d %6d%s%n",
          q,
          vitrine.count(),
          postgres.count(),
          facetsAgree ? "" : "  facets differ: " + differences(vitrine, postgres));
    }
    var agreement = new Agreement(checked.size(), withMatches, sameCounts, sameFacets, leftOut);
    System.out.printf(
        Locale.ROOT,
        "Counts equal for %d of %d queries (%d with matches), facets equal for %d%n",
        sameCounts,
        checked.size(),
        withMatches,
        sameFacets);
    return agreement;
  }

  private static String differences(Answer vitrine, Answer postgres) {
    List<String> differences = new ArrayList<>();
    vitrine
        .facets()
        .forEach(
            (facet, counts) -> {
              Map<String, Long> other = postgres.facets().get(facet);
              Set<String> values = new LinkedHashSet<>(counts.keySet());
              values.addAll(other.keySet());
              for (String value : values) {
                if (!java.util.Objects.equals(counts.get(value), other.get(value))) {
                  differences.add(
                      facet + " " + value + " " + counts.get(value) + "/" + other.get(value));
                }
              }
            });
    return String.join(", ", differences.subList(0, Math.min(5, differences.size())));
  }

  static Load.Result postgresThroughput(BenchPostgres postgres, List<Query> set) throws Exception {
    List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
    ThreadLocal<Connection> connections =
        ThreadLocal.withInitial(
            () -> {
              try {
                Connection connection = connect(postgres);
                opened.add(connection);
                return connection;
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      return Load.run(
          "PostgreSQL search",
          clients,
          seconds,
          i -> postgres(connections.get(), pick(set, i)),
          "req/s",
          1);
    } finally {
      for (Connection connection : opened) {
        connection.close();
      }
    }
  }

  // ---------------------------------------------------------------- write visibility

  /**
   * While two clients bulk-write new products, renames a random product to a fresh word every 100
   * ms and searches that word at once. Returns, per probe, the ms from the write's answer to the
   * answer of the search that finds it; a probe whose first search misses it is an error.
   */
  static Visibility writeVisibility(List<String> templates) throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicLong next = new AtomicLong();
    AtomicLong written = new AtomicLong();
    ExecutorService writers = Executors.newFixedThreadPool(2);
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      running.add(
          writers.submit(
              () -> {
                while (writing.get()) {
                  long first = next.getAndAdd(1000);
                  server.bulk(newProducts(templates, first, 1000));
                  written.addAndGet(1000);
                }
                return null;
              }));
    }
    var random = new SplittableRandom(11);
    List<Double> visible = new ArrayList<>();
    int misses = 0;
    long started = System.nanoTime();
    try {
      long end = started + Duration.ofSeconds(writeSeconds).toNanos();
      while (System.nanoTime() < end) {
        if (probe(random)) {
          visible.add(lastProbeMs);
        } else {
          misses++;
        }
        Thread.sleep(100);
      }
    } finally {
      writing.set(false);
      for (Future<?> f : running) {
        f.get();
      }
      writers.shutdown();
    }
    double rate = written.get() / ((System.nanoTime() - started) / 1e9);
    System.out.printf(
        Locale.ROOT,
        "Write visibility: %d probes, %d misses, while bulk writes ran at %.0f products/s%n",
        visible.size() + misses,
        misses,
        rate);
    if (misses > 0) {
      throw new IllegalStateException(misses + " probes were not found by the search right after");
    }
    return new Visibility(visible, rate);
  }

  private static double lastProbeMs;

  /** Renames a random catalog product to a fresh word; whether the next search finds it. */
  private static boolean probe(SplittableRandom random) throws Exception {
    var word = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + random.nextInt(26)));
    }
    String identifier = CatalogGenerator.identifier(random.nextLong(products));
    server.send(
        "PATCH",
        "/api/v1/products/" + identifier,
        "{\"values\":{\"name\":[{\"locale\":\""
            + locale
            + "\",\"scope\":null,\"data\":\"Probe "
            + word
            + "\"}]}}",
        "application/json");
    long written = System.nanoTime();
    String page = server.get("/api/v1/products?limit=20&locale=" + locale + "&q=" + word);
    lastProbeMs = (System.nanoTime() - written) / 1e6;
    return page.contains("\"identifier\":\"" + identifier + "\"");
  }

  private static final Pattern IDENTIFIER = Pattern.compile("\"identifier\":\"[^\"]*\"");
  private static final Pattern GTIN =
      Pattern.compile("(\"gtin\":\\[\\{\"locale\":null,\"scope\":null,\"data\":\")\\d{13}\"");

  /**
   * New products {@code first} to {@code first + count - 1}: catalog products' lines with a new
   * identifier ({@code SB-…}) and a new GTIN, which must be unique, past the catalog's.
   */
  static StringBuilder newProducts(List<String> templates, long first, int count) {
    var body = new StringBuilder();
    for (long k = first; k < first + count; k++) {
      String line = templates.get((int) (k % templates.size()));
      line =
          IDENTIFIER
              .matcher(line)
              .replaceFirst(String.format(Locale.ROOT, "\"identifier\":\"SB-%07d\"", k));
      line = GTIN.matcher(line).replaceFirst("$1" + CatalogGenerator.gtin(products + k) + "\"");
      body.append(line).append('\n');
    }
    return body;
  }

  // ---------------------------------------------------------------- results

  static void report(
      String[] args,
      BenchPostgres postgres,
      List<Timing> vitrine,
      List<Double> pg,
      Load.Result vitrineQps,
      Load.Result pgQps,
      Visibility visible,
      Agreement agreement,
      double[] loads)
      throws Exception {
    double searchP50 = percentile(vitrine, Timing::serverSearch, 0.5);
    double searchP99 = percentile(vitrine, Timing::serverSearch, 0.99);
    double totalP50 = percentile(vitrine, Timing::serverTotal, 0.5);
    double totalP99 = percentile(vitrine, Timing::serverTotal, 0.99);
    double tripP50 = percentile(vitrine, Timing::roundTrip, 0.5);
    double tripP99 = percentile(vitrine, Timing::roundTrip, 0.99);
    double pgP50 = Load.percentile(pg, 0.5);
    double pgP99 = Load.percentile(pg, 0.99);
    double visibleP50 = Load.percentile(visible.ms(), 0.5);
    double visibleP99 = Load.percentile(visible.ms(), 0.99);
    double ratioP50 = pgP50 / totalP50;
    double ratioP99 = pgP99 / totalP99;
    double ratioQps = vitrineQps.perSecond() / pgQps.perSecond();
    String baseline = postgres.description() + " tsvector + GIN";
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        """
        | %s catalog, %,d products, %d queries (text, 2 filters, 3 facets, count) | Vitrine | %s | PostgreSQL / Vitrine |
        |---|---:|---:|---:|
        | median, one client (Vitrine: server-side, index only) | %.1f ms | | |
        | p99, one client (Vitrine: server-side, index only) | %.1f ms | | |
        | median, one client (Vitrine: server-side with the 20 products read) | %.1f ms | %.1f ms | %.1f× |
        | p99, one client (Vitrine: server-side with the 20 products read) | %.1f ms | %.1f ms | %.1f× |
        | median / p99 round trip, one client | %.1f / %.1f ms | %.1f / %.1f ms | %.1f× |
        | throughput, %d clients, %d s | %.0f req/s | %.0f req/s | %.1f× (Vitrine / PostgreSQL) |
        | write visible to search, p50 / p99 (%d probes, bulk writes at %.0f products/s) | %.0f / %.0f ms | | |
        | counts (and facets) equal, first %d queries | %d (%d) of %d | | |
        | load (Vitrine: schema, bulk API, indexing; PostgreSQL: COPY, documents, indexes) | %.0f s | %.0f s | |

        Targets (issue 8, at 1 M products): PostgreSQL / Vitrine ≥ 10×; Vitrine median ≤ 10 ms, p99 ≤ 50 ms.
        """,
        size,
        products,
        vitrine.size(),
        baseline,
        searchP50,
        searchP99,
        totalP50,
        pgP50,
        ratioP50,
        totalP99,
        pgP99,
        ratioP99,
        tripP50,
        tripP99,
        pgP50,
        pgP99,
        pgP50 / tripP50,
        clients,
        seconds,
        vitrineQps.perSecond(),
        pgQps.perSecond(),
        ratioQps,
        visible.ms().size(),
        visible.productsPerSecond(),
        visibleP50,
        visibleP99,
        agreement.checked(),
        agreement.sameCounts(),
        agreement.sameFacets(),
        agreement.checked(),
        loads[0],
        loads[1]);
    Results.of("search")
        .put("size", size)
        .put("products", products)
        .put("queries", vitrine.size())
        .put(
            "figure",
            Results.map(
                "median_ms", totalP50,
                "p99_ms", totalP99,
                "qps", vitrineQps.perSecond(),
                "index_only_median_ms", searchP50,
                "index_only_p99_ms", searchP99,
                "round_trip_median_ms", tripP50,
                "round_trip_p99_ms", tripP99))
        .put(
            "baseline",
            Results.map(
                "name", baseline, "median_ms", pgP50, "p99_ms", pgP99, "qps", pgQps.perSecond()))
        .put(
            "ratio",
            Results.map(
                "median",
                ratioP50,
                "p99",
                ratioP99,
                "qps",
                ratioQps,
                "round_trip",
                pgP50 / tripP50))
        .put(
            "target",
            Results.map(
                "ratio",
                10,
                "median_ms",
                10,
                "p99_ms",
                50,
                "at_products",
                1_000_000,
                "write_visible_p99_ms",
                1000))
        .put(
            "write_visible_ms",
            Results.map(
                "p50",
                visibleP50,
                "p99",
                visibleP99,
                "probes",
                visible.ms().size(),
                "bulk_products_per_s",
                visible.productsPerSecond()))
        .put(
            "agreement",
            Results.map(
                "checked", agreement.checked(),
                "with_matches", agreement.withMatches(),
                "same_counts", agreement.sameCounts(),
                "same_facets", agreement.sameFacets(),
                "words_left_out", agreement.leftOut().toString()))
        .put("load_s", Results.map("vitrine", loads[0], "postgres", loads[1]))
        .put("facets", "manufacturer, categories, " + facetSelect)
        .put("command", "bench/run.sh SearchBench " + String.join(" ", args))
        .write("search-" + size);
  }

  private static double percentile(
      List<Timing> timings, java.util.function.ToDoubleFunction<Timing> part, double share) {
    return Load.percentile(timings.stream().map(t -> part.applyAsDouble(t)).toList(), share);
  }
}
