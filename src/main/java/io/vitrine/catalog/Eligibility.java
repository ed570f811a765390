package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Which products a channel publishes: enabled ones only, those classified in its category tree
 * only, those at least this complete and of at least this data quality grade, on all of the
 * channel's locales or on any one of them.
 */
@Embeddable
public class Eligibility {

  @Column(name = "eligible_enabled_only")
  private boolean enabledOnly = true;

  @Column(name = "eligible_in_tree_only")
  private boolean inTreeOnly = true;

  @Column(name = "eligible_min_completeness")
  private int minCompleteness = 100;

  @Column(name = "eligible_min_grade")
  private String minQualityGrade;

  @Column(name = "eligible_all_locales")
  private boolean allLocales = true;

  protected Eligibility() {}

  public Eligibility(
      boolean enabledOnly,
      boolean inTreeOnly,
      int minCompleteness,
      String minQualityGrade,
      boolean allLocales) {
    this.enabledOnly = enabledOnly;
    this.inTreeOnly = inTreeOnly;
    this.minCompleteness = minCompleteness;
    this.minQualityGrade = minQualityGrade;
    this.allLocales = allLocales;
  }

  /** The default: enabled, in the tree, 100 % complete on every locale, any grade. */
  public static Eligibility standard() {
    return new Eligibility(true, true, 100, null, true);
  }

  public boolean enabledOnly() {
    return enabledOnly;
  }

  public boolean inTreeOnly() {
    return inTreeOnly;
  }

  public int minCompleteness() {
    return minCompleteness;
  }

  /** A, B, C, D or E; null: any grade. */
  public String minQualityGrade() {
    return minQualityGrade;
  }

  /** True: completeness and grade must hold on every locale of the channel; false: on one. */
  public boolean allLocales() {
    return allLocales;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Eligibility e
        && enabledOnly == e.enabledOnly
        && inTreeOnly == e.inTreeOnly
        && minCompleteness == e.minCompleteness
        && Objects.equals(minQualityGrade, e.minQualityGrade)
        && allLocales == e.allLocales;
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabledOnly, inTreeOnly, minCompleteness, minQualityGrade, allLocales);
  }
}
