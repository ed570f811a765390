package io.vitrine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body written by hand, as a browser writes one (java.net.http has no
 * publisher for it): {@code new MultipartBody().field("code", "a").file("file", "a.png",
 * "image/png", bytes)}.
 */
public final class MultipartBody {

  private final String boundary =
      "----VitrineBoundary" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** A text field. */
  public MultipartBody field(String name, String value) {
    return part(
        "Content-Disposition: form-data; name=\"" + name + "\"",
        value.getBytes(StandardCharsets.UTF_8));
  }

  /** A file part; {@code contentType} null sends none. */
  public MultipartBody file(String name, String fileName, String contentType, byte[] bytes) {
    String headers =
        "Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"";
    return part(
        contentType == null ? headers : headers + "\r\nContent-Type: " + contentType, bytes);
  }

  /** A part with these header lines. */
  public MultipartBody part(String headers, byte[] bytes) {
    write("--" + boundary + "\r\n" + headers + "\r\n\r\n");
    body.writeBytes(bytes);
    write("\r\n");
    return this;
  }

  /** The body, closed by its final boundary. */
  public byte[] bytes() {
    var all = new ByteArrayOutputStream();
    all.writeBytes(body.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return all.toByteArray();
  }

  /** The body so far, without its final boundary: one cut short. */
  public byte[] unfinished() {
    return body.toByteArray();
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
