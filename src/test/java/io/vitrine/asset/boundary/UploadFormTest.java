package io.vitrine.asset.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.platform.problem.Problem;
import io.vitrine.testing.MultipartBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadFormTest {

  /** What a store saw of a file part: its names, type, code, refusal and bytes. */
  record Seen(
      String sentName,
      String fileName,
      String contentType,
      String code,
      String family,
      Problem refusal,
      byte[] bytes) {}

  private static UploadForm.Outcome<Seen> read(MultipartBody form) {
    return read(form.contentType(), form.bytes());
  }

  private static UploadForm.Outcome<Seen> read(String contentType, byte[] body) {
    return UploadForm.read(
        contentType,
        new ByteArrayInputStream(body),
        part ->
            new Seen(
                part.sentName(),
                part.fileName(),
                part.contentType(),
                part.code(),
                part.family(),
                part.refusal(),
                part.refusal() == null ? readAll(part.content()) : null));
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The one violation of {@code problem}: its property and message. */
  private static void assertViolation(Problem problem, String property, String words) {
    assertEquals(422, problem.status(), problem::toString);
    var error = problem.extensions().getJsonArray("errors").getJsonObject(0);
    assertEquals(property, error.getString("property"), problem::toString);
    assertTrue(error.getString("message").contains(words), problem::toString);
  }

  @Test
  void codesAreFileNamesWithWhatACodeCannotHoldReplaced() {
    assertEquals("tee_navy_1.jpg", UploadForm.codeOf("tee_navy_1.jpg"));
    assertEquals("tee_navy_1.jpg", UploadForm.codeOf("tee navy 1.jpg"));
    assertEquals("Tee-Navy.v2.JPG", UploadForm.codeOf("Tee-Navy.v2.JPG"));
    assertEquals("caf__cr_me.webp", UploadForm.codeOf("café crème.webp"));
    assertEquals("a_b_c_.png", UploadForm.codeOf("a/b\\c?.png"));
    assertEquals("env", UploadForm.codeOf(".env"), "no hidden names");
    assertEquals("x.png", UploadForm.codeOf("-_.x.png"), "every leading . _ - dropped");
    assertEquals("t_.png", UploadForm.codeOf("été.png"));
    assertEquals("1.jpg", UploadForm.codeOf("商品1.jpg"));
    assertEquals("", UploadForm.codeOf("..."));
    assertEquals("", UploadForm.codeOf("日本"));
    assertEquals("", UploadForm.codeOf(""));
    assertEquals("", UploadForm.codeOf(null));
    // Whatever the name, the code is one Assets accepts, or empty.
    Random random = new Random(42);
    String alphabet = "aZ09._- /\\é日\u0000\n%:";
    for (int i = 0; i < 1000; i++) {
      var name = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String code = UploadForm.codeOf(name.toString());
      assertTrue(
          code.isEmpty() || code.matches("[A-Za-z0-9][A-Za-z0-9_.-]*"), () -> name + " -> " + code);
    }
  }

  @Test
  void folderNamesAreNotKept() {
    assertEquals("tee.jpg", UploadForm.baseName("shirts/navy/tee.jpg"));
    assertEquals("tee.jpg", UploadForm.baseName("C:\\Photos\\tee.jpg"));
    assertEquals("tee.jpg", UploadForm.baseName("tee.jpg"));
    assertEquals("..", UploadForm.baseName("../.."), "left to the file name checks");
    assertEquals("", UploadForm.baseName("shirts/"));
    assertNull(UploadForm.baseName(""));
    assertNull(UploadForm.baseName(null));
  }

  @Test
  void filesComeInOrderEachWithTheCodeFieldSentBeforeIt() {
    var form =
        new MultipartBody()
            .file("file", "a.png", "image/png", bytes("first"))
            .field("code", " explicit_code ")
            .file("file", "shirts/tee navy.jpg", "image/jpeg", bytes("second"))
            .file("file", "c.webp", null, new byte[0]);
    var outcome = read(form);
    assertNull(outcome.stopped());
    List<Seen> seen = outcome.results();
    assertEquals(3, seen.size());
    assertEquals("a.png", seen.get(0).code());
    assertEquals("image/png", seen.get(0).contentType());
    assertArrayEquals(bytes("first"), seen.get(0).bytes());
    assertEquals("shirts/tee navy.jpg", seen.get(1).sentName());
    assertEquals("tee navy.jpg", seen.get(1).fileName());
    assertEquals("explicit_code", seen.get(1).code());
    assertArrayEquals(bytes("second"), seen.get(1).bytes());
    assertEquals("c.webp", seen.get(2).code(), "a code field applies to one file only");
    assertNull(seen.get(2).contentType());
    assertArrayEquals(new byte[0], seen.get(2).bytes(), "an empty file is the store's to refuse");
  }

  @Test
  void aFileWithoutACodeOrWithAnEarlierFilesCodeIsRefusedAlone() {
    var form =
        new MultipartBody()
            .file("file", "a b.jpg", "image/jpeg", bytes("1"))
            .file("file", "a_b.jpg", "image/jpeg", bytes("2"))
            .file("file", "日本", "image/jpeg", bytes("3"))
            .field("code", "a_b.jpg")
            .file("file", "other.jpg", "image/jpeg", bytes("4"))
            .file("file", "ok.jpg", "image/jpeg", bytes("5"));
    var outcome = read(form);
    assertNull(outcome.stopped());
    List<Seen> seen = outcome.results();
    assertEquals(5, seen.size());
    assertNull(seen.get(0).refusal());
    assertViolation(seen.get(1).refusal(), "code", "earlier file of this upload");
    assertViolation(seen.get(2).refusal(), "code", "cannot be made from the file name '日本'");
    assertViolation(seen.get(3).refusal(), "code", "earlier file");
    assertNull(seen.get(4).refusal());
    assertArrayEquals(bytes("5"), seen.get(4).bytes(), "unread parts are skipped");
  }

  @Test
  void aFileInputLeftEmptyIsNoFile() {
    var form = new MultipartBody().file("file", "", "application/octet-stream", new byte[0]);
    assertViolation(read(form).stopped(), "file", "no file was sent");
    assertViolation(read(new MultipartBody()).stopped(), "file", "no file was sent");
    var withOne =
        new MultipartBody()
            .file("file", "", "application/octet-stream", new byte[0])
            .file("file", "a.png", "image/png", bytes("a"));
    assertEquals(1, read(withOne).results().size());
  }

  @Test
  void aBodyThatIsNotAFormIsAProblemForTheRequest() {
    assertEquals(415, read("application/json", bytes("{}")).stopped().status());
    assertEquals(415, read(null, bytes("x")).stopped().status());
    assertEquals(415, read("multipart/mixed; boundary=x", bytes("x")).stopped().status());
    assertEquals(415, read("not a type", bytes("x")).stopped().status());
    assertEquals(400, read("multipart/form-data", bytes("x")).stopped().status(), "no boundary");
    var noPart = read("multipart/form-data; boundary=abc", bytes("just text"));
    assertViolation(noPart.stopped(), "file", "no file was sent");
  }

  @Test
  void fieldsMustBeKnownAndApplyToAFile() {
    var unknown =
        new MultipartBody()
            .file("file", "a.png", "image/png", bytes("a"))
            .field("colour", "navy")
            .file("file", "b.png", "image/png", bytes("b"));
    var outcome = read(unknown);
    assertViolation(outcome.stopped(), "colour", "is not a field of an asset upload");
    assertEquals(1, outcome.results().size(), "what came before is done");

    // A family applies to every file after it, a code to the next one only.
    var family =
        read(
            new MultipartBody()
                .file("file", "a.png", "image/png", bytes("a"))
                .field("family", "shirts")
                .field("code", "front")
                .file("file", "b.png", "image/png", bytes("b"))
                .file("file", "c.png", "image/png", bytes("c")));
    assertEquals(
        java.util.Arrays.asList(null, "shirts", "shirts"),
        family.results().stream().map(Seen::family).toList());
    assertEquals(
        List.of("a.png", "front", "c.png"), family.results().stream().map(Seen::code).toList());

    var twice =
        new MultipartBody()
            .field("code", "a")
            .field("code", "b")
            .file("file", "a.png", "image/png", bytes("a"));
    assertViolation(read(twice).stopped(), "code", "sent twice");

    var last =
        new MultipartBody().file("file", "a.png", "image/png", bytes("a")).field("code", "b");
    assertViolation(read(last).stopped(), "code", "none followed");

    var onlyCode = new MultipartBody().field("code", "b");
    assertViolation(read(onlyCode).stopped(), "code", "none followed");

    var overlong =
        new MultipartBody()
            .field("code", "x".repeat(UploadForm.MAX_FIELD_BYTES + 1))
            .file("file", "a.png", "image/png", bytes("a"));
    assertViolation(read(overlong).stopped(), "code", "at most 1024 bytes");
  }

  @Test
  void aBodyCutShortStopsAfterTheFilesBeforeIt() {
    var form =
        new MultipartBody()
            .file("file", "a.png", "image/png", bytes("whole"))
            .file("file", "b.png", "image/png", new byte[10_000]);
    byte[] all = form.unfinished();
    byte[] cut = java.util.Arrays.copyOf(all, all.length - 5_000);
    var outcome = read(form.contentType(), cut);
    assertEquals(1, outcome.results().size());
    assertEquals(400, outcome.stopped().status(), outcome.toString());
    assertTrue(outcome.stopped().detail().contains("could not be read"), outcome::toString);
  }

  @Test
  void atMostAThousandFiles() {
    var form = new MultipartBody();
    for (int i = 0; i <= UploadForm.MAX_FILES; i++) {
      form.file("file", "f" + i + ".png", "image/png", bytes("x"));
    }
    var outcome = read(form);
    assertEquals(UploadForm.MAX_FILES, outcome.results().size());
    assertEquals(413, outcome.stopped().status());
  }

  @Test
  void randomFilesArriveWhole() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      var form = new MultipartBody();
      List<byte[]> sent = new ArrayList<>();
      for (int i = random.nextInt(8) + 1; i > 0; i--) {
        byte[] file = new byte[random.nextInt(20_000)];
        random.nextBytes(file);
        // Lines that look like boundaries, which only the real one may end.
        for (int at = 0; at + 8 < file.length; at += 1 + random.nextInt(4_000)) {
          System.arraycopy(bytes("\r\n--" + "----"), 0, file, at, 8);
        }
        sent.add(file);
        form.file("file", "f" + sent.size() + ".bin", "application/octet-stream", file);
      }
      var outcome = read(form);
      assertNull(outcome.stopped());
      assertEquals(sent.size(), outcome.results().size());
      for (int i = 0; i < sent.size(); i++) {
        assertArrayEquals(sent.get(i), outcome.results().get(i).bytes(), "round " + round);
      }
    }
  }
}
