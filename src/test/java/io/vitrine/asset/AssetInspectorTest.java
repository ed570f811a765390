package io.vitrine.asset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inspector makes of real files, and what it refuses. */
class AssetInspectorTest {

  private static final Path PHOTOS = Path.of("../shared/datasets/product-photos");

  @TempDir Path folder;
  private final AssetInspector inspector = new AssetInspector(50_000_000);

  private AssetInspector.Inspection inspect(byte[] bytes, String name, String declared)
      throws IOException {
    return inspect(inspector, bytes, name, declared);
  }

  private AssetInspector.Inspection inspect(
      AssetInspector with, byte[] bytes, String name, String declared) throws IOException {
    Path file = Files.createTempFile(folder, "upload", "");
    Files.write(file, bytes);
    return with.inspect(file, name, declared);
  }

  private String refusal(byte[] bytes, String name, String declared) {
    return assertThrows(AssetInspector.Refused.class, () -> inspect(bytes, name, declared))
        .getMessage();
  }

  @Test
  void imagesAreDescribedFromTheirContent() throws IOException {
    var png = inspect(TestImages.image("png", 30, 10), "swatch.png", "image/png");
    assertEquals("image/png", png.mediaType());
    assertEquals(AssetInspector.Kind.IMAGE, png.kind());
    assertEquals(30, png.width());
    assertEquals(10, png.height());
    assertEquals("sRGB", png.colorSpace());
    assertNull(png.orientation());

    var webp = inspect(TestImages.WEBP, "dot.webp", null);
    assertEquals("image/webp", webp.mediaType());
    assertEquals(6, webp.width());
    assertEquals(4, webp.height());

    var gif = inspect(TestImages.image("gif", 8, 8), null, "application/octet-stream");
    assertEquals("image/gif", gif.mediaType());
  }

  @Test
  void exifOrientationTurnsTheDimensions() throws IOException {
    byte[] upright = TestImages.withOrientation(TestImages.image("jpg", 40, 20), 6);
    var jpeg = inspect(upright, "phone.jpg", "image/jpeg");
    assertEquals("image/jpeg", jpeg.mediaType());
    assertEquals(6, jpeg.orientation());
    assertEquals(20, jpeg.width(), "shown turned a quarter: 20 wide");
    assertEquals(40, jpeg.height());

    var plain =
        inspect(
            TestImages.withOrientation(TestImages.image("jpg", 40, 20), 1), "x.jpeg", "image/jpg");
    assertEquals(40, plain.width());
  }

  @Test
  void whatIsNotWhatItClaimsIsRefused() {
    byte[] png = TestImages.image("png", 10, 10);
    assertEquals(
        "It was sent as image/jpeg, but its content is image/png.",
        refusal(png, null, "image/jpeg"));
    assertEquals(
        "Its name, photo.jpg, says image/jpeg, but its content is image/png.",
        refusal(png, "photo.jpg", null));
    assertTrue(
        refusal("just text, not a picture".getBytes(StandardCharsets.UTF_8), "a.jpg", "image/jpeg")
            .startsWith("The file is text/plain; Vitrine keeps JPEG"));
    assertEquals("The file is empty.", refusal(new byte[0], "a.png", "image/png"));
  }

  @Test
  void damagedAndCutShortImagesAreRefused() {
    byte[] jpeg = TestImages.image("jpg", 200, 120);
    assertTrue(refusal(TestImages.cut(jpeg, 0.6), "a.jpg", null).contains("cut short"));
    byte[] png = TestImages.image("png", 200, 120);
    assertTrue(refusal(TestImages.cut(png, 0.6), "a.png", null).contains("cut short"));
  }

  @Test
  void anImageWithTooManyPixelsIsRefusedBeforeItIsDecoded() {
    var strict = new AssetInspector(100 * 100);
    var refused =
        assertThrows(
            AssetInspector.Refused.class,
            () -> inspect(strict, TestImages.image("png", 200, 120), "big.png", null));
    assertEquals(
        "The image is 200 × 120 pixels; at most 10000 pixels are accepted.", refused.getMessage());
  }

