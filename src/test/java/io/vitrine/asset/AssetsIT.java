package io.vitrine.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Asset uploads over HTTP: stored once by content, described from their bytes, downloaded with
 * cache headers, and every refusal leaving nothing behind.
 */
class AssetsIT extends VitrineIT {

  private static final Path PHOTOS = Path.of("../shared/datasets/product-photos");

  private Api.Response put(String code, byte[] bytes, String... headers) {
    return api.send("PUT", "api/v1/assets/" + code, BodyPublishers.ofByteArray(bytes), headers);
  }

  /** The server's data directory (on this machine: TestDatabase sets it). */
  static Path data() {
    return Path.of(System.getProperty("vitrine.it.work", "target/it"))
        .resolve(System.getProperty("vitrine.it.db") + "-data");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Nothing of a refused upload is left: no asset, and no file waiting in incoming. */
  private void assertNothingStored(String code) throws IOException {
    assertProblem(404, "not-found", api.get("api/v1/assets/" + code));
    Path incoming = data().resolve("assets/incoming");
    if (Files.isDirectory(incoming)) {
      try (Stream<Path> left = Files.list(incoming)) {
        assertEquals(List.of(), left.toList(), "upload files left behind");
      }
    }
  }

  @Test
  void aPdfIsADocumentWithItsPages() {
    var sheet = put(unique("sheet"), TestImages.pdf(2), "Content-Type", "application/pdf");
    assertStatus(201, sheet);
    assertEquals("document", sheet.json().getString("kind"));
    assertEquals(2, sheet.json().getInt("page_count"));
    assertTrue(sheet.json().isNull("width"), sheet::toString);
  }

  @Test
  void realPhotosAreStoredOnceDescribedAndDownloaded() throws Exception {
    assumeTrue(Files.isDirectory(PHOTOS), "../shared/datasets/product-photos is absent");
    List<Path> photos;
    try (Stream<Path> all = Files.list(PHOTOS)) {
      photos = all.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(5).toList();
    }
    for (Path photo : photos) {
      byte[] bytes = Files.readAllBytes(photo);
      String code = unique("photo");
      var created =
          put(
              code,
              bytes,
              "Content-Type",
              "image/jpeg",
              "Content-Disposition",
              "attachment; filename=\"" + photo.getFileName() + "\"");
      assertStatus(201, created);
      JsonObject asset = created.json();
      assertEquals("image/jpeg", asset.getString("media_type"));
      assertEquals(photo.getFileName().toString(), asset.getString("file_name"));
      assertEquals(bytes.length, asset.getInt("size"));
      assertEquals(sha256(bytes), asset.getString("sha256"));
      assertTrue(asset.getInt("width") > 100 && asset.getInt("height") > 100, asset::toString);
      assertTrue(
          Files.exists(
              data().resolve("assets").resolve(asset.getString("sha256").substring(0, 2))));

      String link = asset.getJsonObject("_links").getJsonObject("file").getString("href");
      byte[] downloaded = api.download(link.substring(link.indexOf("api/v1/")));
      assertArrayEquals(bytes, downloaded, photo.toString());
    }
  }

  @Test
  void theSameBytesAreStoredOnceAndDownloadsCache() throws Exception {
    byte[] png = TestImages.image("png", 64, 48);
    String first = unique("swatch");
    String second = unique("swatch");
    assertStatus(201, put(first, png, "Content-Type", "image/png"));
    var again = put(second, png); // no Content-Type: the content says what it is
    assertStatus(201, again);
    assertEquals(
        List.of(first),
        again.json().getJsonArray("same_content_as").stream()
            .map(v -> ((jakarta.json.JsonString) v).getString())
            .toList());
    String sha = sha256(png);
    Path stored =
        data().resolve("assets").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4));
    try (Stream<Path> files = Files.list(stored)) {
      assertEquals(List.of(stored.resolve(sha)), files.toList(), "one file for both");
    }

