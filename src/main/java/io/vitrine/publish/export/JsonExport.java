package io.vitrine.publish.export;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A JSON array of the products as the channel publishes them, written as they come. */
public final class JsonExport implements ExportWriter {

  private final Writer writer;
  private boolean first;

  /** A whole document. */
  public JsonExport(OutputStream out) throws IOException {
    this(out, true, 0);
  }

  /**
   * With {@code head} false, the continuation of an array an earlier writer began and wrote {@code
   * writtenBefore} products to.
   */
  public JsonExport(OutputStream out, boolean head, long writtenBefore) throws IOException {
    this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    this.first = writtenBefore == 0;
    if (head) {
      writer.write('[');
    }
  }

  @Override
  public String write(JsonObject product) throws IOException {
    if (!first) {
      writer.write(',');
    }
    first = false;
    writer.write('\n');
    // Not closed: that would close the stream.
    Jsonp.provider().createWriter(writer).write(product);
    return null;
  }

  @Override
  public void flush() throws IOException {
    writer.flush();
  }

  @Override
  public void finish() throws IOException {
    writer.write(first ? "]\n" : "\n]\n");
    writer.flush();
  }
}
