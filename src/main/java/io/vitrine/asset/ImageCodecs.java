package io.vitrine.asset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * The image readers and writers Vitrine uses. WebP is read by TwelveMonkeys (pure Java, and it
 * subsamples while decoding) and written by libwebp, whose ImageIO wrapper also registers a reader:
 * that one is removed, so that no native code parses uploaded files.
 */
final class ImageCodecs {

  static {
    // In a server, ImageIO's registry was filled before the application's plugins were on a class
    // path: it looks again.
    ImageIO.scanForPlugins();
    IIORegistry registry = IIORegistry.getDefaultInstance();
    List<ImageReaderSpi> nativeReaders = new ArrayList<>();
    registry
        .getServiceProviders(ImageReaderSpi.class, false)
        .forEachRemaining(
            reader -> {
              if (reader.getClass().getName().startsWith("com.luciad.imageio.webp")) {
                nativeReaders.add(reader);
              }
            });
    nativeReaders.forEach(
        reader -> registry.deregisterServiceProvider(reader, ImageReaderSpi.class));
  }

  private ImageCodecs() {}

  /**
   * One image decoded at a time, by uploads and renditions together: a decoder may hold far more
   * than the subsampled result (a lossless WebP decodes whole, a progressive JPEG keeps every
   * coefficient), so two large images at once could exhaust the server.
   */
  static final Semaphore DECODING = new Semaphore(1);

  /** A decoding step, run under {@link #DECODING}. */
  interface Decode {
    BufferedImage read() throws IOException;
  }

  static BufferedImage decoding(Decode decode) throws IOException {
    try {
      DECODING.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting to decode an image", e);
    }
    try {
      return decode.read();
    } finally {
      DECODING.release();
    }
  }

  /** The reader for {@code in}, or null when no reader knows its format. */
  static ImageReader reader(ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    return readers.hasNext() ? readers.next() : null;
  }

  /** The writer of {@code format}; fails when this server has none (libwebp not loadable). */
  static ImageWriter writer(RenditionSpec.Format format) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.mediaType());
    if (!writers.hasNext()) {
      throw new IllegalStateException("This server has no image writer for " + format.mediaType());
    }
    return writers.next();
  }
}
