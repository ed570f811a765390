package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A node of a category tree; a category without a parent is the root of a tree. */
@Entity
@Table(name = "category")
public class Category extends CatalogEntity {

  @Id private String code;

  @Column(name = "parent_code")
  private String parent;

  private int position;

  protected Category() {}

  public Category(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public String parent() {
    return parent;
  }

  public int position() {
    return position;
  }

  void placeUnder(String parent, int position) {
    this.parent = parent;
    this.position = position;
  }
}
