package io.vitrine.asset;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
      Long durationMs,
      Integer pageCount) {}

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
          Map.entry("video/x-m4v", Kind.VIDEO),
          Map.entry("video/quicktime", Kind.VIDEO),
          Map.entry("video/webm", Kind.VIDEO),
          Map.entry("application/pdf", Kind.DOCUMENT));

  private static final Map<String, String> ALIASES =
      Map.of("image/jpg", "image/jpeg", "image/pjpeg", "image/jpeg", "image/x-png", "image/png");

  /** What clients send when they claim nothing (curl sends a form type by default). */
  private static final Set<String> NO_CLAIM =
      Set.of(
          "application/octet-stream", "binary/octet-stream", "application/x-www-form-urlencoded");

  private static final java.util.regex.Pattern DAMAGE =
      java.util.regex.Pattern.compile(
          "premature|truncat|missing|unexpected end|bad huffman|corrupt(?!.*extraneous)",
          java.util.regex.Pattern.CASE_INSENSITIVE);

  private static final long MAX_SVG_BYTES = 10_000_000;
  private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";
  private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
  private static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of("script", "foreignobject", "iframe", "object", "embed", "meta", "link", "handler");
  private static final java.util.regex.Pattern ANIMATED_FORBIDDEN =
      java.util.regex.Pattern.compile(
          "(?i)(xlink:)?href|src|style|on.*", java.util.regex.Pattern.CASE_INSENSITIVE);
  private static final java.util.regex.Pattern CSS_URL =
      java.util.regex.Pattern.compile("url\\(\\s*['\"]?\\s*([^'\")\\s]*)");
  private static final java.util.regex.Pattern EMBEDDED_IMAGE =
      java.util.regex.Pattern.compile("data:image/(png|jpeg|gif|webp)[;,]");

  /** The integrity check decodes at most this many pixels: larger images are subsampled. */
  private static final long CHECKED_PIXELS = 4_000_000;

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
    try {
      ImageCodecs.DECODING.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while waiting to check an image", e);
    }
    try {
      return decoded(file, type);
    } catch (Refused refused) {
      throw refused;
    } catch (IOException | RuntimeException damaged) {
      // A header a reader cannot make sense of, or a reader's own failure on odd data.
      throw new Refused("The image does not decode: it is damaged or cut short.");
    } finally {
      ImageCodecs.DECODING.release();
    }
  }

  private Inspection decoded(Path file, String type) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageCodecs.reader(in);
      if (reader == null) {
        throw new Refused("No image reader of this server reads " + type + ".");
      }
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
        Integer orientation = orientation(file, type);
        boolean turned = orientation != null && orientation >= 5 && orientation <= 8;
        return new Inspection(
            type,
            Kind.IMAGE,
            turned ? height : width,
            turned ? width : height,
            orientation,
            colorSpace(image.getColorModel().getColorSpace()),
            null,
            null);
      } finally {
        reader.dispose();
      }
    }
  }

  /**
   * The EXIF orientation of a JPEG. Only the EXIF segment is read (metadata-extractor's general
   * reader would also inflate PNG text chunks and read XMP segments whole: a small file could ask
   * for gigabytes).
   */
  private static Integer orientation(Path file, String type) {
    if (!type.equals("image/jpeg")) {
      return null;
    }
    try {
      Metadata metadata = JpegMetadataReader.readMetadata(file.toFile(), List.of(new ExifReader()));
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
        return orientation >= 1 && orientation <= 8 ? orientation : null;
      }
    } catch (ImageProcessingException
        | IOException
        | com.drew.metadata.MetadataException
        | RuntimeException e) {
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
    return new Inspection(
        "application/pdf", Kind.DOCUMENT, null, null, null, null, null, pageCount(file));
  }

  /**
   * The pages of a PDF, as its page tree counts them (PDFBox reads the cross-reference table and
   * the tree, not the pages' content); null when it cannot tell: encrypted with a password, or
   * damaged beyond what a reader repairs. The file is kept either way, as before.
   */
  private static Integer pageCount(Path file) {
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      return document.getNumberOfPages();
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
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
    } catch (ImageProcessingException
        | IOException
        | com.drew.metadata.MetadataException
        | RuntimeException e) {
      // A container metadata-extractor does not read (WebM), or a damaged one: no duration.
    }
    return new Inspection(type, Kind.VIDEO, null, null, null, null, duration, null);
  }

  /**
   * An SVG is an XML program: one that runs scripts, handles events, embeds HTML, styles the page
   * it is inlined in from elsewhere, or reaches for other files is refused. Read without DTDs, so
   * no entity can reach out either; a DOCTYPE that only names the SVG DTD (as illustration tools
   * write) is allowed.
   */
  private static Inspection svg(Path file) throws IOException {
    if (Files.size(file) > MAX_SVG_BYTES) {
      throw new Refused("The SVG is over " + MAX_SVG_BYTES / 1_000_000 + " MB.");
    }
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty("jdk.xml.maxElementDepth", 256);
    Integer width = null;
    Integer height = null;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      boolean root = true;
      String element = "";
      while (xml.hasNext()) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.DTD -> {
            if (xml.getText().contains("[")) {
              throw new Refused("The SVG declares entities, which could reach other files.");
            }
          }
          case XMLStreamConstants.PROCESSING_INSTRUCTION ->
              throw new Refused(
                  "The SVG holds a processing instruction (<?" + xml.getPITarget() + " …?>).");
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (element.equals("style")) {
              css(xml.getText());
            }
          }
          case XMLStreamConstants.START_ELEMENT -> {
            element = xml.getLocalName().toLowerCase(Locale.ROOT);
            if (root && !(element.equals("svg") && SVG_NAMESPACE.equals(xml.getNamespaceURI()))) {
              throw new Refused("The file's root is not an SVG <svg> element.");
            }
            if (XHTML_NAMESPACE.equals(xml.getNamespaceURI())
                || FORBIDDEN_ELEMENTS.contains(element)) {
              throw new Refused("The SVG holds a <" + xml.getLocalName() + "> element.");
            }
            attributes(xml, element);
            if (root) {
              width = length(xml.getAttributeValue(null, "width"));
              height = length(xml.getAttributeValue(null, "height"));
              root = false;
            }
          }
          default -> {
            // comments, end tags, whitespace
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new Refused("The SVG is not well-formed XML: " + shortened(e.getMessage()) + ".");
    }
    return new Inspection("image/svg+xml", Kind.IMAGE, width, height, null, null, null, null);
  }

  private static void attributes(XMLStreamReader xml, String element) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      String name = xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
      String value = xml.getAttributeValue(i);
      if (name.startsWith("on")) {
        throw new Refused("The SVG has an event handler (" + xml.getAttributeLocalName(i) + ").");
      }
      if ((name.equals("href") || name.equals("src")) && !local(value)) {
        throw new Refused("The SVG refers to another file (" + shortened(value) + ").");
      }
      if ((element.equals("set") || element.startsWith("animate"))
          && name.equals("attributename")
          && ANIMATED_FORBIDDEN.matcher(value.strip()).matches()) {
        throw new Refused("The SVG animates " + shortened(value) + ", which could run or fetch.");
      }
      css(value);
    }
  }

  /** Refuses CSS that imports or fetches from elsewhere: only url(#…) is allowed. */
  private static void css(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.contains("@import")) {
      throw new Refused("The SVG's style imports other files (@import).");
    }
    Matcher url = CSS_URL.matcher(lower);
    while (url.find()) {
      if (!url.group(1).startsWith("#")) {
        throw new Refused(
            "The SVG's style refers to another file (url(" + shortened(url.group(1)) + ")).");
      }
    }
  }

  /** A reference within the file (#id), or an embedded raster image. */
  private static boolean local(String reference) {
    String value = reference.strip().toLowerCase(Locale.ROOT);
    return value.startsWith("#") || EMBEDDED_IMAGE.matcher(value).lookingAt();
  }

  private static String shortened(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  /** "120" or "120px" as 120; null for relative lengths (%, em) or none. */
  private static Integer length(String text) {
    if (text == null) {
      return null;
    }
    String number = text.strip().replaceFirst("px$", "");
    try {
      double value = Double.parseDouble(number);
      return value >= 0 && value <= 1_000_000 ? (int) Math.round(value) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
