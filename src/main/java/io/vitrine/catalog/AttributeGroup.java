package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

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

  @Transient private volatile List<String> parsedRules;

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

  /** The data quality rules switched off for this group's attributes, by code, sorted. */
  public List<String> disabledQualityRules() {
    // Read for every product a write or a recompute judges: split once.
    List<String> rules = parsedRules;
    if (rules == null) {
      rules = disabledQualityRules.isEmpty() ? List.of() : List.of(disabledQualityRules.split(" "));
      parsedRules = rules;
    }
    return rules;
  }

  void setDisabledQualityRules(Collection<String> rules) {
    this.disabledQualityRules = String.join(" ", new TreeSet<>(rules));
    this.parsedRules = null;
  }
}
