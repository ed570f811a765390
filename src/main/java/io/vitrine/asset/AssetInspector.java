package io.vitrine.asset;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.mov.QuickTimeDirectory;
import com.drew.metadata.mp4.Mp4Directory;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * Says what an uploaded file really is, from its bytes (Apache Tika's magic), and describes it:
 * dimensions as shown (after EXIF orientation), colour space, duration. Refuses, with a reason a
 * merchandiser understands: an empty file, a type Vitrine does not keep, content that is not what
 * its Content-Type or file name says, an image with more pixels than allowed (read from its header,
 * before anything is decoded), an image that does not decode whole (cut short or damaged), and an
 * SVG with scripts, event handlers, embedded HTML or references to other files: such an SVG is
 * refused rather than cleaned, since a cleaned file would not be the file the merchandiser sent.
 */
public final class AssetInspector {

  /** What a file is, and what Vitrine read of it. */
  public record Inspection(
      String mediaType,
      Kind kind,
      Integer width,
      Integer height,
      Integer orientation,
      String colorSpace,
      Long durationMs) {}

  public enum Kind {
    IMAGE,
    VIDEO,
    DOCUMENT
  }

  /** A file Vitrine does not keep, and why. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String reason) {
      super(reason);
    }
  }

  static final Map<String, Kind> TYPES =
      Map.ofEntries(
          Map.entry("image/jpeg", Kind.IMAGE),
          Map.entry("image/png", Kind.IMAGE),
          Map.entry("image/webp", Kind.IMAGE),
          Map.entry("image/gif", Kind.IMAGE),
          Map.entry("image/tiff", Kind.IMAGE),
          Map.entry("image/svg+xml", Kind.IMAGE),
          Map.entry("video/mp4", Kind.VIDEO),
          Map.entry("video/quicktime", Kind.VIDEO),
          Map.entry("video/webm", Kind.VIDEO),
          Map.entry("application/pdf", Kind.DOCUMENT));

  private static final Map<String, String> ALIASES =
      Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg", "image/x-png", "image/png");
  private static final Set<String> NO_CLAIM =
      Set.of("application/octet-stream", "binary/octet-stream");

  private static final java.util.regex.Pattern DAMAGE =
      java.util.regex.Pattern.compile(
          "premature|corrupt|truncat|missing|unexpected end|bad huffman",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  /** The integrity check decodes at most this many pixels: larger images are subsampled. */
  private static final long CHECKED_PIXELS = 4_000_000;

  static {
    // In a server, ImageIO's registry was filled before the application's plugins (TwelveMonkeys:
    // WebP, CMYK JPEG) were on a class path: it looks again.
    ImageIO.scanForPlugins();
  }

  private final Tika tika = new Tika();
  private final long maxPixels;

  public AssetInspector(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  /**
   * Inspects {@code file}, uploaded as {@code fileName} with Content-Type {@code declaredType}
   * (null or application/octet-stream when the client claims nothing).
   */
  public Inspection inspect(Path file, String fileName, String declaredType) throws IOException {
    if (Files.size(file) == 0) {
      throw new Refused("The file is empty.");
    }
    String type;
    try (InputStream in = Files.newInputStream(file)) {
      type = MediaType.parse(tika.detect(in)).getBaseType().toString();
    }
    Kind kind = TYPES.get(type);
    if (kind == null) {
      throw new Refused(
          "The file is "
              + (type.equals("application/octet-stream") ? "of a type Vitrine cannot tell" : type)
              + "; Vitrine keeps JPEG, PNG, WebP, GIF, TIFF and SVG images, MP4, QuickTime and"
              + " WebM videos, and PDF documents.");
    }
    String claimed = claimed(declaredType);
    if (claimed != null && !claimed.equals(type)) {
      throw new Refused("It was sent as " + claimed + ", but its content is " + type + ".");
    }
    String named = fileName == null ? null : claimed(tika.detect(fileName));
    if (named != null && TYPES.containsKey(named) && !named.equals(type)) {
      throw new Refused(
          "Its name, " + fileName + ", says " + named + ", but its content is " + type + ".");
    }
    return switch (type) {
      case "image/svg+xml" -> svg(file);
      case "application/pdf" -> pdf(file);
      default -> kind == Kind.IMAGE ? raster(file, type) : video(file, type);
    };
  }

  private static String claimed(String declared) {
    if (declared == null || declared.isBlank()) {
      return null;
    }
    MediaType parsed = MediaType.parse(declared.strip().toLowerCase(Locale.ROOT));
    if (parsed == null) {
      return null;
    }
    String base = parsed.getBaseType().toString();
    base = ALIASES.getOrDefault(base, base);
    return NO_CLAIM.contains(base) ? null : base;
  }

  private Inspection raster(Path file, String type) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new Refused("No image reader of this server reads " + type + ".");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > maxPixels) {
          throw new Refused(
              "The image is "
                  + width
                  + " × "
                  + height
                  + " pixels; at most "
                  + maxPixels
                  + " pixels are accepted.");
        }
        List<String> warnings = new ArrayList<>();
        // Readers also warn of what they work around (an odd ICC profile): only what says data
        // is missing or broken counts.
        reader.addIIOReadWarningListener(
            (source, warning) -> {
              if (DAMAGE.matcher(warning).find()) {
                warnings.add(warning);
              }
            });
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) Math.ceil(Math.sqrt((double) width * height / CHECKED_PIXELS));
        if (step > 1) {
          param.setSourceSubsampling(step, step, 0, 0);
        }
        BufferedImage image;
        try {
          image = reader.read(0, param);
        } catch (IOException | RuntimeException damaged) {
          throw new Refused("The image does not decode: it is damaged or cut short.");
        }
        if (!warnings.isEmpty()) {
          throw new Refused("The image is damaged or cut short (" + warnings.get(0) + ").");
        }
        Integer orientation = orientation(file);
        boolean turned = orientation != null && orientation >= 5 && orientation <= 8;
        return new Inspection(
            type,
            Kind.IMAGE,
            turned ? height : width,
            turned ? width : height,
            orientation,
            colorSpace(image.getColorModel().getColorSpace()),
            null);
      } finally {
        reader.dispose();
      }
    }
  }

  private static Integer orientation(Path file) {
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return orientation >= 1 && orientation <= 8 ? orientation : null;
      }
    } catch (ImageProcessingException | IOException | com.drew.metadata.MetadataException e) {
      // No readable EXIF: the image is shown as stored.
    }
    return null;
  }

  private static String colorSpace(ColorSpace space) {
    return switch (space.getType()) {
      case ColorSpace.TYPE_RGB -> space.isCS_sRGB() ? "sRGB" : "RGB";
      case ColorSpace.TYPE_GRAY -> "gray";
      case ColorSpace.TYPE_CMYK -> "CMYK";
      case ColorSpace.TYPE_YCbCr -> "YCbCr";
      default -> "other";
    };
  }

  /** A PDF ends with %%EOF: one without it was cut short. */
  private static Inspection pdf(Path file) throws IOException {
    if (!tail(file, 1024).contains("%%EOF")) {
      throw new Refused("The PDF is cut short: it has no end-of-file marker.");
    }
    return new Inspection("application/pdf", Kind.DOCUMENT, null, null, null, null, null);
  }

  private static String tail(Path file, int bytes) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long start = Math.max(0, in.length() - bytes);
      byte[] end = new byte[(int) (in.length() - start)];
      in.seek(start);
      in.readFully(end);
      return new String(end, StandardCharsets.ISO_8859_1);
    }
  }

  private static Inspection video(Path file, String type) {
    Long duration = null;
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
      for (Class<? extends Directory> kind :
          List.of(Mp4Directory.class, QuickTimeDirectory.class)) {
        Directory directory = metadata.getFirstDirectoryOfType(kind);
        int scaleTag =
            kind == Mp4Directory.class
                ? Mp4Directory.TAG_TIME_SCALE
                : QuickTimeDirectory.TAG_TIME_SCALE;
        int durationTag =
            kind == Mp4Directory.class
                ? Mp4Directory.TAG_DURATION
                : QuickTimeDirectory.TAG_DURATION;
        if (directory != null
            && directory.containsTag(scaleTag)
            && directory.containsTag(durationTag)
            && directory.getLong(scaleTag) > 0) {
          duration = directory.getLong(durationTag) * 1000 / directory.getLong(scaleTag);
          break;
        }
      }
    } catch (ImageProcessingException | IOException | com.drew.metadata.MetadataException e) {
      // A container metadata-extractor does not read (WebM): no duration.
    }
    return new Inspection(type, Kind.VIDEO, null, null, null, null, duration);
  }

  /**
   * An SVG is an XML program: one that runs scripts, handles events, embeds HTML or reaches for
   * other files is refused. Read without DTDs, so no entity can reach out either.
   */
  private static Inspection svg(Path file) throws IOException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    Integer width = null;
    Integer height = null;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      boolean root = true;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD) {
          throw new Refused("The SVG declares a DTD, which could reach other files.");
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String element = xml.getLocalName().toLowerCase(Locale.ROOT);
        if (element.equals("script") || element.equals("foreignobject")) {
          throw new Refused("The SVG holds a <" + xml.getLocalName() + "> element.");
        }
        for (int i = 0; i < xml.getAttributeCount(); i++) {
          String name = xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
          String value = xml.getAttributeValue(i).strip().toLowerCase(Locale.ROOT);
          if (name.startsWith("on")) {
            throw new Refused(
                "The SVG has an event handler (" + xml.getAttributeLocalName(i) + ").");
          }
          if ((name.equals("href") || name.equals("src"))
              && !value.startsWith("#")
              && !value.startsWith("data:image/")) {
            throw new Refused("The SVG refers to another file (" + xml.getAttributeValue(i) + ").");
          }
        }
        if (root) {
          width = length(xml.getAttributeValue(null, "width"));
          height = length(xml.getAttributeValue(null, "height"));
          root = false;
        }
      }
    } catch (XMLStreamException e) {
      throw new Refused("The SVG is not well-formed XML: " + e.getMessage());
    }
    return new Inspection("image/svg+xml", Kind.IMAGE, width, height, null, null, null);
  }

  /** "120" or "120px" as 120; null for relative lengths (%, em) or none. */
  private static Integer length(String text) {
    if (text == null) {
      return null;
    }
    String number = text.strip().replaceFirst("px$", "");
    try {
      return (int) Math.round(Double.parseDouble(number));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
