package io.vitrine.publish.export;

import io.vitrine.quality.Gtin;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A Google Merchant Center product feed: RSS 2.0 with Google's {@code g:} namespace, one item per
 * product. Each attribute of the feed comes from the profile's mapping (targets in {@link
 * #TARGETS}); {@code id} defaults to the identifier, {@code item_group_id} to a variant's root
 * model, {@code availability} to in_stock and {@code condition} to new. A product that Google would
 * refuse (no title, description, link, image or price, a title over 150 characters, an availability
 * Google does not know, a wrong GTIN, or neither a GTIN nor a brand and an MPN unless {@code
 * identifier_exists} maps to "no", or a link or image link that is not an http or https address) is
 * not written: {@link #write} says why.
 */
public final class GoogleMerchantExport implements ExportWriter {

  public static final String NAMESPACE = "http://base.google.com/ns/1.0";

  /** The feed attributes a profile may map. */
  public static final Set<String> TARGETS =
      Set.of(
          "id",
          "title",
          "description",
          "link",
          "image_link",
          "additional_image_link",
          "availability",
          "availability_date",
          "price",
          "sale_price",
          "brand",
          "gtin",
          "mpn",
          "identifier_exists",
          "condition",
          "google_product_category",
          "product_type",
          "item_group_id");

  private static final Set<String> AVAILABILITIES =
      Set.of("in_stock", "out_of_stock", "preorder", "backorder");
  private static final Set<String> CONDITIONS = Set.of("new", "refurbished", "used");
  private static final int MAX_ID = 50;
  private static final int MAX_URL = 2000;
  private static final Pattern ONE_PLACEHOLDER = Pattern.compile("^([^{}]*)\\{([^{}]+)}([^{}]*)$");
  private static final Pattern ADDRESS =
      Pattern.compile("https?://[^/\\s]+", Pattern.CASE_INSENSITIVE);
  private static final int MAX_TITLE = 150;
  private static final int MAX_DESCRIPTION = 5000;
  private static final int MAX_ADDITIONAL_IMAGES = 10;

  private final Map<String, FieldSource> mapping;
  private final ProductFields fields;
  private final XMLStreamWriter xml;
  private final OutputStream out;
  private final boolean continued;

  /** What the feed says of the shop: its name, address and description. */
  public record Feed(String title, String link, String description) {}

  /** A whole feed; {@code mapping} by target (see {@link #TARGETS}). */
  public GoogleMerchantExport(
      OutputStream out, Feed feed, Map<String, FieldSource> mapping, ProductFields fields)
      throws IOException {
    this(out, feed, mapping, fields, true);
  }

  /**
   * With {@code head} false, items only: the continuation of a feed whose head an earlier writer
   * put out.
   */
  public GoogleMerchantExport(
      OutputStream out,
      Feed feed,
      Map<String, FieldSource> mapping,
      ProductFields fields,
      boolean head)
      throws IOException {
    Map<String, FieldSource> all = new LinkedHashMap<>();
    all.put("id", new FieldSource.Field("identifier"));
    all.put("item_group_id", new FieldSource.Field("item_group"));
    all.put("availability", new FieldSource.Constant("in_stock"));
    all.put("condition", new FieldSource.Constant("new"));
    all.putAll(mapping);
    this.mapping = all;
    this.fields = fields;
    this.out = out;
    this.continued = !head;
    try {
      // The JDK's own writer, whatever else is on the class path.
      xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      if (head) {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("rss");
        xml.writeAttribute("version", "2.0");
        xml.writeNamespace("g", NAMESPACE);
        xml.writeStartElement("channel");
        element("title", feed.title());
        element("link", feed.link());
        element("description", feed.description() == null ? feed.title() : feed.description());
      } else {
        xml.setPrefix("g", NAMESPACE);
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public String write(JsonObject product) throws IOException {
    Map<String, String> item = new LinkedHashMap<>();
    List<String> refused = new ArrayList<>();
    String id = text(product, "id");
    require(refused, id, "no id");
    longest(refused, "id", id, MAX_ID);
    item.put("id", id);
    String title = text(product, "title");
    require(refused, title, "no title");
    longest(refused, "title", title, MAX_TITLE);
    item.put("title", title);
    String description = text(product, "description");
    description = description == null ? null : ProductFields.plainText(description);
    require(
        refused,
        description == null || description.isBlank() ? null : description,
        "no description");
    longest(refused, "description", description, MAX_DESCRIPTION);
    item.put("description", description);
    String link = text(product, "link");
    require(refused, link, "no link");
    longest(refused, "link", link, MAX_URL);
    address(refused, "link", link);
    item.put("link", link);
    List<String> images = images(product);
    require(refused, images.isEmpty() ? null : images.get(0), "no image");
    images.forEach(image -> longest(refused, "image link", image, MAX_URL));
    images.forEach(image -> address(refused, "image link", image));
    item.put("image_link", images.isEmpty() ? null : images.get(0));
    String availability = lower(code(product, "availability"));
    if (availability != null && !AVAILABILITIES.contains(availability)) {
      refused.add(
          "an availability Google does not know, '"
              + availability
              + "' (in_stock, out_of_stock, preorder or backorder)");
    }
    String availabilityDate = text(product, "availability_date");
    if (("preorder".equals(availability) || "backorder".equals(availability))
        && availabilityDate == null) {
      refused.add("no availability date, which Google asks of " + availability);
    }
    item.put("availability", availability);
    item.put("availability_date", availabilityDate);
    String price = money(product, "price");
    require(refused, price, "no price in " + fields.currency());
    item.put("price", price);
    item.put("sale_price", money(product, "sale_price"));
    String brand = text(product, "brand");
    String gtin = text(product, "gtin");
    String mpn = text(product, "mpn");
    if (gtin != null && Gtin.problem(gtin) != null) {
      refused.add("the GTIN " + gtin + " " + Gtin.problem(gtin));
    }
    boolean identified = gtin != null || (brand != null && mpn != null);
    String identifierExists = lower(code(product, "identifier_exists"));
    if (!identified && !"no".equals(identifierExists)) {
      refused.add("neither a GTIN nor a brand and an MPN");
    }
    item.put("brand", brand);
    item.put("gtin", gtin);
    item.put("mpn", mpn);
    item.put("identifier_exists", identified ? null : identifierExists);
    String condition = lower(code(product, "condition"));
    if (condition != null && !CONDITIONS.contains(condition)) {
      refused.add("a condition Google does not know, '" + condition + "' (new, refurbished, used)");
    }
    item.put("condition", condition);
    item.put("google_product_category", text(product, "google_product_category"));
    item.put("product_type", text(product, "product_type"));
    String group = text(product, "item_group_id");
    longest(refused, "item group id", group, MAX_ID);
    item.put("item_group_id", group);
    if (!refused.isEmpty()) {
      return "Google Merchant: " + String.join("; ", refused) + ".";
    }
    try {
      xml.writeStartElement("item");
      for (Map.Entry<String, String> field : item.entrySet()) {
        if (field.getValue() != null) {
          google(field.getKey(), field.getValue());
        }
      }
      for (String more : images.subList(1, Math.min(images.size(), 1 + MAX_ADDITIONAL_IMAGES))) {
        google("additional_image_link", more);
      }
      xml.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
    return null;
  }

  @Override
  public void flush() throws IOException {
    try {
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  @Override
  public void finish() throws IOException {
    try {
      if (continued) {
        // This writer did not open them: it closes them as text.
        xml.flush();
        out.write("</channel></rss>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
        return;
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private String text(JsonObject product, String target) {
    FieldSource source = mapping.get(target);
    return blankToNull(source == null ? null : fields.text(product, source));
  }

  /** As {@link #text}, but a select's option code: for the values Google takes from a list. */
  private String code(JsonObject product, String target) {
    FieldSource source = mapping.get(target);
    return blankToNull(source == null ? null : fields.code(product, source));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
  }

  private static void longest(List<String> refused, String what, String text, int most) {
    int length = text == null ? 0 : text.codePointCount(0, text.length());
    if (length > most) {
      refused.add("the " + what + " has " + length + " characters (Google takes " + most + ")");
    }
  }

  /** "22.90 EUR", from the price attribute the target maps to, in the profile's currency. */
  private String money(JsonObject product, String target) {
    FieldSource source = mapping.get(target);
    String amount =
        source instanceof FieldSource.Field field ? fields.price(product, field.code()) : null;
    return amount == null ? null : amount + " " + fields.currency();
  }

  /**
   * The image links: the first is {@code image_link}, the others {@code additional_image_link}.
   * Mapped to a template of one list field ({@code https://cdn.example/{images}.jpg}), each of its
   * items gives a link; an explicit {@code additional_image_link} mapping adds its own.
   */
  private List<String> images(JsonObject product) {
    List<String> links = new ArrayList<>();
    FieldSource source = mapping.get("image_link");
    if (source instanceof FieldSource.Template template
        && ONE_PLACEHOLDER.matcher(template.template()).matches()) {
      Matcher parts = ONE_PLACEHOLDER.matcher(template.template());
      parts.matches();
      for (String item : fields.items(product, new FieldSource.Field(parts.group(2)))) {
        links.add(parts.group(1) + item + parts.group(3));
      }
    } else if (source != null) {
      fields.items(product, source).forEach(links::add);
    }
    FieldSource more = mapping.get("additional_image_link");
    if (more != null && !links.isEmpty()) {
      fields.items(product, more).forEach(links::add);
    }
    return links;
  }

  /** Google takes only absolute http and https addresses. */
  private static void address(List<String> refused, String what, String text) {
    if (text != null && !ADDRESS.matcher(text).lookingAt()) {
      refused.add("the " + what + " '" + text + "' is not an http or https address");
    }
  }

  private static void require(List<String> refused, String value, String reason) {
    if (value == null) {
      refused.add(reason);
    }
  }

  private void google(String name, String value) throws XMLStreamException {
    xml.writeStartElement("g", name, NAMESPACE);
    xml.writeCharacters(xmlText(value));
    xml.writeEndElement();
  }

  private void element(String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value == null ? "" : xmlText(value));
    xml.writeEndElement();
  }

  /**
   * {@code text} without what XML 1.0 cannot hold (control characters, unpaired surrogates): the
   * writer would put them out as they are, and no parser would read the feed.
   */
  static String xmlText(String text) {
    StringBuilder kept = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int width = Character.charCount(c);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed && kept == null) {
        kept = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (allowed && kept != null) {
        kept.appendCodePoint(c);
      }
      i += width;
    }
    return kept == null ? text : kept.toString();
  }
}
