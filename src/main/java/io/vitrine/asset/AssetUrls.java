package io.vitrine.asset;

import io.vitrine.platform.json.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The addresses of assets as channels publish them: the rendition the asset's family gives the
 * channel, else the original file. Each address names the bytes it serves ({@code ?v=}), so a
 * storefront or marketplace may cache it for good. Absolute, from {@code vitrine.public-url}:
 * exports are written by jobs, with no request to take the server's address from.
 */
@ApplicationScoped
public class AssetUrls {

  @Inject AssetRecords records;
  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "vitrine.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /**
   * Up to {@code limit} ids above {@code afterId}, in order, of the products that show the asset
   * {@code code} ({@code entityType} "asset") or an asset of the family {@code code}
   * ("asset_family"), by their own values or their models': what a change to it re-sends.
   */
  public List<Long> holders(String entityType, String code, long afterId, int limit) {
    String assets =
        entityType.equals("asset")
            ? "SELECT code FROM asset WHERE code = ?1"
            : "SELECT code FROM asset WHERE family_code = ?1";
    String models = "SELECT model_id FROM product_model_asset WHERE asset_code IN (" + assets + ")";
    List<?> ids =
        em.createNativeQuery(
                "SELECT p.id FROM product p WHERE p.id > ?2 AND (p.id IN (SELECT product_id FROM"
                    + " product_asset WHERE asset_code IN ("
                    + assets
                    + ")) OR p.parent_id IN ("
                    + models
                    + ") OR p.parent_id IN (SELECT id FROM product_model WHERE parent_id IN ("
                    + models
                    + "))) ORDER BY p.id")
            .setParameter(1, code)
            .setParameter(2, afterId)
            .setMaxResults(limit)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }

  /** {@code assets/<code>/renditions/<rendition>?v=<tag>}, relative to the API's root. */
  public static String renditionPath(Asset asset, RenditionSpec spec) {
    return "assets/"
        + encoded(asset.code())
        + "/renditions/"
        + spec.code()
        + "?v="
        + Renditions.tag(asset, spec);
  }

  /** {@code assets/<code>/file?v=<sha256>}, relative to the API's root. */
  public static String filePath(Asset asset) {
    return "assets/" + encoded(asset.code()) + "/file?v=" + asset.sha256();
  }

  private static String encoded(String code) {
    // Codes are letters, digits, _ - and .: nothing to escape today, but the address stays valid
    // whatever a later version allows.
    return URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The assets among {@code codes} as {@code channel} publishes them, by code: {@code {code, url,
   * media_type}}, plus the rendition's name when the address is a rendition's.
   */
  public Map<String, JsonObject> forChannel(Collection<String> codes, String channel) {
    Map<String, JsonObject> published = new HashMap<>();
    if (codes.isEmpty()) {
      return published;
    }
    String root = publicUrl.replaceAll("/+$", "") + "/api/v1/";
    Map<String, Optional<AssetFamily>> families = new HashMap<>();
    List<String> all = new ArrayList<>(codes);
    for (int i = 0; i < all.size(); i += 1000) {
      for (Asset asset : records.byCodes(all.subList(i, Math.min(all.size(), i + 1000)))) {
        Optional<RenditionSpec> spec =
            families
                .computeIfAbsent(asset.family(), f -> Optional.ofNullable(records.familyOrNull(f)))
                .flatMap(family -> family.renditionFor(channel))
                .filter(s -> Renditions.renderable(asset));
        JsonObjectBuilder json = Jsonp.objectBuilder().add("code", asset.code());
        if (spec.isPresent()) {
          json.add("url", root + renditionPath(asset, spec.get()))
              .add("media_type", spec.get().format().mediaType())
              .add("rendition", spec.get().code());
        } else {
          json.add("url", root + filePath(asset)).add("media_type", asset.mediaType());
        }
        published.put(asset.code(), json.build());
      }
    }
    return published;
  }
}
