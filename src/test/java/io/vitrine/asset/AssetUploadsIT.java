package io.vitrine.asset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.testing.Api;
import io.vitrine.testing.MultipartBody;
import io.vitrine.testing.VitrineIT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Uploads from a browser form: many files in one multipart/form-data request, each stored as it
 * streams in and answered on its own, a refused one stopping none of the others.
 */
class AssetUploadsIT extends VitrineIT {

  private Api.Response upload(MultipartBody form) {
    return upload(form.contentType(), BodyPublishers.ofByteArray(form.bytes()));
  }

  private Api.Response upload(String contentType, BodyPublisher body) {
    return api.send("POST", "api/v1/assets", body, "Content-Type", contentType);
  }

  /** The answer's items, after checking it is a 200. */
  private static List<JsonObject> items(Api.Response response) {
    assertStatus(200, response);
    return response.json().getJsonArray("items").getValuesAs(JsonObject.class);
  }

  /** The server's data directory (on this machine: TestDatabase sets it). */
  private static Path incoming() {
    return Path.of(System.getProperty("vitrine.it.work", "target/it"))
        .resolve(System.getProperty("vitrine.it.db") + "-data")
        .resolve("assets/incoming");
  }

  private static List<Path> incomingFiles() {
    if (!Files.isDirectory(incoming())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(incoming())) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Nothing of a refused file is left: no asset, and no file waiting in incoming. */
  private void assertNothingStored(String code) {
    assertProblem(404, "not-found", api.get("api/v1/assets/" + code));
    assertEquals(List.of(), incomingFiles(), "upload files left behind");
  }

  @Test
  void severalFilesInOneRequestEachGetACodeFromItsName() {
    String stem = unique("tee");
    byte[] jpeg = TestImages.image("jpg", 120, 80);
    byte[] png = TestImages.image("png", 60, 40);
    var form =
        new MultipartBody()
            .file("file", "shirts/" + stem + " navy 1.jpg", "image/jpeg", jpeg)
            .file("file", "-" + stem + "_swatch.png", "image/png", png)
            .file("file", stem + "(detail).webp", "image/webp", TestImages.WEBP);
    List<JsonObject> items = items(upload(form));
    assertEquals(3, items.size(), items::toString);

    JsonObject first = items.get(0);
    assertEquals("shirts/" + stem + " navy 1.jpg", first.getString("file_name"));
    assertEquals(stem + "_navy_1.jpg", first.getString("code"));
    assertEquals(201, first.getInt("status"));
    JsonObject asset = first.getJsonObject("asset");
    assertEquals(stem + "_navy_1.jpg", asset.getString("code"));
    assertEquals(stem + " navy 1.jpg", asset.getString("file_name"), "without the folder");
    assertEquals("image/jpeg", asset.getString("media_type"));
    assertEquals(120, asset.getInt("width"));
    assertEquals(List.of(), asset.getJsonArray("same_content_as"));
    assertEquals(
        api.get("api/v1/assets/" + asset.getString("code")).json().getString("sha256"),
        asset.getString("sha256"));
    String link = asset.getJsonObject("_links").getJsonObject("file").getString("href");
    assertArrayEquals(jpeg, api.download(link.substring(link.indexOf("api/v1/"))));

    assertEquals(stem + "_swatch.png", items.get(1).getString("code"));
    assertEquals("image/png", items.get(1).getJsonObject("asset").getString("media_type"));
    assertEquals(stem + "_detail_.webp", items.get(2).getString("code"));
    assertEquals(6, items.get(2).getJsonObject("asset").getInt("width"));
    for (JsonObject item : items) {
      assertStatus(200, api.get("api/v1/assets/" + item.getString("code")));
    }
  }

  @Test
  void aRefusedFileLeavesNothingAndStopsNoOther() {
    String stem = unique("mixed");
    var form =
        new MultipartBody()
            .file("file", stem + "_a.png", "image/png", TestImages.image("png", 30, 30))
            .file("file", stem + "_liar.jpg", "image/jpeg", TestImages.image("png", 31, 31))
            .file("file", "日本", "image/png", TestImages.image("png", 32, 32))
            .file("file", stem + "_b.jpg", "image/jpeg", TestImages.image("jpg", 33, 33));
    List<JsonObject> items = items(upload(form));
    assertEquals(List.of(201, 422, 422, 201), items.stream().map(i -> i.getInt("status")).toList());

    JsonObject liar = items.get(1);
    assertEquals(stem + "_liar.jpg", liar.getString("code"));
    assertTrue(!liar.containsKey("asset"), liar::toString);
    JsonObject problem = liar.getJsonObject("problem");
    assertEquals("urn:vitrine:problem:validation-failed", problem.getString("type"));
    assertEquals(422, problem.getInt("status"));
    assertEquals("/api/v1/assets", problem.getString("instance"));
    JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
    assertEquals("file", error.getString("property"));
    assertTrue(error.getString("message").contains("its content is image/png"), liar::toString);
    assertNothingStored(stem + "_liar.jpg");

    JsonObject nameless = items.get(2);
    assertTrue(nameless.isNull("code"), nameless::toString);
    assertEquals(
        "code",
        nameless
            .getJsonObject("problem")
            .getJsonArray("errors")
            .getJsonObject(0)
            .getString("property"));

    assertStatus(200, api.get("api/v1/assets/" + stem + "_a.png"));
    assertStatus(200, api.get("api/v1/assets/" + stem + "_b.jpg"));
  }

  @Test
  void aCodeFieldNamesTheFileAfterItAndAnExistingAssetGetsItsFileReplaced() {
    String code = unique("hero");
    byte[] before = TestImages.image("png", 50, 50);
    var put =
        api.send(
            "PUT",
            "api/v1/assets/" + code,
            BodyPublishers.ofByteArray(before),
            "Content-Type",
            "image/png");
    assertStatus(201, put);

    byte[] after = TestImages.image("jpg", 70, 50);
    String other = unique("IMG_0001") + ".JPG";
    var form =
        new MultipartBody()
            .field("code", code)
            .file("file", "IMG_0001.JPG", "image/jpeg", after)
            .file("file", other, "image/jpeg", TestImages.image("jpg", 10, 10));
    List<JsonObject> items = items(upload(form));
    assertEquals(200, items.get(0).getInt("status"), items::toString);
    JsonObject replaced = items.get(0).getJsonObject("asset");
    assertEquals(code, replaced.getString("code"));
    assertEquals("IMG_0001.JPG", replaced.getString("file_name"));
    assertEquals("image/jpeg", replaced.getString("media_type"));
    assertNotEquals(put.json().getString("sha256"), replaced.getString("sha256"));
    assertEquals(
        replaced.getString("sha256"),
        api.get("api/v1/assets/" + code).json().getString("sha256"),
        "the new bytes are the asset's");
    assertEquals(other, items.get(1).getString("code"), "the code field applies to one file");
    assertEquals(201, items.get(1).getInt("status"));
  }

  @Test
  void aFileOverTheLimitIsRefusedAloneAndTheRestStillStreamsIn() {
    String stem = unique("big");
    byte[] big = new byte[2_500_000]; // the tests' limit is 2 MB
    new Random(11).nextBytes(big);
    var form =
        new MultipartBody()
            .file("file", stem + "_before.png", "image/png", TestImages.image("png", 20, 20))
            .file("file", stem + "_huge.png", "image/png", big)
            .file("file", stem + "_after.webp", "image/webp", TestImages.WEBP);
    List<JsonObject> items = items(upload(form));
    assertEquals(List.of(201, 413, 201), items.stream().map(i -> i.getInt("status")).toList());
    JsonObject problem = items.get(1).getJsonObject("problem");
    assertEquals("urn:vitrine:problem:payload-too-large", problem.getString("type"));
    assertTrue(problem.getString("detail").contains("2000000 bytes"), problem::toString);
    assertNothingStored(stem + "_huge.png");
    assertStatus(200, api.get("api/v1/assets/" + stem + "_after.webp"));
  }

  /**
   * The first file is written to disk while the client still holds back the rest of the body: a
   * server that buffered the request (in memory or a temporary file) before storing would write
   * nothing until the whole body had arrived.
   */
  @Test
  void eachFileIsStoredAsItArrivesNotAfterTheWholeBody() {
    String stem = unique("stream");
    byte[] image = TestImages.image("png", 1200, 900);
    var form =
        new MultipartBody()
            .file("file", stem + "_1.png", "image/png", image)
            .file("file", stem + "_2.jpg", "image/jpeg", TestImages.image("jpg", 40, 40));
    byte[] body = form.bytes();
    int half = indexOf(body, image) + image.length / 2;
    var writtenEarly = new AtomicBoolean();
    Flow.Publisher<ByteBuffer> halves =
        subscriber ->
            subscriber.onSubscribe(
                new Flow.Subscription() {
                  private int sent; // 1: the first half; 2: the rest, on its way

                  @Override
                  public synchronized void request(long n) {
                    if (sent == 0) {
                      sent = 1;
                      subscriber.onNext(ByteBuffer.wrap(body, 0, half));
                      if (n == 1) {
                        return;
                      }
                    }
                    if (sent == 1) {
                      sent = 2;
                      // Waits on a thread of its own: the client's keep sending the first half.
                      new Thread(
                              () -> {
                                writtenEarly.set(awaitIncomingBytes());
                                subscriber.onNext(ByteBuffer.wrap(body, half, body.length - half));
                                subscriber.onComplete();
                              })
                          .start();
                    }
                  }

                  @Override
                  public void cancel() {}
                });
    var response = upload(form.contentType(), BodyPublishers.fromPublisher(halves, body.length));
    List<JsonObject> items = items(response);
    assertTrue(writtenEarly.get(), "the first file reached the disk only after the whole body");
    assertEquals(List.of(201, 201), items.stream().map(i -> i.getInt("status")).toList());
    assertEquals(image.length, items.get(0).getJsonObject("asset").getInt("size"));
  }

  /** Whether an upload file with bytes in it appears in incoming within 30 s. */
  private static boolean awaitIncomingBytes() {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (Path file : incomingFiles()) {
        try {
          if (Files.size(file) > 0) {
            return true;
          }
        } catch (IOException goneMeanwhile) {
          // moved or deleted between listing and reading: look again
        }
      }
      sleep(20);
    }
    return false;
  }

