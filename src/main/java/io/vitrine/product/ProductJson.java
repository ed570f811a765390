package io.vitrine.product;

import io.vitrine.platform.Timestamps;
import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;

/** A product in the standard format of DESIGN decision 3 (Akeneo's, without associations yet). */
public final class ProductJson {

  private ProductJson() {}

  public static JsonObject of(Product product) {
    var json = Jsonp.objectBuilder().add("identifier", product.identifier());
    if (product.family() == null) {
      json.addNull("family");
    } else {
      json.add("family", product.family());
    }
    return json.add("categories", Jsonp.arrayBuilder(product.categories()))
        .add("enabled", product.enabled())
        .add("values", product.values().toJson())
        .add("created", Timestamps.format(product.created()))
        .add("updated", Timestamps.format(product.updated()))
        .build();
  }
}
