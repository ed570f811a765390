package io.vitrine.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A locale such as en_US: products may hold a value per locale for localizable attributes. */
@Entity
@Table(name = "locale")
public class CatalogLocale extends CatalogEntity {

  @Id private String code;

  protected CatalogLocale() {}

  public CatalogLocale(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
