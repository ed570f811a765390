package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A group of attributes shown together (Marketing, Technical, …). */
@Entity
@Table(name = "attribute_group")
public class AttributeGroup extends CatalogEntity {

  public static final String DEFAULT = "other";

  @Id private String code;

  @Column(name = "sort_order")
  private int sortOrder;

  protected AttributeGroup() {}

  public AttributeGroup(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public int sortOrder() {
    return sortOrder;
  }

  void setSortOrder(int sortOrder) {
    this.sortOrder = sortOrder;
  }
}
