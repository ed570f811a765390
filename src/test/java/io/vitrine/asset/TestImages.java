package io.vitrine.asset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Images the asset tests make: real files of each format, some with a twist. */
public final class TestImages {

  /** A 6 × 4 lossless WebP, made by cwebp (the JDK has no WebP writer). */
  public static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRhwAAABXRUJQVlA4TA8AAAAvBcAAAAcQ/Y/+ByKi/wEA");

  private TestImages() {}

  /** A PDF of {@code pages} blank A4 pages, as PDFBox writes one. */
  public static byte[] pdf(int pages) {
    try (var document = new org.apache.pdfbox.pdmodel.PDDocument()) {
      for (int i = 0; i < pages; i++) {
        document.addPage(new org.apache.pdfbox.pdmodel.PDPage());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code width} × {@code height} image in {@code format} (jpg, png, gif). */
  public static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(30, 60, 120));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalArgumentException("No writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * {@code jpeg} with an EXIF segment saying its orientation (6: shown turned 90° clockwise, as a
   * phone held upright writes it).
   */
  public static byte[] withOrientation(byte[] jpeg, int orientation) {
    byte[] tiff = {
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8, // big-endian TIFF, first IFD at 8
      0,
      1, // one entry
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      (byte) orientation,
      0,
      0, // Orientation, SHORT, 1 value
      0,
      0,
      0,
      0 // no next IFD
    };
    byte[] exif = new byte[6 + tiff.length];
    System.arraycopy(
        "Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
    System.arraycopy(tiff, 0, exif, 6, tiff.length);
    int length = exif.length + 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.write(exif, 0, exif.length);
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** The first {@code fraction} of {@code bytes}: a file cut short. */
  public static byte[] cut(byte[] bytes, double fraction) {
    return java.util.Arrays.copyOf(bytes, (int) (bytes.length * fraction));
  }
}
