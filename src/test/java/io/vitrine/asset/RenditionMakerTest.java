package io.vitrine.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Violations;
import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenditionMakerTest {

  @TempDir Path dir;

  private static RenditionSpec spec(String json) {
    var violations = new Violations();
    RenditionSpec spec =
        RenditionSpec.read(
            "r",
            new JsonInput(
                Json.createReader(new java.io.StringReader(json.replace('\'', '"'))).readObject(),
                violations));
    assertTrue(violations.isEmpty(), violations::toString);
    return spec;
  }

  private BufferedImage make(byte[] source, Integer orientation, String specJson)
      throws IOException {
    Path file = dir.resolve("source");
    Files.write(file, source);
    RenditionSpec spec = spec(specJson);
    Path target = dir.resolve("out").resolve(spec.fingerprint() + "." + spec.format().extension);
    RenditionMaker.Made made = RenditionMaker.make(file, orientation, spec, target);
    BufferedImage image = ImageIO.read(target.toFile());
    assertEquals(made.width(), image.getWidth());
    assertEquals(made.height(), image.getHeight());
    try (var left = Files.list(target.getParent())) {
      assertEquals(
          List.of(),
          left.filter(f -> f.toString().endsWith(".part")).toList(),
          "no partial file is left");
    }
    return image;
  }

  @Test
  void fitKeepsProportionsAndNeverEnlarges() throws IOException {
    byte[] wide = TestImages.image("png", 400, 200);
    BufferedImage fit = make(wide, null, "{'width':100,'height':100}");
    assertEquals(100, fit.getWidth());
    assertEquals(50, fit.getHeight());
    BufferedImage byHeight = make(wide, null, "{'height':20}");
    assertEquals(40, byHeight.getWidth());
    BufferedImage small = make(TestImages.image("png", 30, 10), null, "{'width':100}");
    assertEquals(30, small.getWidth());
    assertEquals(10, small.getHeight());
  }

  @Test
  void cropCoversTheBoxAndFillPadsItWithTheBackground() throws IOException {
    byte[] wide = TestImages.image("png", 400, 200);
    BufferedImage crop = make(wide, null, "{'mode':'crop','width':60,'height':60,'format':'png'}");
    assertEquals(60, crop.getWidth());
    assertEquals(60, crop.getHeight());
    BufferedImage fill =
        make(wide, null, "{'mode':'fill','width':80,'height':80,'background':'#ff0000'}");
    assertEquals(80, fill.getWidth());
    assertEquals(80, fill.getHeight());
    int padding = fill.getRGB(40, 2);
    assertTrue((padding >> 16 & 0xff) > 200 && (padding & 0xff) < 60, "red padding above");
    int inside = fill.getRGB(1, 40);
    assertTrue((inside & 0xff) > 200, "the picture's white side, not padding");
  }

  @Test
  void exifOrientationIsAppliedBeforeResizing() throws IOException {
    byte[] turned = TestImages.withOrientation(TestImages.image("jpg", 200, 100), 6);
    BufferedImage upright = make(turned, 6, "{'width':50,'height':50}");
    assertEquals(25, upright.getWidth());
    assertEquals(50, upright.getHeight());
    BufferedImage crop = make(turned, 6, "{'mode':'crop','width':40,'height':20}");
    assertEquals(40, crop.getWidth());
    assertEquals(20, crop.getHeight());
  }

  @Test
  void webpAndTransparentPngAreWritten() throws IOException {
    BufferedImage webp = make(TestImages.WEBP, null, "{'width':4,'format':'webp','quality':70}");
    assertEquals(4, webp.getWidth());
    BufferedImage png =
        make(
            TestImages.image("png", 40, 20),
            null,
            "{'mode':'fill','width':40,'height':40,'format':'png','background':'transparent'}");
    assertEquals(0, png.getRGB(0, 0) >>> 24, "transparent padding");
  }

  @Test
  void aLargeImageStillFillsItsBox() throws IOException {
    // Decoded skipping pixels (a 3000 px image for a 300 px rendition): the box stays exact.
    BufferedImage big = make(TestImages.image("jpg", 3000, 2000), null, "{'width':300}");
    assertEquals(300, big.getWidth());
    assertEquals(200, big.getHeight());
  }

  @Test
  void webpIsReadByTwelveMonkeysNeverByTheNativeReader() throws IOException {
    try (var in =
        ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(TestImages.WEBP))) {
      var reader = ImageCodecs.reader(in);
      assertTrue(
          reader.getClass().getName().startsWith("com.twelvemonkeys"),
          () -> reader.getClass().getName());
    }
    var all = ImageIO.getImageReadersByMIMEType("image/webp");
    while (all.hasNext()) {
      String name = all.next().getClass().getName();
      assertTrue(!name.startsWith("com.luciad"), name);
    }
  }

  @Test
  void theFingerprintFollowsWhatChangesTheBytesOnly() {
    String base = "{'width':300,'format':'jpeg','quality':85";
    assertEquals(
        spec(base + "}").fingerprint(), spec(base + ",'channels':['shop']}").fingerprint());
    assertNotEquals(spec(base + "}").fingerprint(), spec("{'width':301}").fingerprint());
    assertNotEquals(
        spec(base + "}").fingerprint(), spec(base + ",'background':'#000000'}").fingerprint());
  }

  @Test
  void badSpecsNameTheirFields() {
    var violations = new Violations();
    assertNull(
        RenditionSpec.read(
            "r",
            new JsonInput(
                Json.createObjectBuilder()
                    .add("mode", "fill")
                    .add("width", 0)
                    .add("format", "gif")
                    .add("colour", "red")
                    .build(),
                violations)));
    String all = violations.toString();
    for (String field : List.of("width", "height", "format", "colour")) {
      assertTrue(all.contains(field), () -> field + " in " + all);
    }
  }
}
