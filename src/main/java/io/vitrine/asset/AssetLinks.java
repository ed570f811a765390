package io.vitrine.asset;

import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.product.Product;
import io.vitrine.product.ProductCommand;
import io.vitrine.product.ProductOutcome;
import io.vitrine.product.Products;
import io.vitrine.product.ValueKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links an uploaded asset to the product its file name names, by its family's naming convention:
 * the asset goes into the convention's asset collection at its position. Positions are kept among
 * the assets that follow the same convention, whatever order the files arrive in ({@code shoe_3}
 * then {@code shoe_1} gives [shoe_1, shoe_3]); assets placed by hand keep their places.
 */
@ApplicationScoped
public class AssetLinks {

  /** Tries again when a merchandiser's edit of the same product wins the race in between. */
  private static final int ATTEMPTS = 3;

  /**
   * What one link may spend matching names, its own and those of the collection's assets: a slow
   * pattern costs an upload a fraction of a second, not minutes.
   */
  private static final long MATCHING_NANOS = 4 * NamingConvention.MATCH_NANOS;

  @Inject Products products;
  @Inject AssetRecords records;

  /** What an upload's name did: the value it went into, or why it went nowhere. */
  public record Link(
      String identifier,
      String attribute,
      String locale,
      String scope,
      Integer position,
      String problem) {

    static Link refused(NamingConvention.Target target, String attribute, String problem) {
      return new Link(
          target == null ? null : target.identifier(),
          attribute,
          target == null ? null : target.locale(),
          target == null ? null : target.channel(),
          null,
          problem);
    }

    public JsonObject toJson() {
      JsonObjectBuilder json = Jsonp.objectBuilder();
      Jsonp.addOrNull(json, "product", identifier);
      Jsonp.addOrNull(json, "attribute", attribute);
      Jsonp.addOrNull(json, "locale", locale);
      Jsonp.addOrNull(json, "scope", scope);
      Jsonp.addOrNull(json, "position", position);
      Jsonp.addOrNull(json, "problem", problem);
      return json.build();
    }
  }

  /** Links {@code asset} by {@code family}'s convention; null when the family has none. */
  public Link link(Asset asset, AssetFamily family) {
    Optional<NamingConvention> naming = family.naming();
    if (naming.isEmpty()) {
      return null;
    }
    try {
      return link(asset, family, naming.get(), System.nanoTime() + MATCHING_NANOS);
    } catch (RuntimeException failed) {
      // The asset is stored whatever happens here: say why it is not linked rather than fail the
      // upload that stored it.
      return Link.refused(
          null, naming.get().attribute(), "The asset could not be linked: " + failed.getMessage());
    }
  }

  private Link link(Asset asset, AssetFamily family, NamingConvention convention, long until) {
    NamingConvention.Target target = convention.match(asset.fileName(), until).orElse(null);
    if (target == null) {
      return Link.refused(
          null,
          convention.attribute(),
          "The file name '"
              + asset.fileName()
              + "' does not follow the naming convention of the family '"
              + family.code()
              + "' ("
              + convention.pattern().pattern()
              + ").");
    }
    Link link = null;
    for (int attempt = 0; attempt < ATTEMPTS && (link == null); attempt++) {
      link = tryLink(asset, convention, target, until);
    }
    return link != null
        ? link
        : Link.refused(
            target,
            convention.attribute(),
            "The product kept changing while the asset was being linked; link it by hand.");
  }

  /** The link, or null when the product changed between reading and writing it. */
  private Link tryLink(
      Asset asset, NamingConvention convention, NamingConvention.Target target, long until) {
    Product product;
    try {
      product = products.get(target.identifier());
    } catch (ProblemException missing) {
      return Link.refused(
          target,
          convention.attribute(),
          "There is no product '" + target.identifier() + "' to link the asset to.");
    }
    ValueKey key = new ValueKey(convention.attribute(), target.locale(), target.channel());
    List<String> current = codes(product.values().get(key));
    List<String> placed = place(current, asset.code(), target.position(), convention, until);
    Link linked =
        new Link(
            product.identifier(),
            key.attribute(),
            key.locale(),
            key.scope(),
            placed.indexOf(asset.code()) + 1,
            null);
    if (placed.equals(current)) {
      return linked;
    }
    JsonObject body =
        Jsonp.objectBuilder()
            .add(
                "values",
                Jsonp.objectBuilder()
                    .add(
                        key.attribute(),
                        Jsonp.arrayBuilder()
                            .add(
                                Jsonp.addOrNull(
                                        Jsonp.addOrNull(
                                            Jsonp.objectBuilder(), "locale", key.locale()),
                                        "scope",
                                        key.scope())
                                    .add("data", Jsonp.arrayBuilder(placed)))))
            .build();
    ProductOutcome outcome =
        products.save(
            new ProductCommand(
                ProductCommand.Mode.UPSERT,
                1,
                product.identifier(),
                body,
                "\"" + product.version() + "\""));
    if (outcome.succeeded()) {
      return linked;
    }
    if (outcome.status() == 412) {
      return null;
    }
    return Link.refused(target, convention.attribute(), outcome.problem().detail());
  }

  private static List<String> codes(JsonValue value) {
    if (!(value instanceof JsonArray array)) {
      return List.of();
    }
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  /**
   * {@code current} with {@code code} at {@code position}: before the first asset that the same
   * convention puts further on, else last. Without a position, the asset stays where it is, or goes
   * last.
   */
  List<String> place(
      List<String> current,
      String code,
      Integer position,
      NamingConvention convention,
      long until) {
    if (position == null) {
      if (current.contains(code)) {
        return current;
      }
      List<String> placed = new ArrayList<>(current);
      placed.add(code);
      return placed;
    }
    List<String> others = new ArrayList<>(current);
    others.remove(code);
    Map<String, String> names = records.fileNames(others);
    int at = others.size();
    for (int i = 0; i < others.size(); i++) {
      String name = names.get(others.get(i));
      Integer theirs =
          name == null
              ? null
              : convention.match(name, until).map(NamingConvention.Target::position).orElse(null);
      if (theirs != null && theirs > position) {
        at = i;
        break;
      }
    }
    others.add(at, code);
    return others;
  }
}
