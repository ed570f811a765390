package io.vitrine.asset;

import io.vitrine.catalog.CatalogEntity;
import io.vitrine.platform.json.JsonDocuments;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A family of assets (product images, spec sheets, videos, …): which kinds of file it takes, the
 * renditions made of its images, and the naming convention that links its files to products.
 */
@Entity
@Table(name = "asset_family")
public class AssetFamily extends CatalogEntity {

  @Id private String code;

  @Column(name = "media_kinds")
  private String mediaKinds;

  /** The specs as the API shows them: {code: spec}. */
  private String renditions = "{}";

  @Column(name = "naming_pattern")
  private String namingPattern;

  @Column(name = "naming_attribute")
  private String namingAttribute;

  @Transient private List<RenditionSpec> specs;

  protected AssetFamily() {}

  AssetFamily(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public Set<AssetInspector.Kind> kinds() {
    Set<AssetInspector.Kind> kinds = EnumSet.noneOf(AssetInspector.Kind.class);
    Arrays.stream(mediaKinds.split(","))
        .forEach(k -> kinds.add(AssetInspector.Kind.valueOf(k.toUpperCase(Locale.ROOT))));
    return kinds;
  }

  /** A 422 naming {@code file} when this family does not take files of the inspected kind. */
  void checkTakes(AssetInspector.Inspection inspection) {
    if (!kinds().contains(inspection.kind())) {
      new Violations()
          .add(
              "file",
              "The family '"
                  + code
                  + "' takes "
                  + inWords(kinds())
                  + "; this file is "
                  + inspection.mediaType()
                  + ".")
          .throwIfAny();
    }
  }

  /** {@code kinds} in words: "images and documents". */
  static String inWords(Collection<AssetInspector.Kind> kinds) {
    return String.join(
        " and ", kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT) + "s").toList());
  }

  public List<RenditionSpec> renditions() {
    if (specs == null) {
      JsonObject stored = JsonDocuments.parseObject(renditions, "asset family renditions");
      var violations = new Violations();
      List<RenditionSpec> read = new ArrayList<>();
      stored.forEach(
          (name, spec) ->
              read.add(RenditionSpec.read(name, new JsonInput(spec.asJsonObject(), violations))));
      specs = List.copyOf(read);
    }
    return specs;
  }

  public Optional<RenditionSpec> rendition(String name) {
    return renditions().stream().filter(r -> r.code().equals(name)).findFirst();
  }

  /** The rendition {@code channel} shows of this family's images, if any. */
  public Optional<RenditionSpec> renditionFor(String channel) {
    return renditions().stream().filter(r -> r.channels().contains(channel)).findFirst();
  }

  public Optional<NamingConvention> naming() {
    return namingPattern == null
        ? Optional.empty()
        : Optional.of(new NamingConvention(Pattern.compile(namingPattern), namingAttribute));
  }

  void define(
      Set<AssetInspector.Kind> kinds, JsonObject renditions, String pattern, String attribute) {
    this.mediaKinds =
        kinds.stream()
            .map(k -> k.name().toLowerCase(Locale.ROOT))
            .sorted()
            .collect(Collectors.joining(","));
    this.renditions = renditions.toString();
    this.specs = null;
    this.namingPattern = pattern;
    this.namingAttribute = attribute;
  }
}
