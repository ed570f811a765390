package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A property products can have a value for, with its type, whether values differ per locale
 * (localizable) or per channel (scopable), and the rules values must follow. Properties that do not
 * apply to the type are null.
 */
@Entity
@Table(name = "attribute")
public class Attribute extends CatalogEntity {

  @Id private String code;

  @Column(name = "attribute_type")
  @Convert(converter = AttributeTypeConverter.class)
  private AttributeType type;

  @Column(name = "group_code")
  private String group;

  private boolean localizable;
  private boolean scopable;

  @Column(name = "unique_value")
  private boolean unique;

  @Column(name = "sort_order")
  private int sortOrder;

  @Column(name = "max_characters")
  private Integer maxCharacters;

  @Column(name = "validation_rule")
  private String validationRule;

  @Column(name = "validation_regexp")
  private String validationRegexp;

  @Column(name = "rich_text")
  private Boolean richText;

  @Column(name = "decimals_allowed")
  private Boolean decimalsAllowed;

  @Column(name = "negative_allowed")
  private Boolean negativeAllowed;

  @Column(name = "number_min")
  private BigDecimal numberMin;

  @Column(name = "number_max")
  private BigDecimal numberMax;

  @Column(name = "metric_family")
  private String metricFamily;

  @Column(name = "default_metric_unit")
  private String defaultMetricUnit;

  @Column(name = "date_min")
  private LocalDate dateMin;

  @Column(name = "date_max")
  private LocalDate dateMax;

  private Boolean gtin;

  @Column(name = "asset_family")
  private String assetFamily;

  protected Attribute() {}

  public Attribute(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public AttributeType type() {
    return type;
  }

  public String group() {
    return group;
  }

  public boolean localizable() {
    return localizable;
  }

  public boolean scopable() {
    return scopable;
  }

  public boolean unique() {
    return unique;
  }

  public int sortOrder() {
    return sortOrder;
  }

  public Integer maxCharacters() {
    return maxCharacters;
  }

  public String validationRule() {
    return validationRule;
  }

  public String validationRegexp() {
    return validationRegexp;
  }

  public Boolean richText() {
    return richText;
  }

  public Boolean decimalsAllowed() {
    return decimalsAllowed;
  }

  public Boolean negativeAllowed() {
    return negativeAllowed;
  }

  public BigDecimal numberMin() {
    return numberMin;
  }

  public BigDecimal numberMax() {
    return numberMax;
  }

  public String metricFamily() {
    return metricFamily;
  }

  public String defaultMetricUnit() {
    return defaultMetricUnit;
  }

  public LocalDate dateMin() {
    return dateMin;
  }

  public LocalDate dateMax() {
    return dateMax;
  }

  /**
   * Whether values are GTINs (EAN-8, UPC-A, EAN-13, GTIN-14), whose check digit data quality
   * verifies; null for types other than text.
   */
  public Boolean gtin() {
    return gtin;
  }

  /** For an asset collection: the family its assets must belong to, or null for any. */
  public String assetFamily() {
    return assetFamily;
  }

  /** Everything a request may set on an attribute, already validated. */
  record Definition(
      AttributeType type,
      String group,
      boolean localizable,
      boolean scopable,
      boolean unique,
      int sortOrder,
      Integer maxCharacters,
      String validationRule,
      String validationRegexp,
      Boolean richText,
      Boolean decimalsAllowed,
      Boolean negativeAllowed,
      BigDecimal numberMin,
      BigDecimal numberMax,
      String metricFamily,
      String defaultMetricUnit,
      LocalDate dateMin,
      LocalDate dateMax,
      Boolean gtin,
      String assetFamily) {}

  void define(Definition d) {
    type = d.type();
    group = d.group();
    localizable = d.localizable();
    scopable = d.scopable();
    unique = d.unique();
    sortOrder = d.sortOrder();
    maxCharacters = d.maxCharacters();
    validationRule = d.validationRule();
    validationRegexp = d.validationRegexp();
    richText = d.richText();
    decimalsAllowed = d.decimalsAllowed();
    negativeAllowed = d.negativeAllowed();
    numberMin = sameNumber(numberMin, d.numberMin());
    numberMax = sameNumber(numberMax, d.numberMax());
    metricFamily = d.metricFamily();
    defaultMetricUnit = d.defaultMetricUnit();
    dateMin = d.dateMin();
    dateMax = d.dateMax();
    gtin = d.gtin();
    assetFamily = d.assetFamily();
  }

  // NUMERIC(38,10) reads back as 5.0000000000: keep the stored instance when the value is equal,
  // so that an unchanged attribute is not written again.
  private static BigDecimal sameNumber(BigDecimal current, BigDecimal next) {
    return current != null && next != null && current.compareTo(next) == 0 ? current : next;
  }
}
