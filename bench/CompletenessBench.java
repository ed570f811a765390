import java.io.BufferedReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scenario 4: how fast a family's completeness is recomputed after its requirements change, on a
 * generated catalog ({@link CatalogGenerator}, {@code --size small|medium|large}).
 *
 * <p>Loads the catalog into a fresh server (H2, or --db-url PostgreSQL), takes the family with the
 * most products, and makes the ecommerce channel require one more of the family's attributes (the
 * first one it does not require yet) with a PATCH of the family. It measures from that PATCH until
 * the recompute job has finished, and until search has the job's change events. Then every answer
 * about the family's completeness on the channel is checked against a reference computed from the
 * catalog's own files: the complete products per locale and on all locales, as search and the
 * dashboard count them, and the ratio and missing attributes of sampled products. The same check
 * before the change shows that the reference and the server agree to begin with.
 *
 * <p>The baseline, in the same run, is the bulk load of the catalog's products, which computes
 * their completeness too. The target is a 200,000-product family in 60 s; generated
 * families are smaller (the largest has about 700 products in small, 4,000 in medium, 26,000 in
 * large), so the time for 200,000 is a projection at the measured rate, and says so.
 *
 * <pre>
 *   bench/run.sh CompletenessBench --size small
 *   bench/run.sh CompletenessBench --size medium --db-url jdbc:postgresql://localhost:5432/vitrine_cbench
 * </pre>
 */
public class CompletenessBench {

  static final String CHANNEL = "ecommerce";
  static final int TARGET_PRODUCTS = 200_000;
  static final double TARGET_SECONDS = 60;

  /** Products whose completeness is read back one by one, before and after the change. */
  static final int SAMPLES = 20;

  static String size = "small";
  static String dbUrl;
  static String dbUser = "postgres";
  static String dbPassword = "postgres";
  static String heap = "2g";
  static int port;

  public static void main(String[] args) throws Exception {
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--size" -> size = args[i + 1];
        case "--db-url" -> dbUrl = args[i + 1];
        case "--db-user" -> dbUser = args[i + 1];
        case "--db-password" -> dbPassword = args[i + 1];
        case "--heap" -> heap = args[i + 1];
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    Path catalog = ImportBench.generated(size);
    Rules rules = Rules.read(catalog);
    Path ndjson = catalog.resolve("products.ndjson");
    String family = largestFamily(ndjson);
    List<String> before = rules.required(family);
    String added = rules.firstNotRequired(family);
    List<String> after = new ArrayList<>(before);
    after.add(added);
    Reference reference = Reference.compute(ndjson, rules, family, before, after);
    System.out.printf(
        Locale.ROOT,
        "Family %s: %,d products; %s will also require %s (%,d products lack it)%n",
        family,
        reference.products,
        CHANNEL,
        added,
        reference.products - reference.unchanged);

    BenchServer server =
        BenchServer.start(BenchServer.freePort(port), heap, dbUrl, dbUser, dbPassword);
    try {
      run(server, catalog, family, after, added, reference);
    } finally {
      server.close();
      GeneratedCatalogLoader.deleteTree(server.data);
    }
  }

  /** Loads the catalog, checks, changes the requirements, measures, checks again, reports. */
  static void run(
      BenchServer server,
      Path catalog,
      String family,
      List<String> after,
      String added,
      Reference reference)
      throws Exception {
    GeneratedCatalogLoader.loadSchema(server, catalog.resolve("schema"));
    long start = System.nanoTime();
    long loaded = GeneratedCatalogLoader.loadProducts(server, catalog.resolve("products.ndjson"));
    double loadRate = loaded / ((System.nanoTime() - start) / 1e9);
    server.awaitIndexed(Duration.ofMinutes(30));
    awaitJobsIdle(server, Duration.ofMinutes(30));
    check(server, family, reference.before, "before the change");
    Recompute recompute = recompute(server, family, after, reference.products);
    check(server, family, reference.after, "after the change");
    report(recompute, family, added, reference.products - reference.unchanged, loaded, loadRate);
  }

  /** The recompute: products done, seconds until the job finished and until search agreed. */
  record Recompute(long products, double seconds, double searchable) {
    double rate() {
      return products / seconds;
    }
  }

