package io.vitrine.product;

import io.vitrine.platform.json.Jsonp;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The plain answer to reading one product (its document, without origins, completeness or quality),
 * as the bytes sent, kept for recently read products by id and version.
 *
 * <p>Reading a product is what storefronts do most, and building its answer (parsing the stored
 * values, merging the lineage, reading its categories and links, writing JSON) costs more than
 * finding its row. A product's version moves with every change to its document: its own writes, and
 * the touches of its models' and links' changes ({@link Touches}), which its ETag already relies
 * on. So an answer is valid exactly for its version, and one of an older version is never asked for
 * again: nothing needs invalidating, and every server of a cluster stays right on its own. Bounded
 * by bytes ({@code vitrine.product-answers.cache-mb}), least recently read out first.
 */
@ApplicationScoped
public class ProductAnswers {

  @Inject ProductDocuments documents;

  @Inject
  @ConfigProperty(name = "vitrine.product-answers.cache-mb", defaultValue = "64")
  long megabytes;

  private Recent recent;

  @PostConstruct
  void start() {
    recent = new Recent(megabytes << 20);
  }

  /** The JSON bytes of {@code product}'s document, as of its version. */
  public byte[] of(Product product) {
    byte[] answer = recent.get(product.id(), product.version());
    if (answer == null) {
      answer = bytes(documents.product(product, false));
      recent.put(product.id(), product.version(), answer);
    }
    return answer;
  }

  private static byte[] bytes(JsonObject document) {
    var out = new ByteArrayOutputStream(4096);
    try (JsonWriter writer = Jsonp.provider().createWriter(out)) {
      writer.writeObject(document);
    }
    return out.toByteArray();
  }

  /** Answers by product id, each of one version, within a budget of bytes. */
  static final class Recent {

    private record Entry(long version, byte[] bytes) {}

    private final long budget;
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long used;

    Recent(long budget) {
      this.budget = budget;
    }

    synchronized byte[] get(long id, long version) {
      Entry entry = entries.get(id);
      return entry != null && entry.version() == version ? entry.bytes() : null;
    }

    synchronized void put(long id, long version, byte[] bytes) {
      if (bytes.length > budget / 16) {
        return; // one huge product must not push out hundreds of ordinary ones
      }
      Entry old = entries.get(id);
      if (old != null && old.version() > version) {
        return; // a slower reader of an older version finished last
      }
      if (old != null) {
        used -= old.bytes().length;
      }
      entries.put(id, new Entry(version, bytes));
      used += bytes.length;
      Iterator<Map.Entry<Long, Entry>> eldest = entries.entrySet().iterator();
      while (used > budget && eldest.hasNext()) {
        used -= eldest.next().getValue().bytes().length;
        eldest.remove();
      }
    }

    synchronized long used() {
      return used;
    }

    synchronized int size() {
      return entries.size();
    }
  }
}
