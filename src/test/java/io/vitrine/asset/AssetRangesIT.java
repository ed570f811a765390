package io.vitrine.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.VitrineIT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Downloads in parts, as a browser's video player seeks: one byte range is a 206 with exactly those
 * bytes, and every case the server declines to cut (another file, several ranges) is the whole
 * file.
 */
class AssetRangesIT extends VitrineIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private byte[] png;
  private String sha;
  private String file;

  /** A PNG uploaded as a new asset; {@code file} is its download link. */
  @BeforeEach
  void upload() {
    png = TestImages.image("png", 320, 240);
    String code = unique("clip");
    var created =
        api.send(
            "PUT",
            "api/v1/assets/" + code + "?file_name=clip.png",
            BodyPublishers.ofByteArray(png),
            "Content-Type",
            "image/png");
    assertStatus(201, created);
    sha = created.json().getString("sha256");
    file = "api/v1/assets/" + code + "/file";
  }

  /** A request for the file with these headers, its body kept as bytes. */
  private HttpResponse<byte[]> send(String method, String path, String... headers) {
    var request =
        HttpRequest.newBuilder(api.uri(path))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<byte[]> get(String... headers) {
    return send("GET", file, headers);
  }

  private static String header(HttpResponse<?> response, String name) {
    return response
        .headers()
        .firstValue(name)
        .orElseThrow(() -> new AssertionError("No " + name + ": " + response.headers().map()));
  }

  private void assertPart(int first, int last, HttpResponse<byte[]> response) {
    assertEquals(206, response.statusCode(), () -> new String(response.body()));
    assertEquals(
        "bytes " + first + "-" + last + "/" + png.length, header(response, "Content-Range"));
    assertEquals(Integer.toString(last - first + 1), header(response, "Content-Length"));
    assertArrayEquals(Arrays.copyOfRange(png, first, last + 1), response.body());
  }

  private void assertWhole(HttpResponse<byte[]> response) {
    assertEquals(200, response.statusCode(), () -> new String(response.body()));
    assertTrue(response.headers().firstValue("Content-Range").isEmpty(), "no Content-Range");
    assertEquals(Integer.toString(png.length), header(response, "Content-Length"));
    assertArrayEquals(png, response.body());
  }

  @Test
  void oneRangeIsThoseBytesWithTheFilesHeaders() {
    var part = get("Range", "bytes=100-199");
    assertPart(100, 199, part);
    assertEquals("image/png", header(part, "Content-Type"));
    assertEquals("bytes", header(part, "Accept-Ranges"));
    assertEquals('"' + sha + '"', header(part, "ETag"));
    assertEquals("public, max-age=0, must-revalidate", header(part, "Cache-Control"));
    assertEquals("nosniff", header(part, "X-Content-Type-Options"));
    assertEquals("inline; filename*=UTF-8''clip.png", header(part, "Content-Disposition"));

    var linked = send("GET", file + "?v=" + sha, "Range", "bytes=0-0");
    assertPart(0, 0, linked);
    assertEquals("public, max-age=31536000, immutable", header(linked, "Cache-Control"));

    assertPart(0, png.length - 1, get("Range", "bytes=0-"));
    assertPart(png.length - 10, png.length - 1, get("Range", "bytes=-10"));
    assertPart(0, png.length - 1, get("Range", "bytes=-" + (png.length + 1000)));
    assertPart(50, png.length - 1, get("Range", "bytes=50-" + (png.length + 1000)));
  }

  @Test
  void withoutARangeTheWholeFileSaysRangesAreAccepted() {
    var whole = get();
    assertWhole(whole);
    assertEquals("bytes", header(whole, "Accept-Ranges"));
    assertEquals(304, get("If-None-Match", '"' + sha + '"', "Range", "bytes=0-9").statusCode());
  }

  @Test
  void aRangePastTheEndIsUnsatisfiable() {
    Api.Response refused = api.get(file, "Range", "bytes=" + png.length + "-");
    var problem = assertProblem(416, "range-not-satisfiable", refused);
    assertEquals("bytes */" + png.length, refused.header("Content-Range").orElseThrow());
    assertEquals(
        "The file has "
            + png.length
            + " bytes (0 to "
            + (png.length - 1)
            + "); the range 'bytes="
            + png.length
            + "-' selects none of them.",
        problem.getString("detail"));
    assertEquals("/" + file, problem.getString("instance"));
    assertProblem(416, "range-not-satisfiable", api.get(file, "Range", "bytes=-0"));
  }

  @Test
  void anotherFilesIfRangeSeveralRangesOrAnInvalidRangeGetTheWholeFile() {
    assertPart(0, 9, get("Range", "bytes=0-9", "If-Range", '"' + sha + '"'));
    assertWhole(get("Range", "bytes=0-9", "If-Range", "\"an-older-file\""));
    assertWhole(get("Range", "bytes=0-9", "If-Range", "W/\"" + sha + '"'));
    assertWhole(get("Range", "bytes=0-9", "If-Range", "Sat, 29 Oct 1994 19:43:31 GMT"));
    assertWhole(get("Range", "bytes=0-1,5-6"));
    assertWhole(get("Range", "bytes=abc"));
    assertWhole(get("Range", "bytes=5-2"));
    assertWhole(get("Range", "items=0-9"));
  }

  @Test
  void headAnswersWithTheGetsHeaders() {
    var head = send("HEAD", file);
    assertEquals(200, head.statusCode());
    assertEquals(Integer.toString(png.length), header(head, "Content-Length"));
    assertEquals("bytes", header(head, "Accept-Ranges"));
    assertEquals("image/png", header(head, "Content-Type"));
    assertEquals('"' + sha + '"', header(head, "ETag"));
    assertEquals(0, head.body().length);

    // JAX-RS answers a HEAD by running the GET: with a Range, the 206's headers.
    var part = send("HEAD", file, "Range", "bytes=0-9");
    assertEquals(206, part.statusCode());
    assertEquals("10", header(part, "Content-Length"));
    assertEquals("bytes 0-9/" + png.length, header(part, "Content-Range"));
    assertEquals(0, part.body().length);
  }
}