  /** Makes the channel require {@code after} of the family; times its recompute job. */
  static Recompute recompute(BenchServer server, String family, List<String> after, long products)
      throws Exception {
    long lastJob = newestJobId(server);
    long start = System.nanoTime();
    server.send(
        "PATCH",
        "/api/v1/families/" + family,
        "{\"attribute_requirements\":{\""
            + CHANNEL
            + "\":"
            + CatalogGenerator.jsonArray(after)
            + "}}",
        "application/json");
    // At least 100 products/s, or the job is stuck: a bound on the wait, not a target.
    Duration limit = Duration.ofSeconds(120 + products / 100);
    String job = awaitRecompute(server, family, lastJob, limit);
    double seconds = (System.nanoTime() - start) / 1e9;
    server.awaitIndexed(limit);
    double searchable = (System.nanoTime() - start) / 1e9;
    System.out.println(job);
    long done = number(job, "done");
    if (done != products) {
      throw new IllegalStateException(
          "The job did " + done + " products; the family has " + products);
    }
    return new Recompute(done, seconds, searchable);
  }

  static void report(
      Recompute recompute, String family, String added, long changed, long loaded, double loadRate)
      throws Exception {
    double projected = TARGET_PRODUCTS / recompute.rate();
    boolean projection = recompute.products < TARGET_PRODUCTS;
    double searchableRate = recompute.products / recompute.searchable;
    System.out.printf(
        Locale.ROOT,
        "%n| %s catalog, family %s (%,d products), %s | seconds | products/s | vs bulk load |%n"
            + "|---|---:|---:|---:|%n"
            + "| bulk load of the catalog's %,d products (baseline) | %.1f | %.0f | 1.00 |%n"
            + "| recompute job, from the family PATCH to the job finished | %.2f | %.0f | %.2f |%n"
            + "| ... and search agreeing (the job's events indexed) | %.2f | %.0f | %.2f |%n%n"
            + "%s for %,d products at %.0f products/s: %.1f s (target %.0f s)%n",
        size,
        family,
        recompute.products,
        dbUrl == null ? "H2" : "PostgreSQL",
        loaded,
        loaded / loadRate,
        loadRate,
        recompute.seconds,
        recompute.rate(),
        recompute.rate() / loadRate,
        recompute.searchable,
        searchableRate,
        searchableRate / loadRate,
        projection ? "Projected, the family being smaller," : "Measured",
        TARGET_PRODUCTS,
        recompute.rate(),
        projected,
        TARGET_SECONDS);
    Results.of("completeness")
        .put("size", size)
        .put("database", dbUrl == null ? "h2" : "postgres")
        .put("family", family)
        .put("family_products", recompute.products)
        .put("added_requirement", CHANNEL + ": " + added)
        .put(
            "figure",
            Results.map(
                "products_per_s",
                recompute.rate(),
                "recompute_s",
                recompute.seconds,
                "searchable_s",
                recompute.searchable,
                "products_changed",
                changed,
                "seconds_for_200000",
                projected,
                "seconds_for_200000_projected",
                projection))
        .put(
            "baseline",
            Results.map(
                "name",
                "bulk load of the catalog's products (PATCH /api/v1/products)",
                "products_per_s",
                loadRate))
        .put("ratio", recompute.rate() / loadRate)
        .put("target", Results.map("family_products", TARGET_PRODUCTS, "seconds", TARGET_SECONDS))
        .put(
            "command",
            "bench/run.sh CompletenessBench --size "
                + size
                + (dbUrl == null ? "" : " --db-url " + dbUrl))
        .write("completeness-" + size);
  }

  // ---------------------------------------------------------------- the reference

  /** What the catalog's schema files say about completeness on {@link #CHANNEL}. */
  record Rules(
      String identifier,
      List<String> locales,
      Map<String, boolean[]> localizableScopable,
      Map<String, List<String>> familyAttributes,
      Map<String, List<String>> requirements) {

    static Rules read(Path catalog) throws Exception {
      String manifest = Files.readString(catalog.resolve("manifest.json"));
      Path schema = catalog.resolve("schema");
      Map<String, boolean[]> attributes = new HashMap<>();
      for (String attribute : items(schema, "attributes")) {
        attributes.put(
            GeneratedCatalogLoader.field(attribute, "code"),
            new boolean[] {flag(attribute, "localizable"), flag(attribute, "scopable")});
      }
      List<String> locales = null;
      for (String channel : items(schema, "channels")) {
        if (GeneratedCatalogLoader.field(channel, "code").equals(CHANNEL)) {
          locales = list(channel, "\"locales\":");
        }
      }
      Map<String, List<String>> familyAttributes = new HashMap<>();
      Map<String, List<String>> required = new HashMap<>();
      for (String family : items(schema, "families")) {
        String code = GeneratedCatalogLoader.field(family, "code");
        familyAttributes.put(code, list(family, "\"attributes\":"));
        int requirements = family.indexOf("\"attribute_requirements\":");
        required.put(code, list(family.substring(requirements), "\"" + CHANNEL + "\":"));
      }
      return new Rules(
          GeneratedCatalogLoader.manifestString(manifest, "identifier_attribute"),
          locales,
          attributes,
          familyAttributes,
          required);
    }

    /** What the channel requires of the family's products, the identifier included. */
    List<String> required(String family) {
      Set<String> codes = new LinkedHashSet<>(requirements.get(family));
      codes.add(identifier);
      return List.copyOf(codes);
    }

    /** The family's first attribute, in its own order, that the channel does not require yet. */
    String firstNotRequired(String family) {
      return familyAttributes.get(family).stream()
          .filter(a -> !a.equals(identifier) && !requirements.get(family).contains(a))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException(family + " requires all its attributes"));
    }

