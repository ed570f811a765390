import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's results, as {@code bench/results/<name>.json}: the scenario's own fields (figure,
 * baseline, ratio, target, command), then the date and the machine, the same for every scenario.
 * Values are strings, numbers (written as given, doubles to 4 decimals), null, or nested maps.
 */
final class Results {

  private final Map<String, Object> fields = new LinkedHashMap<>();

  static Results of(String scenario) {
    Results results = new Results();
    results.fields.put("scenario", scenario);
    return results;
  }

  /** Adds {@code name}; a map value is written as an object. */
  Results put(String name, Object value) {
    fields.put(name, value);
    return this;
  }

  /**
   * Writes {@code bench/results/<name>.json} (or into {@code $VITRINE_BENCH_RESULTS}, where the CI
   * smoke run keeps its figures out of the recorded ones) and says so.
   */
  void write(String name) throws IOException {
    fields.put("date", OffsetDateTime.now().toString());
    fields.put(
        "machine",
        Runtime.getRuntime().availableProcessors()
            + " cores, "
            + System.getProperty("os.name")
            + ", Java "
            + System.getProperty("java.version"));
    String directory = System.getenv().getOrDefault("VITRINE_BENCH_RESULTS", "bench/results");
    Path file = Path.of(directory, name + ".json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, json(fields) + "\n");
    System.out.println("Wrote " + file);
  }

  /** A map of the arguments, in order: {@code map("a", 1, "b", 2)}. */
  static Map<String, Object> map(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }

  private static String json(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      StringBuilder object = new StringBuilder("{");
      map.forEach(
          (name, item) -> {
            if (object.length() > 1) {
              object.append(", ");
            }
            object.append(json(String.valueOf(name))).append(": ").append(json(item));
          });
      return object.append('}').toString();
    }
    if (value instanceof Double number) {
      return number.isNaN() || number.isInfinite()
          ? "null"
          : String.format(Locale.ROOT, "%.4f", number).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    StringBuilder text = new StringBuilder("\"");
    for (char c : value.toString().toCharArray()) {
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        default -> {
          if (c < 0x20) {
            text.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    return text.append('"').toString();
  }
}