    var file = api.get("api/v1/assets/" + first + "/file?v=" + sha);
    assertStatus(200, file);
    assertEquals("image/png", file.contentType());
    assertEquals("public, max-age=31536000, immutable", file.header("Cache-Control").orElseThrow());
    assertEquals("nosniff", file.header("X-Content-Type-Options").orElseThrow());
    String tag = file.header("ETag").orElseThrow();
    assertStatus(304, api.get("api/v1/assets/" + first + "/file", "If-None-Match", tag));
    assertEquals(
        "public, max-age=0, must-revalidate",
        api.get("api/v1/assets/" + first + "/file").header("Cache-Control").orElseThrow(),
        "without the content's link, revalidate");

    // New bytes for an asset: a new version and a new link; a stale If-Match is refused.
    var replaced = put(first, TestImages.WEBP, "Content-Type", "image/webp", "If-Match", "\"1\"");
    assertStatus(200, replaced);
    assertEquals("image/webp", replaced.json().getString("media_type"));
    assertEquals(6, replaced.json().getInt("width"));
    assertStatus(412, put(first, png, "Content-Type", "image/png", "If-Match", "\"1\""));
  }

  @Test
  void exifOrientationIsApplied() {
    byte[] upright = TestImages.withOrientation(TestImages.image("jpg", 80, 40), 6);
    var created = put(unique("phone"), upright, "Content-Type", "image/jpeg");
    assertStatus(201, created);
    assertEquals(6, created.json().getInt("orientation"));
    assertEquals(40, created.json().getInt("width"));
    assertEquals(80, created.json().getInt("height"));
  }

  @Test
  void refusedUploadsSayWhyAndLeaveNothing() throws Exception {
    byte[] png = TestImages.image("png", 40, 40);
    String code = unique("bad");
    assertViolation(
        put(code, png, "Content-Type", "image/jpeg"), "file", "its content is image/png");
    assertNothingStored(code);
    assertViolation(
        put(
            code,
            png,
            "Content-Type",
            "image/png",
            "Content-Disposition",
            "attachment; filename=x.pdf"),
        "file",
        "says application/pdf");
    assertViolation(put(code, new byte[0], "Content-Type", "image/png"), "file", "empty");
    assertViolation(
        put(
            code,
            TestImages.cut(TestImages.image("jpg", 300, 200), 0.5),
            "Content-Type",
            "image/jpeg"),
        "file",
        "cut short");
    String script =
        "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(document.cookie)</script></svg>";
    assertViolation(
        put(code, script.getBytes(StandardCharsets.UTF_8), "Content-Type", "image/svg+xml"),
        "file",
        "<script>");
    assertViolation(
        put(
            code,
            "MZ\u0090\0 not an image".getBytes(StandardCharsets.ISO_8859_1),
            "Content-Type",
            "image/png"),
        "file",
        "Vitrine keeps JPEG");
    // 4.2 megapixels: over the tests' limit of 4, refused from the header alone.
    assertViolation(
        put(code, TestImages.image("png", 2100, 2000), "Content-Type", "image/png"),
        "file",
        "2100 × 2000 pixels");
    assertNothingStored(code);

    // The bytes are stored by their SHA-256, never under a name the client gives; still, codes and
    // file names that look like paths are refused. (An encoded slash in the path the container
    // itself refuses, with a 403.)
    assertViolation(put(".env", png, "Content-Type", "image/png"), "code", "no path");
    assertViolation(
        put(code + "?file_name=..%2F..%2Fetc%2Fpasswd", png, "Content-Type", "image/png"),
        "file_name",
        "not a path");
    assertViolation(
        put(code + "?file_name=a%0Ab.png", png, "Content-Type", "image/png"),
        "file_name",
        "control characters");
    assertNothingStored(code);

    // Over the tests' 2 MB limit, while it streams: a 413, and nothing kept.
    byte[] big = new byte[2_500_000];
    new Random(7).nextBytes(big);
    assertProblem(413, "payload-too-large", put(code, big, "Content-Type", "image/png"));
    assertNothingStored(code);
  }
}
