package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A kind of link between products and product models: cross-sell, up-sell, substitution, pack. A
 * two-way link made on one side appears on the other; a quantified link carries a quantity.
 */
@Entity
@Table(name = "association_type")
public class AssociationType extends CatalogEntity {

  @Id private String code;

  @Column(name = "two_way")
  private boolean twoWay;

  private boolean quantified;

  protected AssociationType() {}

  public AssociationType(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public boolean twoWay() {
    return twoWay;
  }

  public boolean quantified() {
    return quantified;
  }

  void define(boolean twoWay, boolean quantified) {
    this.twoWay = twoWay;
    this.quantified = quantified;
  }
}