  private static int indexOf(byte[] all, byte[] part) {
    for (int i = 0; i + part.length <= all.length; i++) {
      if (Arrays.equals(all, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  @Test
  void aRequestThatIsNotAFormWithFilesIsRefusedWhole() {
    var json = api.post("api/v1/assets", "{}");
    JsonObject notForm = assertProblem(415, "unsupported-media-type", json);
    assertTrue(notForm.getString("detail").contains("multipart/form-data"), json::toString);
    assertProblem(
        415,
        "unsupported-media-type",
        api.send("POST", "api/v1/assets", BodyPublishers.ofString("x")));

    assertViolation(upload(new MultipartBody()), "file", "no file was sent");
    assertViolation(
        upload(new MultipartBody().field("code", unique("lonely"))), "code", "none followed");
    assertViolation(
        upload(
            new MultipartBody()
                .field("colour", "navy")
                .file("file", unique("f") + ".png", "image/png", TestImages.image("png", 9, 9))),
        "colour",
        "is not a field of an asset upload");
  }

  @Test
  void aBodyCutShortKeepsTheFilesBeforeItAndSaysSo() {
    String stem = unique("cut");
    var form =
        new MultipartBody()
            .file("file", stem + "_whole.png", "image/png", TestImages.image("png", 25, 25))
            .file("file", stem + "_cut.jpg", "image/jpeg", TestImages.image("jpg", 300, 200));
    byte[] unfinished = form.unfinished();
    var response =
        upload(
            form.contentType(),
            BodyPublishers.ofByteArray(Arrays.copyOf(unfinished, unfinished.length - 500)));
    JsonObject problem = assertProblem(400, "bad-request", response);
    assertTrue(problem.getString("detail").contains("could not be read"), response::toString);
    var items = problem.getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(1, items.size(), response::toString);
    assertEquals(201, items.get(0).getInt("status"));
    assertNothingStored(stem + "_cut.jpg");
  }
}
