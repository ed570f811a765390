package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One choice of a simple or multi select attribute, with labels per locale. */
@Entity
@Table(name = "attribute_option")
@IdClass(AttributeOption.Key.class)
public class AttributeOption extends CatalogEntity {

  @Id
  @Column(name = "attribute_code")
  private String attribute;

  @Id private String code;

  @Column(name = "sort_order")
  private int sortOrder;

  protected AttributeOption() {}

  public AttributeOption(String attribute, String code) {
    this.attribute = attribute;
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public String attribute() {
    return attribute;
  }

  public int sortOrder() {
    return sortOrder;
  }

  void setSortOrder(int sortOrder) {
    this.sortOrder = sortOrder;
  }

  /** The composite key: attribute and option code. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    String attribute;
    String code;

    public Key() {}

    public Key(String attribute, String code) {
      this.attribute = attribute;
      this.code = code;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(attribute, key.attribute)
          && Objects.equals(code, key.code);
    }

    @Override
    public int hashCode() {
      return Objects.hash(attribute, code);
    }
  }
}