  @Test
  void svgThatCouldRunOrReachOutIsRefused() throws IOException {
    String open =
        "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
            + " width='120' height='80px'>";
    var clean =
        inspect(
            (open + "<rect width='10' height='10' fill='url(#g)'/></svg>")
                .getBytes(StandardCharsets.UTF_8),
            "logo.svg",
            "image/svg+xml");
    assertEquals("image/svg+xml", clean.mediaType());
    assertEquals(120, clean.width());
    assertEquals(80, clean.height());
    for (String body :
        List.of(
            "<script>alert(1)</script>",
            "<rect onload='alert(1)'/>",
            "<image xlink:href='https://evil.example/x.png'/>",
            "<foreignObject><div xmlns='http://www.w3.org/1999/xhtml'>x</div></foreignObject>",
            "<style>@import url(https://evil.example/x.css);</style>",
            "<style>rect { fill: url('https://evil.example/p.svg#a') }</style>",
            "<rect style='fill:url(https://evil.example/p.svg#a)'/>",
            "<rect filter='url(https://evil.example/f.svg#f)'/>",
            "<a><set attributeName='href' to='javascript:alert(1)'/><text>x</text></a>",
            "<image href='data:image/svg+xml;base64,PHN2Zy8+'/>",
            "<h:iframe xmlns:h='http://www.w3.org/1999/xhtml' srcdoc='x'/>")) {
      String svg = open + body + "</svg>";
      assertTrue(
          refusal(svg.getBytes(StandardCharsets.UTF_8), "logo.svg", null).startsWith("The SVG"),
          body);
    }
    String entity =
        "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            + open
            + "<text>&x;</text></svg>";
    assertTrue(
        refusal(entity.getBytes(StandardCharsets.UTF_8), "x.svg", null).startsWith("The SVG"));
    String stylesheet =
        "<?xml-stylesheet type='text/xsl' href='https://evil.example/x.xsl'?>" + open + "</svg>";
    assertTrue(
        refusal(stylesheet.getBytes(StandardCharsets.UTF_8), "x.svg", null)
            .contains("processing instruction"));

    // What illustration tools write is kept: the SVG DTD named, local gradients, embedded PNGs.
    String illustrator =
        "<?xml version='1.0'?><!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN'"
            + " 'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd'>"
            + open
            + "<defs><linearGradient id='g'/></defs><rect fill='url(#g)' style='stroke:url(#g)'/>"
            + "<image href='data:image/png;base64,iVBORw0KGgo='/></svg>";
    assertEquals(
        "image/svg+xml",
        inspect(illustrator.getBytes(StandardCharsets.UTF_8), "art.svg", null).mediaType());
  }

  @Test
  void anImageCutInItsHeaderIsRefusedNotAnError() {
    byte[] png = TestImages.image("png", 50, 50);
    assertTrue(
        refusal(java.util.Arrays.copyOf(png, 20), "a.png", null).contains("damaged or cut short"));
    byte[] jpeg = TestImages.image("jpg", 50, 50);
    assertTrue(
        refusal(java.util.Arrays.copyOf(jpeg, 30), "a.jpg", null).contains("damaged or cut short"));
  }

  @Test
  void aPdfMustEndAsPdfsDo() throws IOException {
    byte[] pdf =
        ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    var document = inspect(pdf, "sheet.pdf", "application/pdf");
    assertEquals(AssetInspector.Kind.DOCUMENT, document.kind());
    assertEquals(null, document.pageCount(), "no page tree: no count, but kept");
    assertTrue(refusal(TestImages.cut(pdf, 0.5), "sheet.pdf", null).contains("cut short"));
  }

  @Test
  void aPdfsPagesAreCounted() throws IOException {
    var sheet = inspect(TestImages.pdf(3), "sheet.pdf", "application/pdf");
    assertEquals(3, sheet.pageCount());
    assertEquals(null, sheet.width());
  }

  @Test
  void realProductPhotos() throws IOException {
    assumeTrue(Files.isDirectory(PHOTOS), "../shared/datasets/product-photos is absent");
    try (Stream<Path> photos = Files.list(PHOTOS)) {
      for (Path photo : photos.filter(p -> p.toString().endsWith(".jpg")).toList()) {
        var found = inspector.inspect(photo, photo.getFileName().toString(), "image/jpeg");
        assertEquals("image/jpeg", found.mediaType(), photo.toString());
        assertTrue(found.width() > 100 && found.height() > 100, photo + ": " + found);
      }
    }
  }
}