    /**
     * Whether the product line fills the attribute's slot for the channel and {@code locale}. The
     * generator writes no empty values, so a slot is filled when it is there.
     */
    boolean filled(String line, int values, String attribute, String locale) {
      if (attribute.equals(identifier)) {
        return true;
      }
      // Inside a JSON string a quote is escaped, so "code":[ can only be the attribute's key.
      int at = line.indexOf("\"" + attribute + "\":[", values);
      if (at < 0) {
        return false;
      }
      boolean[] flags = localizableScopable.get(attribute);
      String slot =
          "{\"locale\":"
              + (flags[0] ? "\"" + locale + "\"" : "null")
              + ",\"scope\":"
              + (flags[1] ? "\"" + CHANNEL + "\"" : "null")
              + ",\"data\":";
      return array(line, at + attribute.length() + 3).contains(slot);
    }

    /** The required attributes the product line lacks on the channel in {@code locale}. */
    List<String> missing(String line, List<String> requirements, String locale) {
      int values = line.indexOf("\"values\":{");
      return requirements.stream().filter(a -> !filled(line, values, a, locale)).sorted().toList();
    }

    private static List<String> items(Path schema, String resource) throws Exception {
      try (var files = Files.list(schema)) {
        Path file =
            files
                .filter(p -> p.getFileName().toString().matches("\\d+-" + resource + "\\.json"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + resource + " in " + schema));
        return GeneratedCatalogLoader.objects(Files.readString(file));
      }
    }

    private static boolean flag(String object, String name) {
      return object.contains("\"" + name + "\":true");
    }

