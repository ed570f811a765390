package io.vitrine.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where products are published (a web shop, a marketplace): its locales, currencies, category tree,
 * and the units metric values are converted to.
 */
@Entity
@Table(name = "channel")
public class Channel extends CatalogEntity {

  @Id private String code;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "channel_locale", joinColumns = @JoinColumn(name = "channel_code"))
  @Column(name = "locale_code")
  @OrderColumn(name = "position")
  private List<String> locales = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "channel_currency", joinColumns = @JoinColumn(name = "channel_code"))
  @Column(name = "currency_code")
  @OrderColumn(name = "position")
  private List<String> currencies = new ArrayList<>();

  @Column(name = "category_tree")
  private String categoryTree;

  @Column(name = "conversion_units")
  @Convert(converter = StringMapConverter.class)
  private Map<String, String> conversionUnits = Map.of();

  @Column(name = "title_min_length")
  private Integer titleMinLength;

  @Column(name = "title_max_length")
  private Integer titleMaxLength;

  @jakarta.persistence.Embedded private Eligibility eligibility = Eligibility.standard();

  protected Channel() {}

  public Channel(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public List<String> locales() {
    return List.copyOf(locales);
  }

  public List<String> currencies() {
    return List.copyOf(currencies);
  }

  public String categoryTree() {
    return categoryTree;
  }

  /** Attribute code to unit code: metric values are shown in these units on this channel. */
  public Map<String, String> conversionUnits() {
    return conversionUnits;
  }

  /** The fewest characters a product title should have here (data quality); null: no bound. */
  public Integer titleMinLength() {
    return titleMinLength;
  }

  /** The most characters a product title should have here (data quality); null: no bound. */
  public Integer titleMaxLength() {
    return titleMaxLength;
  }

  /** Which products this channel publishes. */
  public Eligibility eligibility() {
    return eligibility == null ? Eligibility.standard() : eligibility;
  }

  void setEligibility(Eligibility eligibility) {
    if (!eligibility.equals(this.eligibility)) {
      this.eligibility = eligibility;
    }
  }

  void setTitleLength(Integer min, Integer max) {
    this.titleMinLength = min;
    this.titleMaxLength = max;
  }

  void define(
      List<String> locales, List<String> currencies, String tree, Map<String, String> units) {
    if (!this.locales.equals(locales)) {
      this.locales.clear();
      this.locales.addAll(locales);
    }
    if (!this.currencies.equals(currencies)) {
      this.currencies.clear();
      this.currencies.addAll(currencies);
    }
    this.categoryTree = tree;
    if (!this.conversionUnits.equals(units)) {
      this.conversionUnits = Collections.unmodifiableMap(new TreeMap<>(units));
    }
  }
}
