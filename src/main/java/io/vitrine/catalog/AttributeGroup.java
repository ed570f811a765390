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

  // Space-separated rule codes, sorted.
  @Column(name = "disabled_quality_rules")
  private String disabledQualityRules = "";

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

  /** The data quality rules switched off for this group's attributes, by code. */
  public java.util.SortedSet<String> disabledQualityRules() {
    return disabledQualityRules.isEmpty()
        ? java.util.Collections.emptySortedSet()
        : new java.util.TreeSet<>(java.util.List.of(disabledQualityRules.split(" ")));
  }

  void setDisabledQualityRules(java.util.Collection<String> rules) {
    this.disabledQualityRules = String.join(" ", new java.util.TreeSet<>(rules));
  }
}
