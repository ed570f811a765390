package io.vitrine.publish;

import io.vitrine.platform.json.JsonDocuments;
import io.vitrine.publish.export.ExportFormat;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One export of a profile, written by a job a batch at a time. Its file holds {@link #fileLength}
 * committed bytes, its rejections file {@link #rejectionsLength}: what lies beyond was written by a
 * batch that did not commit.
 */
@Entity
@Table(name = "export_run")
public class ExportRun {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "export_run_seq")
  @SequenceGenerator(name = "export_run_seq", sequenceName = "export_run_seq", allocationSize = 1)
  private Long id;

  @Column(name = "channel_code")
  private String channel;

  @Column(name = "profile_code")
  private String profile;

  /** The profile's JSON when the export began. */
  private String definition;

  /** Which products it takes: the channel's rule and the profile's filters, as a search. */
  private String search;

  @Column(name = "updated_after")
  private OffsetDateTime updatedAfter;

  @Column(name = "job_id")
  private long job;

  private long written;
  private long rejected;

  @Column(name = "file_length")
  private long fileLength;

  @Column(name = "rejections_length")
  private long rejectionsLength;

  private boolean complete;

  /** The format of {@link #definition}, read once: a definition may list a thousand columns. */
  @jakarta.persistence.Transient private ExportFormat format;

  private OffsetDateTime created;
  private OffsetDateTime finished;

  protected ExportRun() {}

  ExportRun(
      String channel,
      String profile,
      JsonObject definition,
      String search,
      OffsetDateTime updatedAfter,
      OffsetDateTime created) {
    this.channel = channel;
    this.profile = profile;
    this.definition = definition.toString();
    this.search = search;
    this.updatedAfter = updatedAfter;
    this.created = created;
  }

  public long id() {
    return id;
  }

  public String channel() {
    return channel;
  }

  public String profile() {
    return profile;
  }

  public JsonObject definition() {
    return JsonDocuments.parseObject(definition, "export " + id);
  }

  public ExportFormat format() {
    if (format == null) {
      format = ExportFormat.of(definition().getString("format"));
    }
    return format;
  }

  public String search() {
    return search;
  }

  /** With the filter "updated since the last export": the start of that export. */
  public OffsetDateTime updatedAfter() {
    return updatedAfter;
  }

  public long job() {
    return job;
  }

  public long written() {
    return written;
  }

  public long rejected() {
    return rejected;
  }

  public long fileLength() {
    return fileLength;
  }

  public long rejectionsLength() {
    return rejectionsLength;
  }

  /** Whether its file is whole: written to the end, ready to download. */
  public boolean complete() {
    return complete;
  }

  public OffsetDateTime created() {
    return created;
  }

  public OffsetDateTime finished() {
    return finished;
  }

  void queued(long job) {
    this.job = job;
  }

  void advance(long written, long rejected, long fileLength, long rejectionsLength) {
    this.written += written;
    this.rejected += rejected;
    this.fileLength = fileLength;
    this.rejectionsLength = rejectionsLength;
  }

  void complete(long fileLength, OffsetDateTime now) {
    this.fileLength = fileLength;
    this.complete = true;
    this.finished = now;
  }
}
