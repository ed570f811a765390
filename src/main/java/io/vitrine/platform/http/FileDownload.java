package io.vitrine.platform.http;

import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file answered for download, whole or in part: byte ranges (RFC 9110 §14) let a browser's {@code
 * <video>} seek and a broken download resume.
 *
 * <p>{@link #answer} weighs the request's conditions in the RFC's order (§13.2.2). {@code
 * If-None-Match} naming the ETag is a 304. Then {@code Range}, only when {@code If-Range}, if sent,
 * is the current strong ETag: a date, a weak or another tag says the client's copy is not this
 * file, which is then sent whole. One range is a 206 with exactly those bytes; a last byte past the
 * end is the end; a range that selects no byte is a 416. Every other {@code Range} gets the whole
 * file, 200, as the RFC allows: an invalid one ({@code bytes=abc}, {@code bytes=5-2}), which must
 * be ignored; another unit than bytes; and several ranges ({@code bytes=0-1,5-6}), since a
 * multipart/byteranges answer would cost more than the client gains, and browsers ask for one
 * range.
 *
 * <p>The bytes are read from the file as they are written, never held in memory. A HEAD gets the
 * GET's headers: JAX-RS answers it by running the GET and dropping the body, which also means a
 * HEAD with a Range gets the headers of the 206, as common web servers answer it (RFC 9110 §14.2
 * would have a HEAD's Range ignored, but the GET cannot tell it runs for a HEAD).
 *
 * @param file where the bytes are
 * @param size how many there are
 * @param mediaType the file's media type
 * @param etag its strong entity tag, without quotes
 * @param cacheControl the {@code Cache-Control} of every answer but a 416
 */
public record FileDownload(
    Path file, long size, String mediaType, String etag, String cacheControl) {

  private static final Pattern RANGE_SPEC = Pattern.compile("(\\d*)-(\\d*)");
  private static final int BUFFER_BYTES = 64 * 1024;
  private static final String ACCEPT_RANGES = "Accept-Ranges";
  private static final String CONTENT_RANGE = "Content-Range";

  /**
   * The answer to a GET of the file (200, 206 or 304), to which the caller adds its own headers;
   * every answer says {@code Accept-Ranges: bytes}.
   *
   * @param range the request's {@code Range} header, or null
   * @param ifRange its {@code If-Range} header, or null
   * @param ifNoneMatch its {@code If-None-Match} header, or null
   * @throws ProblemException a 416, with {@code Content-Range: bytes *}{@code /size}, when the
   *     range selects no byte of the file
   */
  public Response.ResponseBuilder answer(String range, String ifRange, String ifNoneMatch) {
    EntityTag tag = new EntityTag(etag);
    if (Versions.matches(ifNoneMatch, etag)) {
      return Response.notModified(tag)
          .header(ACCEPT_RANGES, "bytes")
          .header(HttpHeaders.CACHE_CONTROL, cacheControl);
    }
    Selection selected = select(range, ifRange);
    if (selected.status() == 416) {
      throw new ProblemException(
          Problem.rangeNotSatisfiable(range, size),
          Map.of(CONTENT_RANGE, "bytes */" + size, ACCEPT_RANGES, "bytes"));
    }
    var response =
        Response.status(selected.status())
            .entity(bytes(selected.first(), selected.length()))
            .type(mediaType)
            .tag(tag)
            .header(ACCEPT_RANGES, "bytes")
            .header(HttpHeaders.CACHE_CONTROL, cacheControl)
            .header(HttpHeaders.CONTENT_LENGTH, selected.length());
    if (selected.status() == 206) {
      response.header(
          CONTENT_RANGE, "bytes " + selected.first() + "-" + selected.last() + "/" + size);
    }
    return response;
  }

  /** What a request gets of the file: a status, and the bytes from first to last (inclusive). */
  record Selection(int status, long first, long last) {

    long length() {
      return last - first + 1;
    }
  }

  private static final Selection UNSATISFIABLE = new Selection(416, 0, -1);

  /** What {@code range} selects of the file, when {@code ifRange} lets it select anything. */
  Selection select(String range, String ifRange) {
    Selection whole = new Selection(200, 0, size - 1);
    if (range == null || (ifRange != null && !ifRange.strip().equals('"' + etag + '"'))) {
      return whole;
    }
    int equals = range.indexOf('=');
    if (equals < 0 || !range.substring(0, equals).strip().equalsIgnoreCase("bytes")) {
      return whole;
    }
    // A list may hold empty elements (RFC 9110 §5.6.1); none left is invalid, several are sent
    // whole.
    List<String> specs =
        Arrays.stream(range.substring(equals + 1).split(",", -1))
            .map(String::strip)
            .filter(spec -> !spec.isEmpty())
            .toList();
    if (specs.size() != 1) {
      return whole;
    }
    Matcher spec = RANGE_SPEC.matcher(specs.get(0));
    if (!spec.matches() || (spec.group(1).isEmpty() && spec.group(2).isEmpty())) {
      return whole;
    }
    if (spec.group(1).isEmpty()) {
      long suffix = number(spec.group(2));
      return suffix == 0 || size == 0
          ? UNSATISFIABLE
          : new Selection(206, Math.max(0, size - suffix), size - 1);
    }
    long first = number(spec.group(1));
    long last = spec.group(2).isEmpty() ? Long.MAX_VALUE : number(spec.group(2));
    if (last < first) {
      return whole;
    }
    return first >= size ? UNSATISFIABLE : new Selection(206, first, Math.min(last, size - 1));
  }

  /** Digits as a number; more than a long holds is still more than any file has. */
  private static long number(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException tooLarge) {
      return Long.MAX_VALUE;
    }
  }

  /** The {@code length} bytes from {@code first}, read from the file as they are written. */
  StreamingOutput bytes(long first, long length) {
    return out -> {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        channel.position(first);
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(BUFFER_BYTES, length)));
        long left = length;
        while (left > 0) {
          buffer.clear().limit((int) Math.min(buffer.capacity(), left));
          int read = channel.read(buffer);
          if (read < 0) {
            // The status and length are sent already: all that is left is to cut the answer short.
            throw new EOFException(file + " is shorter than the " + size + " bytes announced");
          }
          out.write(buffer.array(), 0, read);
          left -= read;
        }
      }
    };
  }
}
