package io.vitrine.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An ISO 4217 currency that prices may be given in; {@code decimals} is its minor unit. */
@Entity
@Table(name = "currency")
public class CatalogCurrency extends CatalogEntity {

  @Id private String code;

  private int decimals;

  protected CatalogCurrency() {}

  public CatalogCurrency(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public int decimals() {
    return decimals;
  }

  public void setDecimals(int decimals) {
    this.decimals = decimals;
  }
}
