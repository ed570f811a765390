package io.vitrine.asset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/** An asset: a code, the file it was uploaded as, and what Vitrine read of its bytes. */
@Entity
@Table(name = "asset")
public class Asset {

  @Id private String code;

  /** The code in lower case: codes are told apart without regard to case. */
  @Column(name = "code_key")
  private String codeKey;

  @Column(name = "family_code")
  private String family;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "media_type")
  private String mediaType;

  private String kind;

  @Column(name = "size_bytes")
  private long size;

  private String sha256;
  private Integer width;
  private Integer height;
  private Integer orientation;

  @Column(name = "color_space")
  private String colorSpace;

  @Column(name = "duration_ms")
  private Long durationMs;

  @Column(name = "page_count")
  private Integer pageCount;

  @Version private long version;
  private OffsetDateTime created;
  private OffsetDateTime updated;

  protected Asset() {}

  Asset(String code) {
    this.code = code;
    this.codeKey = key(code);
  }

  static String key(String code) {
    return code.toLowerCase(java.util.Locale.ROOT);
  }

  public String code() {
    return code;
  }

  /** The asset family, or null. */
  public String family() {
    return family;
  }

  public String fileName() {
    return fileName;
  }

  public String mediaType() {
    return mediaType;
  }

  public AssetInspector.Kind kind() {
    return AssetInspector.Kind.valueOf(kind);
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  public Integer width() {
    return width;
  }

  public Integer height() {
    return height;
  }

  public Integer orientation() {
    return orientation;
  }

  public String colorSpace() {
    return colorSpace;
  }

  public Long durationMs() {
    return durationMs;
  }

  public Integer pageCount() {
    return pageCount;
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

  /** Takes the bytes {@code inspection} describes as this asset's. */
  void describe(
      String family,
      String fileName,
      String sha256,
      long size,
      AssetInspector.Inspection inspection,
      OffsetDateTime now) {
    this.family = family;
    this.fileName = fileName;
    this.sha256 = sha256;
    this.size = size;
    this.mediaType = inspection.mediaType();
    this.kind = inspection.kind().name();
    this.width = inspection.width();
    this.height = inspection.height();
    this.orientation = inspection.orientation();
    this.colorSpace = inspection.colorSpace();
    this.durationMs = inspection.durationMs();
    this.pageCount = inspection.pageCount();
    if (created == null) {
      created = now;
    }
    updated = now;
  }
}
