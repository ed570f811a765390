package io.vitrine.asset;

import io.vitrine.platform.Digests;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one rendition is made from an image: resized by {@code mode} into {@code width} × {@code
 * height}, written as {@code format}. {@code channels}: the channels whose feeds show this
 * rendition of the family's assets. Images are never enlarged.
 */
public record RenditionSpec(
    String code,
    Mode mode,
    Integer width,
    Integer height,
    Format format,
    Integer quality,
    String background,
    List<String> channels) {

  /** A fill of this square is 100 MB as ARGB: the most one rendition may hold. */
  static final int MAX_SIDE = 5000;

  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

  public enum Mode {
    /** Inside the box, keeping the proportions: the result may be smaller on one side. */
    FIT,
    /** Inside the box, then padded with the background to exactly the box. */
    FILL,
    /** Covering the box, then cut to it around the centre. */
    CROP;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public enum Format {
    JPEG("jpg", "image/jpeg", 85),
    PNG("png", "image/png", null),
    WEBP("webp", "image/webp", 80);

    final String extension;
    final String mediaType;
    final Integer defaultQuality;

    Format(String extension, String mediaType, Integer defaultQuality) {
      this.extension = extension;
      this.mediaType = mediaType;
      this.defaultQuality = defaultQuality;
    }

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /** The background as a colour; null for transparent. */
  Color backgroundColour() {
    return background.equals("transparent") ? null : Color.decode(background);
  }

  /**
   * What the rendition's bytes depend on, as 16 hex digits: the file is named by it, so a changed
   * spec makes a new file and the old one is never served for it. The channels do not count.
   */
  public String fingerprint() {
    String canonical =
        String.join(
            ";",
            "v1",
            mode.code(),
            String.valueOf(width),
            String.valueOf(height),
            format.code(),
            String.valueOf(quality),
            background.toLowerCase(Locale.ROOT));
    return Digests.sha256(canonical, 8);
  }

  public JsonObject toJson() {
    JsonObjectBuilder json = Jsonp.objectBuilder().add("mode", mode.code());
    Jsonp.addOrNull(json, "width", width);
    Jsonp.addOrNull(json, "height", height);
    json.add("format", format.code());
    Jsonp.addOrNull(json, "quality", quality);
    return json.add("background", background).add("channels", Jsonp.arrayBuilder(channels)).build();
  }

  /** Reads one spec; records every problem in {@code in} and returns null when there is any. */
  static RenditionSpec read(String code, JsonInput in) {
    int before = in.violations().size();
    Mode mode = choice(in, "mode", Mode.values(), Mode.FIT);
    Format format = choice(in, "format", Format.values(), Format.JPEG);
    Integer width = side(in, "width");
    Integer height = side(in, "height");
    if (mode == Mode.FIT && width == null && height == null && in.violations().size() == before) {
      in.invalid("width", "or height is required: a fit rendition needs at least one side.");
    }
    if (mode != null && mode != Mode.FIT) {
      for (String side : List.of("width", "height")) {
        if (!in.has(side)) {
          in.invalid(side, "is required: a " + mode.code() + " rendition needs both sides.");
        }
      }
    }
    Integer quality = in.integer("quality");
    if (format != null) {
      if (format.defaultQuality == null) {
        // PNG is lossless: a quality left from another format (a merge patch keeps it) is dropped.
        quality = null;
      } else if (quality != null && (quality < 1 || quality > 100)) {
        in.invalid("quality", "must be between 1 and 100.");
      } else if (quality == null) {
        quality = format.defaultQuality;
      }
    }
    String background = in.string("background");
    if (background == null) {
      background = "#ffffff";
    } else if (background.equals("transparent")) {
      if (format == Format.JPEG) {
        in.invalid("background", "cannot be transparent: JPEG has no transparency.");
      }
    } else if (!COLOUR.matcher(background).matches()) {
      in.invalid("background", "must be a colour as #rrggbb, or transparent.");
    }
    List<String> channels = in.codes("channels");
    in.rejectUnknown("a rendition");
    if (in.violations().size() > before) {
      return null;
    }
    return new RenditionSpec(
        code,
        mode,
        width,
        height,
        format,
        quality,
        background.toLowerCase(Locale.ROOT),
        channels == null ? List.of() : channels);
  }

  private static Integer side(JsonInput in, String field) {
    Integer side = in.integer(field);
    if (side != null && (side < 1 || side > MAX_SIDE)) {
      in.invalid(field, "must be between 1 and " + MAX_SIDE + " pixels.");
      return null;
    }
    return side;
  }

  private static <E extends Enum<E>> E choice(JsonInput in, String field, E[] choices, E fallback) {
    String code = in.string(field);
    if (code == null) {
      return fallback;
    }
    for (E choice : choices) {
      if (choice.name().equalsIgnoreCase(code)) {
        return choice;
      }
    }
    List<String> codes =
        java.util.Arrays.stream(choices).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    in.invalid(field, "must be one of " + String.join(", ", codes) + ", not '" + code + "'.");
    return null;
  }
}
