package io.vitrine.publish.export;

import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * One export format, written as products come: each resolved product is written, or refused with
 * the reason the format's rules give (a report lists them; nothing is dropped silently). A writer
 * may also continue a document an earlier writer began (an export job writes each batch with a
 * writer of its own): {@link #flush} then leaves the document open for the next, and the last one's
 * {@link #finish} completes it. The stream stays the caller's to close.
 */
public interface ExportWriter {

  /** Writes {@code product}; null when written, else why the format refuses it. */
  String write(JsonObject product) throws IOException;

  /** Puts out what is written so far; the document stays open for more products. */
  void flush() throws IOException;

  /** Writes what ends the document, and flushes. */
  void finish() throws IOException;
}
