package io.vitrine.publish.export;

import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * One export format, written as products come: each resolved product is written, or refused with
 * the reason the format's rules give (a report lists them; nothing is dropped silently). {@link
 * #finish} completes the document; the stream stays the caller's to close.
 */
public interface ExportWriter {

  /** Writes {@code product}; null when written, else why the format refuses it. */
  String write(JsonObject product) throws IOException;

  /** Writes what ends the document, and flushes. */
  void finish() throws IOException;
}
