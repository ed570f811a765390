package io.vitrine.imports;

import io.vitrine.asset.AssetFamilyKind;
import io.vitrine.asset.Assets;
import io.vitrine.catalog.AttributeGroupKind;
import io.vitrine.catalog.AttributeKind;
import io.vitrine.catalog.AttributeOptionKind;
import io.vitrine.catalog.CatalogEntity;
import io.vitrine.catalog.CatalogKind;
import io.vitrine.catalog.CatalogStore;
import io.vitrine.catalog.CategoryKind;
import io.vitrine.catalog.ChannelKind;
import io.vitrine.catalog.FamilyKind;
import io.vitrine.platform.json.JsonDocuments;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.product.ProductCommand;
import io.vitrine.product.ProductOutcome;
import io.vitrine.product.Products;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the sample catalog of {@code assets-sample/} (packaged under {@code sample/}) into an empty
 * database, through the same validation as every API write, so that a new user starts with a
 * believable catalog. A database that already holds families, channels or products is left alone.
 */
@ApplicationScoped
public class SampleCatalog {

  private static final Logger LOG = Logger.getLogger(SampleCatalog.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CatalogStore store;
  @Inject CategoryKind categories;
  @Inject AttributeGroupKind groups;
  @Inject AttributeKind attributes;
  @Inject AttributeOptionKind options;
  @Inject ChannelKind channels;
  @Inject FamilyKind families;
  @Inject Products products;
  @Inject AssetFamilyKind assetFamilies;
  @Inject Assets assets;

  @Inject
  @ConfigProperty(name = "vitrine.sample.load", defaultValue = "true")
  boolean enabled;

  public void loadIfEmpty() {
    if (!enabled || !isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    List<String> problems = new ArrayList<>();
    int schema = 0;
    schema += load(categories, "categories.json", null, problems);
    schema += load(groups, "attribute-groups.json", null, problems);
    schema += load(attributes, "attributes.json", null, problems);
    schema += loadOptions(problems);
    schema += load(channels, "channels.json", null, problems);
    schema += load(families, "families.json", null, problems);
    schema += load(assetFamilies, "asset-families.json", null, problems);
    // The attribute exists before the family whose naming convention fills it; only then can it
    // be limited to that family.
    save(
        attributes,
        null,
        Jsonp.objectBuilder().add("code", "images").add("asset_family", "product_images").build(),
        "attributes.json",
        problems);
    int assetCount = loadAssets(problems);
    List<ProductCommand> commands = new ArrayList<>();
    int line = 0;
    for (String json : lines("products.ndjson")) {
      commands.add(
          new ProductCommand(
              ProductCommand.Mode.UPSERT,
              ++line,
              null,
              JsonDocuments.parseObject(json, "products.ndjson line " + line),
              null));
    }
    int loaded = 0;
    for (ProductOutcome outcome : products.saveAll(commands)) {
      if (outcome.succeeded()) {
        loaded++;
      } else {
        problems.add("product line " + outcome.line() + ": " + outcome.problem().toJson(null));
      }
    }
    LOG.info(
        "Sample catalog loaded: "
            + schema
            + " schema items, "
            + assetCount
            + " assets and "
            + loaded
            + " products in "
            + (System.nanoTime() - started) / 1_000_000
            + " ms");
    if (!problems.isEmpty()) {
      LOG.severe(
          "The sample catalog has "
              + problems.size()
              + " invalid items:\n"
              + String.join("\n", problems));
    }
  }

  /** The pictures, uploaded as any asset is: checked, stored by content, described. */
  private int loadAssets(List<String> problems) {
    int loaded = 0;
    for (JsonObject item : array("assets.json")) {
      String file = item.getString("file");
      try (InputStream bytes = open(file)) {
        assets.put(
            item.getString("code"),
            item.getString("family", null),
            file.substring(file.lastIndexOf('/') + 1),
            null,
            null,
            -1,
            bytes);
        loaded++;
      } catch (ProblemException e) {
        problems.add("assets.json " + item.getString("code") + ": " + e.problem().toJson(null));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loaded;
  }

  private boolean isEmpty() {
    return count("Family") == 0 && count("Channel") == 0 && count("Product") == 0;
  }

  private long count(String entity) {
    return em.createQuery("SELECT COUNT(e) FROM " + entity + " e", Long.class).getSingleResult();
  }

  private <E extends CatalogEntity> int load(
      CatalogKind<E> kind, String file, String parent, List<String> problems) {
    int loaded = 0;
    for (JsonObject item : array(file)) {
      if (save(kind, parent, item, file, problems)) {
        loaded++;
      }
    }
    return loaded;
  }

  private int loadOptions(List<String> problems) {
    int loaded = 0;
    for (JsonObject option : array("attribute-options.json")) {
      if (save(
          options, option.getString("attribute"), option, "attribute-options.json", problems)) {
        loaded++;
      }
    }
    return loaded;
  }

  private <E extends CatalogEntity> boolean save(
      CatalogKind<E> kind, String parent, JsonObject item, String file, List<String> problems) {
    try {
      store.upsert(kind, parent, item.getString("code"), item, null);
      return true;
    } catch (ProblemException e) {
      problems.add(file + " " + item.getString("code", "?") + ": " + e.problem().toJson(null));
      return false;
    }
  }

  private static List<JsonObject> array(String file) {
    try (var reader = Jsonp.reader(open(file))) {
      return reader.readArray().getValuesAs(JsonObject.class);
    }
  }

  private static List<String> lines(String file) {
    try (var reader =
        new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
      return reader.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String file) {
    InputStream in = SampleCatalog.class.getResourceAsStream("/sample/" + file);
    if (in == null) {
      throw new IllegalStateException(
          "The sample catalog file sample/" + file + " is missing from the application");
    }
    return in;
  }
}
