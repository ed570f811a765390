package io.vitrine.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as Vitrine stores and shows them: UTC, to the millisecond, ISO 8601 with a Z. */
public final class Timestamps {

  private Timestamps() {}

  /** Now, truncated to what both H2 and PostgreSQL store exactly. */
  public static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  public static String format(OffsetDateTime time) {
    return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
  }

  /** Adds {@code time} to {@code json} as {@code field}, formatted, or null. */
  public static jakarta.json.JsonObjectBuilder add(
      jakarta.json.JsonObjectBuilder json, String field, OffsetDateTime time) {
    return time == null ? json.addNull(field) : json.add(field, format(time));
  }
}
