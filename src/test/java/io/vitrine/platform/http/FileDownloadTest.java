package io.vitrine.platform.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vitrine.platform.http.FileDownload.Selection;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.testing.StatusOnlyRuntimeDelegate;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDownloadTest {

  private static final long SEED = Long.getLong("tests.seed", 0xB17E5L);
  private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015";
  private static final String TAG = '"' + SHA + '"';

  @TempDir Path dir;

  @BeforeAll
  static void jaxrs() {
    StatusOnlyRuntimeDelegate.install();
  }

  private static FileDownload download(long size) {
    return new FileDownload(Path.of("unused"), size, "video/mp4", SHA, "no-cache");
  }

  /** What a GET with {@code range} (and {@code ifRange}) gets of a file of 1000 bytes. */
  private static Selection get(String range, String ifRange) {
    return download(1000).select(range, ifRange);
  }

  private static Selection get(String range) {
    return get(range, null);
  }

  private static final Selection WHOLE = new Selection(200, 0, 999);
  private static final Selection NONE = new Selection(416, 0, -1);

  private static Selection part(long first, long last) {
    return new Selection(206, first, last);
  }

  @Test
  void withoutRangeTheWholeFile() {
    assertEquals(WHOLE, get(null));
    assertEquals(WHOLE, get(null, TAG), "If-Range alone changes nothing");
    assertEquals(new Selection(200, 0, -1), download(0).select(null, null));
    assertEquals(0, download(0).select(null, null).length());
  }

  @Test
  void oneRange() {
    assertEquals(part(0, 99), get("bytes=0-99"));
    assertEquals(100, get("bytes=0-99").length());
    assertEquals(part(500, 500), get("bytes=500-500"));
    assertEquals(part(500, 999), get("bytes=500-"), "to the end");
    assertEquals(part(0, 999), get("bytes=0-"), "all of it, as a video element asks");
    assertEquals(part(999, 999), get("bytes=999-"));
  }

  @Test
  void suffixRange() {
    assertEquals(part(900, 999), get("bytes=-100"));
    assertEquals(part(999, 999), get("bytes=-1"));
    assertEquals(part(0, 999), get("bytes=-1000"));
    assertEquals(part(0, 999), get("bytes=-5000"), "longer than the file: all of it");
  }

  @Test
  void aLastBytePastTheEndIsTheEnd() {
    assertEquals(part(900, 999), get("bytes=900-1000"));
    assertEquals(part(900, 999), get("bytes=900-123456789"));
    assertEquals(part(900, 999), get("bytes=900-99999999999999999999999"), "past a long");
  }

  @Test
  void theUnitAndListAreReadAsTheRfcWritesThem() {
    assertEquals(part(0, 9), get("Bytes=0-9"), "units are case-insensitive");
    assertEquals(part(0, 9), get("bytes=0-9,"), "an empty list element is no element");
    assertEquals(part(0, 9), get("bytes=, 0-9 ,"));
  }

  @Test
  void severalRangesGetTheWholeFile() {
    assertEquals(WHOLE, get("bytes=0-1,5-6"));
    assertEquals(WHOLE, get("bytes=0-1, -5"));
    assertEquals(WHOLE, get("bytes=0-1,5000-6000"), "even when one is past the end");
    assertEquals(WHOLE, get("bytes=5000-,6000-"), "even when none can be satisfied");
  }

  @Test
  void rangesThatSelectNoByteAreUnsatisfiable() {
    assertEquals(NONE, get("bytes=1000-"));
    assertEquals(NONE, get("bytes=1000-2000"));
    assertEquals(NONE, get("bytes=99999999999999999999999-"), "past a long");
    assertEquals(NONE, get("bytes=-0"));
    assertEquals(NONE, download(0).select("bytes=0-", null));
    assertEquals(NONE, download(0).select("bytes=0-0", null));
    assertEquals(NONE, download(0).select("bytes=-10", null));
  }

  @Test
  void invalidRangesAreIgnored() {
    for (String range :
        new String[] {
          "bytes=abc",
          "bytes=5-2",
          "bytes=-",
          "bytes=",
          "bytes=,",
          "bytes",
          "bytes=+1-2",
          "bytes=1--2",
          "bytes=0 - 9",
          "bytes=0x10-",
          "bytes=١-٢", // digits, but not ASCII ones
          "bytes=0-9;",
          "=0-9",
          ""
        }) {
      assertEquals(WHOLE, get(range), range);
    }
  }

  @Test
  void otherUnitsAreIgnored() {
    assertEquals(WHOLE, get("items=0-9"));
    assertEquals(WHOLE, get("seconds=1-2"));
    assertEquals(WHOLE, get("bytesx=0-9"));
  }

  @Test
  void ifRangeMustBeTheCurrentStrongTag() {
    assertEquals(part(0, 9), get("bytes=0-9", TAG));
    assertEquals(part(0, 9), get("bytes=0-9", " " + TAG + " "));
    assertEquals(WHOLE, get("bytes=0-9", "\"another\""), "another file: all of this one");
    assertEquals(WHOLE, get("bytes=0-9", "W/" + TAG), "weak tags never compare strongly");
    assertEquals(WHOLE, get("bytes=0-9", SHA), "an unquoted value is no entity tag");
    assertEquals(WHOLE, get("bytes=0-9", "Sat, 29 Oct 1994 19:43:31 GMT"), "dates are not used");
    assertEquals(WHOLE, get("bytes=0-9", "*"));
    assertEquals(WHOLE, get("bytes=5000-", "\"another\""), "no 416 for another file");
    assertEquals(NONE, get("bytes=5000-", TAG));
  }

  @Test
  void theAnswersStatus() {
    var file = download(1000);
    assertEquals(304, file.answer("bytes=0-9", null, TAG).build().getStatus());
    assertEquals(304, file.answer(null, null, "W/" + TAG).build().getStatus());
    assertEquals(304, file.answer("bytes=5000-", null, "*").build().getStatus());
    assertEquals(200, file.answer(null, null, "\"other\"").build().getStatus());
    assertEquals(206, file.answer("bytes=0-9", TAG, null).build().getStatus());
    assertEquals(200, file.answer("bytes=0-1,5-6", null, null).build().getStatus());
  }

  @Test
  void anUnsatisfiableRangeIsAProblemThatTellsTheSize() {
    var refused =
        assertThrows(
            ProblemException.class, () -> download(1000).answer("bytes=1000-", null, null));
    assertEquals(416, refused.problem().status());
    assertEquals("urn:vitrine:problem:range-not-satisfiable", refused.problem().type());
    assertEquals(
        "The file has 1000 bytes (0 to 999); the range 'bytes=1000-' selects none of them.",
        refused.problem().detail());
    assertEquals(
        Map.of("Content-Range", "bytes */1000", "Accept-Ranges", "bytes"), refused.headers());

    var empty =
        assertThrows(ProblemException.class, () -> download(0).answer("bytes=-5", null, null));
    assertEquals("bytes */0", empty.headers().get("Content-Range"));
    assertEquals("The file is empty: no range selects any of its bytes.", empty.problem().detail());
  }

  private static byte[] stream(FileDownload file, Selection selected) throws IOException {
    var out = new ByteArrayOutputStream();
    file.bytes(selected.first(), selected.length()).write(out);
    return out.toByteArray();
  }

  @Test
  void theBytesSelectedAreStreamedFromTheFile() throws IOException {
    var random = new Random(SEED);
    byte[] bytes = new byte[200_000]; // several buffers
    random.nextBytes(bytes);
    Path path = Files.write(dir.resolve("video.mp4"), bytes);
    var file = new FileDownload(path, bytes.length, "video/mp4", SHA, "no-cache");

    assertArrayEquals(bytes, stream(file, file.select(null, null)));
    assertArrayEquals(
        Arrays.copyOfRange(bytes, 65_530, 131_080),
        stream(file, file.select("bytes=65530-131079", null)));
    assertArrayEquals(
        Arrays.copyOfRange(bytes, 199_990, 200_000), stream(file, file.select("bytes=-10", null)));
    assertArrayEquals(
        Arrays.copyOfRange(bytes, 199_999, 200_000),
        stream(file, file.select("bytes=199999-300000", null)));
  }

  @Test
  void anEmptyFileStreamsNothing() throws IOException {
    Path path = Files.write(dir.resolve("empty"), new byte[0]);
    var file = new FileDownload(path, 0, "application/pdf", SHA, "no-cache");
    assertArrayEquals(new byte[0], stream(file, file.select(null, null)));
  }

  @Test
  void aFileShorterThanAnnouncedIsCutShort() throws IOException {
    Path path = Files.write(dir.resolve("short"), new byte[10]);
    var file = new FileDownload(path, 20, "application/pdf", SHA, "no-cache");
    assertThrows(EOFException.class, () -> stream(file, file.select(null, null)));
  }

  /**
   * Random ranges against a plain model: the positions of a file that a range names, one by one.
   * What is streamed must be the bytes at those positions; none at all is a 416.
   */
  @Test
  void randomRangesSelectWhatTheyName() throws IOException {
    var random = new Random(SEED);
    for (int round = 0; round < 300; round++) {
      int size = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(3000);
      byte[] bytes = new byte[size];
      random.nextBytes(bytes);
      Path path = Files.write(dir.resolve("file" + round), bytes);
      var file = new FileDownload(path, size, "video/webm", SHA, "no-cache");
      String why = "seed " + SEED + ", round " + round + ", size " + size;

      long a = random.nextInt(size + 10);
      long b = random.nextInt(size + 10);
      String range;
      boolean[] named = new boolean[size];
      switch (random.nextInt(3)) {
        case 0 -> {
          long first = Math.min(a, b);
          long last = Math.max(a, b);
          range = "bytes=" + first + "-" + last;
          for (long i = first; i <= last && i < size; i++) {
            named[(int) i] = true;
          }
        }
        case 1 -> {
          range = "bytes=" + a + "-";
          for (long i = a; i < size; i++) {
            named[(int) i] = true;
          }
        }
        default -> {
          range = "bytes=-" + a;
          for (long i = Math.max(0, size - a); i < size; i++) {
            named[(int) i] = true;
          }
        }
      }
      var expected = new ByteArrayOutputStream();
      for (int i = 0; i < size; i++) {
        if (named[i]) {
          expected.write(bytes[i]);
        }
      }

      Selection selected = file.select(range, null);
      if (expected.size() == 0) {
        assertEquals(416, selected.status(), why + ", " + range);
      } else {
        assertEquals(206, selected.status(), why + ", " + range);
        assertArrayEquals(expected.toByteArray(), stream(file, selected), why + ", " + range);
      }
    }
  }
}
