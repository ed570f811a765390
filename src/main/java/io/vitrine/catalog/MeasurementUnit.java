package io.vitrine.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One unit of a measurement family, with the operations that convert it to the standard unit. */
@Entity
@Table(name = "measurement_unit")
@IdClass(MeasurementUnit.Key.class)
public class MeasurementUnit {

  @Id
  @ManyToOne
  @JoinColumn(name = "family_code")
  private MeasurementFamily family;

  @Id private String code;

  @Convert(converter = StringMapConverter.class)
  private Map<String, String> labels = Map.of();

  private String symbol;

  @Convert(converter = ConversionConverter.class)
  private List<Conversion.Step> conversion = List.of();

  private int position;

  protected MeasurementUnit() {}

  MeasurementUnit(MeasurementFamily family, String code) {
    this.family = family;
    this.code = code;
  }

  /** A unit as a request describes it. */
  public record Definition(
      String code, Map<String, String> labels, String symbol, List<Conversion.Step> conversion) {}

  void define(Definition definition, int position) {
    if (!labels.equals(definition.labels())) {
      labels = Collections.unmodifiableMap(new TreeMap<>(definition.labels()));
    }
    symbol = definition.symbol();
    if (!conversion.equals(definition.conversion())) {
      conversion = List.copyOf(definition.conversion());
    }
    this.position = position;
  }

  public String code() {
    return code;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public String symbol() {
    return symbol;
  }

  public List<Conversion.Step> conversion() {
    return conversion;
  }

  /** The composite key: family and unit code. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    @Column(name = "family_code")
    String family;

    String code;

    public Key() {}

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(family, key.family)
          && Objects.equals(code, key.code);
    }

    @Override
    public int hashCode() {
      return Objects.hash(family, code);
    }
  }
}
