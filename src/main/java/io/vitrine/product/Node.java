package io.vitrine.product;

/** A product or a product model, by id: an end of an association, or a level of a variant tree. */
public record Node(Type type, long id) {

  public enum Type {
    PRODUCT("products", "product"),
    MODEL("product_models", "product_model");

    private final String field;
    private final String eventType;

    Type(String field, String eventType) {
      this.field = field;
      this.eventType = eventType;
    }

    /** The key under an association type in JSON: "products" or "product_models". */
    public String field() {
      return field;
    }

    /** The entity type of its change events. */
    public String eventType() {
      return eventType;
    }
  }
}
