package io.vitrine.jobs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A job: what to do (kind and subject), where it stands, and what went wrong. */
@Entity
@Table(name = "job")
public class Job {

  public enum State {
    QUEUED,
    RUNNING,
    FINISHED,
    FAILED
  }

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_seq")
  @SequenceGenerator(name = "job_seq", sequenceName = "job_seq", allocationSize = 1)
  private Long id;

  private String kind;
  private String subject;
  private String state;
  private long done;
  private long total;

  @Column(name = "cursor_id")
  private long cursor;

  /** Error messages, one per line. */
  private String errors = "";

  private OffsetDateTime created;
  private OffsetDateTime started;
  private OffsetDateTime finished;

  protected Job() {}

  Job(String kind, String subject, OffsetDateTime created) {
    this.kind = kind;
    this.subject = subject;
    this.state = State.QUEUED.name();
    this.created = created;
  }

  public long id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  public String subject() {
    return subject;
  }

  public State state() {
    return State.valueOf(state);
  }

  public long done() {
    return done;
  }

  public long total() {
    return total;
  }

  public long cursor() {
    return cursor;
  }

  public java.util.List<String> errors() {
    return errors.isEmpty() ? java.util.List.of() : java.util.List.of(errors.split("\n"));
  }

  public OffsetDateTime created() {
    return created;
  }

  public OffsetDateTime started() {
    return started;
  }

  public OffsetDateTime finished() {
    return finished;
  }

  void start(long total, OffsetDateTime now) {
    this.state = State.RUNNING.name();
    this.total = total;
    this.started = now;
  }

  void advance(long cursor, long processed) {
    this.cursor = cursor;
    this.done += processed;
    // Products added while the job runs are worked on too: the total follows.
    this.total = Math.max(total, done);
  }

  void finish(OffsetDateTime now) {
    this.state = State.FINISHED.name();
    this.finished = now;
  }

  /** Back in the queue after a failure; the errors stay, the cursor and counters too. */
  void retry() {
    this.state = State.QUEUED.name();
    this.finished = null;
  }

  void fail(String error, OffsetDateTime now) {
    String line = String.valueOf(error).replaceAll("\\s+", " ").strip();
    this.errors = errors.isEmpty() ? line : errors + "\n" + line;
    this.state = State.FAILED.name();
    this.finished = now;
  }
}
