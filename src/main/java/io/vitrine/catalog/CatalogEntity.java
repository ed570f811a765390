package io.vitrine.catalog;

import jakarta.persistence.Convert;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What every part of the catalog schema has: a code, labels per locale, a version, times. */
@MappedSuperclass
public abstract class CatalogEntity {

  @Convert(converter = StringMapConverter.class)
  private Map<String, String> labels = Map.of();

  @Version private long version;

  private OffsetDateTime created;

  private OffsetDateTime updated;

  public abstract String code();

  public Map<String, String> labels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  public long version() {
    return version;
  }

  public OffsetDateTime created() {
    return created;
  }

  public OffsetDateTime updated() {
    return updated;
  }

  void stamp(OffsetDateTime now) {
    if (created == null) {
      created = now;
    }
    updated = now;
  }
}