    /** The strings of the first array after {@code key} (codes: no escapes in them). */
    private static List<String> list(String object, String key) {
      int at = object.indexOf(key);
      if (at < 0) {
        throw new IllegalArgumentException("No " + key + " in " + object);
      }
      String array = object.substring(at + key.length(), object.indexOf(']', at) + 1);
      List<String> codes = new ArrayList<>();
      Matcher code = Pattern.compile("\"([^\"]*)\"").matcher(array);
      while (code.find()) {
        codes.add(code.group(1));
      }
      return codes;
    }
  }

  /** A family's completeness on the channel under some requirements, as the server should say. */
  static final class Expected {
    long products;
    long completeOnAllLocales;
    final Map<String, Long> completeByLocale = new TreeMap<>();

    /** Sampled products: identifier, then locale, then the missing attributes. */
    final Map<String, Map<String, List<String>>> samples = new LinkedHashMap<>();

    final int required;

    Expected(int required) {
      this.required = required;
    }

    void add(String identifier, Map<String, List<String>> missing, boolean sampled) {
      products++;
      boolean complete = true;
      for (var locale : missing.entrySet()) {
        boolean here = locale.getValue().isEmpty();
        completeByLocale.merge(locale.getKey(), here ? 1L : 0L, Long::sum);
        complete &= here;
      }
      completeOnAllLocales += complete ? 1 : 0;
      if (sampled) {
        samples.put(identifier, missing);
      }
    }

    /** The ratio Akeneo's rule gives: floor(100 × filled / required). */
    int ratio(List<String> missing) {
      return 100 * (required - missing.size()) / required;
    }
  }

  /** The family's completeness before and after the change, from products.ndjson. */
  static final class Reference {
    Expected before;
    Expected after;
    long products;

    /** Products that have the newly required attribute: their completeness does not change. */
    long unchanged;

    static Reference compute(
        Path ndjson, Rules rules, String family, List<String> before, List<String> after)
        throws Exception {
      var reference = new Reference();
      reference.before = new Expected(before.size());
      reference.after = new Expected(after.size());
      String added = after.get(after.size() - 1);
      int lacking = 0;
      try (BufferedReader lines = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (!GeneratedCatalogLoader.field(line, "family").equals(family)) {
            continue;
          }
          String identifier = GeneratedCatalogLoader.field(line, "identifier");
          Map<String, List<String>> missingBefore = new TreeMap<>();
          Map<String, List<String>> missingAfter = new TreeMap<>();
          for (String locale : rules.locales()) {
            missingBefore.put(locale, rules.missing(line, before, locale));
            missingAfter.put(locale, rules.missing(line, after, locale));
          }
          boolean changes = !missingAfter.equals(missingBefore);
          // Half the samples among the products the change makes incomplete, half among the rest.
          boolean sampled = changes ? lacking++ < SAMPLES / 2 : reference.unchanged < SAMPLES / 2;
          reference.unchanged += changes ? 0 : 1;
          reference.before.add(identifier, missingBefore, sampled);
          reference.after.add(identifier, missingAfter, sampled);
          reference.products++;
        }
      }
      if (reference.products == 0) {
        throw new IllegalStateException("No product of " + family + " in " + ndjson);
      }
      if (reference.unchanged == reference.products) {
        throw new IllegalStateException("Every product of " + family + " has " + added);
      }
      return reference;
    }
  }

  /** The family with the most products in the NDJSON file (of equals, the first by code). */
  static String largestFamily(Path ndjson) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    try (BufferedReader lines = Files.newBufferedReader(ndjson, StandardCharsets.UTF_8)) {
      String line;
      while ((line = lines.readLine()) != null) {
        counts.merge(GeneratedCatalogLoader.field(line, "family"), 1L, Long::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .orElseThrow(() -> new IllegalStateException("No product has a family in " + ndjson))
        .getKey();
  }

  // ---------------------------------------------------------------- what the server says

  /**
   * Compares what search, the dashboard and the sampled products say about the family's
   * completeness with the reference; fails on any difference.
   */
  static void check(BenchServer server, String family, Expected expected, String when)
      throws Exception {
    List<String> differences = new ArrayList<>();
    String inFamily = "\"family\":[{\"operator\":\"IN\",\"value\":[\"" + family + "\"]}]";
    compare(differences, "products of the family", expected.products, count(server, inFamily));
    compare(
        differences,
        "search: complete on every locale",
        expected.completeOnAllLocales,
        count(
            server,
            inFamily
                + ",\"completeness\":[{\"operator\":\"GREATER OR EQUALS THAN ON ALL LOCALES\","
                + "\"value\":100,\"scope\":\""
                + CHANNEL
                + "\"}]"));
    String summary = server.get("/api/v1/completeness/summary");
    for (var locale : expected.completeByLocale.entrySet()) {
      compare(
          differences,
          "search: complete in " + locale.getKey(),
          locale.getValue(),
          count(
              server,
              inFamily
                  + ",\"completeness\":[{\"operator\":\"=\",\"value\":100,\"scope\":\""
                  + CHANNEL
                  + "\",\"locale\":\""
                  + locale.getKey()
                  + "\"}]"));
      long[] dashboard = dashboard(summary, locale.getKey(), family);
      compare(
          differences,
          "dashboard: products in " + locale.getKey(),
          expected.products,
          dashboard[0]);
      compare(
          differences,
          "dashboard: complete in " + locale.getKey(),
          locale.getValue(),
          dashboard[1]);
    }
    for (var sample : expected.samples.entrySet()) {
      checkProduct(server, sample.getKey(), sample.getValue(), expected, differences);
    }
    System.out.printf(
        Locale.ROOT,
        "Completeness %s: %,d of %,d products complete on every locale; search, dashboard and %d"
            + " sampled products %s%n",
        when,
        expected.completeOnAllLocales,
        expected.products,
        expected.samples.size(),
        differences.isEmpty() ? "agree with the catalog's files" : "DISAGREE:");
    if (!differences.isEmpty()) {
      differences.forEach(d -> System.out.println("  " + d));
      throw new IllegalStateException("Completeness disagrees " + when);
    }
  }

  private static void compare(List<String> differences, String what, long expected, long actual) {
    if (expected != actual) {
      differences.add(what + ": expected " + expected + ", the server says " + actual);
    }
  }

  /** The product's ratio and missing attributes on the channel, locale by locale. */
  static void checkProduct(
      BenchServer server,
      String identifier,
      Map<String, List<String>> missing,
      Expected expected,
      List<String> differences)
      throws Exception {
    String product =
        server.get(
            "/api/v1/products/"
                + URLEncoder.encode(identifier, StandardCharsets.UTF_8)
                + "?with_completenesses=true");
    String completenesses =
        array(product, product.indexOf('[', product.indexOf("\"completenesses\":")));
    Map<String, String> found = new TreeMap<>();
    for (String slot : GeneratedCatalogLoader.objects(completenesses)) {
      if (!GeneratedCatalogLoader.field(slot, "scope").equals(CHANNEL)) {
        continue;
      }
      found.put(
          GeneratedCatalogLoader.field(slot, "locale"),
          number(slot, "data") + " % missing " + new TreeSet<>(Rules.list(slot, "\"missing\":")));
    }
    Map<String, String> wanted = new TreeMap<>();
    missing.forEach(
        (locale, codes) ->
            wanted.put(locale, expected.ratio(codes) + " % missing " + new TreeSet<>(codes)));
    if (!found.equals(wanted)) {
      differences.add(identifier + ": expected " + wanted + ", the server says " + found);
    }
  }

  /** The family's products and complete products in the dashboard's item for the locale. */
  static long[] dashboard(String summary, String locale, String family) {
    for (String item : GeneratedCatalogLoader.objects(array(summary, summary.indexOf('[')))) {
      if (!GeneratedCatalogLoader.field(item, "scope").equals(CHANNEL)
          || !GeneratedCatalogLoader.field(item, "locale").equals(locale)) {
        continue;
      }
      String families = array(item, item.indexOf('[', item.indexOf("\"families\":")));
      for (String counts : GeneratedCatalogLoader.objects(families)) {
        if (GeneratedCatalogLoader.field(counts, "family").equals(family)) {
          return new long[] {number(counts, "products"), number(counts, "complete")};
        }
      }
      return new long[] {0, 0};
    }
    return new long[] {-1, -1};
  }

  /** The JSON array (or object) that starts at {@code from}, strings taken into account. */
  static String array(String line, int from) {
    int depth = 0;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        i++;
        while (line.charAt(i) != '"') {
          i += line.charAt(i) == '\\' ? 2 : 1;
        }
      } else if (c == '[' || c == '{') {
        depth++;
      } else if ((c == ']' || c == '}') && --depth == 0) {
        return line.substring(from, i + 1);
      }
    }
    throw new IllegalArgumentException("An array without its end at " + from);
  }

  static long count(BenchServer server, String conditions) throws Exception {
    return GeneratedCatalogLoader.count(server, "{" + conditions + "}");
  }

  // ---------------------------------------------------------------- jobs and the index

  private static final Pattern STATE = Pattern.compile("\"state\":\"(\\w+)\"");

  /** The newest job's id, 0 when there is none. */
  static long newestJobId(BenchServer server) throws Exception {
    List<String> jobs = jobs(server, "limit=1");
    return jobs.isEmpty() ? 0 : number(jobs.get(0), "id");
  }

  /**
   * Waits, polling every 50 ms, until the family's recompute job queued after job {@code after} has
   * finished; its JSON.
   */
  static String awaitRecompute(BenchServer server, String family, long after, Duration limit)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      for (String job : jobs(server, "kind=completeness&limit=20")) {
        if (number(job, "id") <= after || !job.contains("\"subject\":\"family:" + family + "\"")) {
          continue;
        }
        Matcher state = STATE.matcher(job);
        state.find();
        if (state.group(1).equals("failed")) {
          throw new IllegalStateException("The recompute failed: " + job);
        }
        if (state.group(1).equals("finished")) {
          return job;
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("No finished recompute of " + family + " within " + limit);
  }

  /** Waits until no job is queued or running (the load's own recomputes, for one). */
  static void awaitJobsIdle(BenchServer server, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!jobs(server, "state=queued&limit=1").isEmpty()
        || !jobs(server, "state=running&limit=1").isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Jobs still running after " + limit);
      }
      Thread.sleep(200);
    }
  }

  private static List<String> jobs(BenchServer server, String query) throws Exception {
    String answer = server.get("/api/v1/jobs?" + query);
    return GeneratedCatalogLoader.objects(answer.substring(answer.indexOf('[')));
  }

  static long number(String json, String name) {
    Matcher found = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
    if (!found.find()) {
      throw new IllegalStateException("No " + name + " in " + json);
    }
    return Long.parseLong(found.group(1));
  }
}
