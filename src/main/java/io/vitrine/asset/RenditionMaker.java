package io.vitrine.asset;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.util.exif.ExifFilterUtils;
import net.coobird.thumbnailator.util.exif.Orientation;

/**
 * Makes one rendition of an image file: decoded no larger than the rendition needs, turned upright
 * by its EXIF orientation, resized by Thumbnailator (fit, fill or crop, never enlarged), flattened
 * onto the background where the format has no transparency, and written next to its final place
 * before it is moved there, so a reader never sees half a file.
 */
final class RenditionMaker {

  /**
   * Decoding skips pixels (cheap) down to this multiple of the rendition's size; the last step is a
   * proper resampling, which needs the margin to stay free of aliasing.
   */
  private static final int DECODE_MARGIN = 2;

  private RenditionMaker() {}

  /** What was made: the file and its size in pixels. */
  record Made(Path file, int width, int height) {}

  /**
   * Makes the rendition. Decoding, resizing and encoding all run under {@link
   * ImageCodecs#DECODING}: a rendition's canvas and copies weigh as much as a decoded upload.
   */
  static Made make(Path source, Integer orientation, RenditionSpec spec, Path target)
      throws IOException {
    BufferedImage written =
        ImageCodecs.decoding(
            () -> {
              BufferedImage image = upright(decode(source, orientation, spec), orientation);
              BufferedImage resized = resize(image, spec);
              BufferedImage flat =
                  spec.format() == RenditionSpec.Format.JPEG
                      ? flatten(resized, spec.backgroundColour())
                      : resized;
              store(flat, spec, target);
              return flat;
            });
    return new Made(target, written.getWidth(), written.getHeight());
  }

  /** Writes {@code written} beside {@code target}, then moves it there. */
  private static void store(BufferedImage written, RenditionSpec spec, Path target)
      throws IOException {
    Files.createDirectories(target.getParent());
    Path partial =
        Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
    try {
      write(written, spec, partial);
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static BufferedImage decode(Path source, Integer orientation, RenditionSpec spec)
      throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
      ImageReader reader = ImageCodecs.reader(in);
      if (reader == null) {
        throw new IOException("No image reader of this server reads " + source.getFileName());
      }
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        boolean turned = orientation != null && orientation >= 5 && orientation <= 8;
        Integer boxWidth = turned ? spec.height() : spec.width();
        Integer boxHeight = turned ? spec.width() : spec.height();
        double scale = scale(width, height, boxWidth, boxHeight, spec.mode());
        int step = (int) Math.floor(1 / (scale * DECODE_MARGIN));
        ImageReadParam param = reader.getDefaultReadParam();
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  /** How much an image of {@code width} × {@code height} shrinks into the box (at most 1). */
  static double scale(
      int width, int height, Integer boxWidth, Integer boxHeight, RenditionSpec.Mode mode) {
    double across = boxWidth == null ? Double.NaN : (double) boxWidth / width;
    double down = boxHeight == null ? Double.NaN : (double) boxHeight / height;
    double scale;
    if (Double.isNaN(across)) {
      scale = down;
    } else if (Double.isNaN(down)) {
      scale = across;
    } else {
      scale = mode == RenditionSpec.Mode.CROP ? Math.max(across, down) : Math.min(across, down);
    }
    return Math.min(1, scale);
  }

  private static BufferedImage upright(BufferedImage image, Integer orientation) {
    if (orientation == null || orientation <= 1 || orientation > 8) {
      return image;
    }
    return ExifFilterUtils.getFilterForOrientation(Orientation.typeOf(orientation)).apply(image);
  }

  static BufferedImage resize(BufferedImage image, RenditionSpec spec) throws IOException {
    int width = image.getWidth();
    int height = image.getHeight();
    double scale = scale(width, height, spec.width(), spec.height(), spec.mode());
    int scaledWidth = Math.max(1, (int) Math.round(width * scale));
    int scaledHeight = Math.max(1, (int) Math.round(height * scale));
    BufferedImage scaled =
        scale == 1
            ? image
            : Thumbnails.of(image).forceSize(scaledWidth, scaledHeight).asBufferedImage();
    return switch (spec.mode()) {
      case FIT -> scaled;
      case CROP -> crop(scaled, spec.width(), spec.height());
      case FILL -> pad(scaled, spec.width(), spec.height(), spec.backgroundColour());
    };
  }

  /** The centre of {@code image}, at most {@code width} × {@code height}. */
  private static BufferedImage crop(BufferedImage image, int width, int height) {
    int w = Math.min(width, image.getWidth());
    int h = Math.min(height, image.getHeight());
    return image.getSubimage((image.getWidth() - w) / 2, (image.getHeight() - h) / 2, w, h);
  }

  /** {@code image} centred on a {@code width} × {@code height} canvas of {@code background}. */
  private static BufferedImage pad(BufferedImage image, int width, int height, Color background) {
    BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = canvas.createGraphics();
    try {
      if (background != null) {
        g.setColor(background);
        g.fillRect(0, 0, width, height);
      }
      g.drawImage(image, (width - image.getWidth()) / 2, (height - image.getHeight()) / 2, null);
    } finally {
      g.dispose();
    }
    return canvas;
  }

  /** {@code image} without transparency: drawn onto {@code background} (white when null). */
  private static BufferedImage flatten(BufferedImage image, Color background) {
    if (image.getType() == BufferedImage.TYPE_INT_RGB
        || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return image;
    }
    BufferedImage flat =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = flat.createGraphics();
    try {
      g.setColor(background == null ? Color.WHITE : background);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return flat;
  }

  private static void write(BufferedImage image, RenditionSpec spec, Path file) throws IOException {
    ImageWriter writer = ImageCodecs.writer(spec.format());
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (spec.quality() != null && param.canWriteCompressed()) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        String[] types = param.getCompressionTypes();
        if (types != null && types.length > 0) {
          // libwebp's wrapper lists "Lossy" first; the JPEG writer has one type.
          param.setCompressionType(types[0]);
        }
        param.setCompressionQuality(spec.quality() / 100f);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
