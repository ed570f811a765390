package io.vitrine.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One committed change, in the outbox that search, feeds and webhooks read (DESIGN decision 2).
 * {@code seq} numbers changes without gaps in the order their transactions committed.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent {

  @Id private long seq;

  @Column(name = "entity_type")
  private String entityType;

  @Column(name = "entity_code")
  private String entityCode;

  @Column(name = "entity_id")
  private Long entityId;

  private String action;

  private long version;

  @Column(name = "occurred_at")
  private OffsetDateTime occurredAt;

  protected ChangeEvent() {}

  ChangeEvent(long seq, Change change, OffsetDateTime occurredAt) {
    this.seq = seq;
    this.entityType = change.entityType();
    this.entityCode = change.entityCode();
    this.entityId = change.entityId();
    this.action = change.action().name().toLowerCase(java.util.Locale.ROOT);
    this.version = change.version();
    this.occurredAt = occurredAt;
  }

  public long seq() {
    return seq;
  }

  public String entityType() {
    return entityType;
  }

  public String entityCode() {
    return entityCode;
  }

  public Long entityId() {
    return entityId;
  }

  public String action() {
    return action;
  }

  public long version() {
    return version;
  }

  public OffsetDateTime occurredAt() {
    return occurredAt;
  }
}
