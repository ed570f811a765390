package io.vitrine.catalog;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A kind of measure (Weight, Length, …): its units and how each converts to the standard one. */
@Entity
@Table(name = "measurement_family")
public class MeasurementFamily extends CatalogEntity {

  @Id private String code;

  @Column(name = "standard_unit")
  private String standardUnit;

  @OneToMany(
      mappedBy = "family",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.EAGER)
  @OrderBy("position")
  private List<MeasurementUnit> units = new ArrayList<>();

  protected MeasurementFamily() {}

  public MeasurementFamily(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }

  public String standardUnit() {
    return standardUnit;
  }

  public List<MeasurementUnit> units() {
    return List.copyOf(units);
  }

  public Optional<MeasurementUnit> unit(String unitCode) {
    return units.stream().filter(u -> u.code().equals(unitCode)).findFirst();
  }

  void setStandardUnit(String standardUnit) {
    this.standardUnit = standardUnit;
  }

  /**
   * Replaces the units, keeping the rows of units that stay (so they are updated, not re-created).
   */
  void replaceUnits(List<MeasurementUnit.Definition> definitions) {
    units.removeIf(u -> definitions.stream().noneMatch(d -> d.code().equals(u.code())));
    int position = 0;
    for (var definition : definitions) {
      final int at = position++;
      var existing = unit(definition.code());
      if (existing.isPresent()) {
        existing.get().define(definition, at);
      } else {
        var unit = new MeasurementUnit(this, definition.code());
        unit.define(definition, at);
        units.add(unit);
      }
    }
  }
}
