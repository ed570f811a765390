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
import org.jsoup.Jsoup;

/**
 * A Google Merchant Center product feed: RSS 2.0 with Google's {@code g:} namespace, one item per
 * product. Each attribute of the feed comes from the profile's mapping (targets in {@link
 * #TARGETS}); {@code id} defaults to the identifier, {@code item_group_id} to a variant's root
 * model, {@code availability} to in_stock and {@code condition} to new. A product that Google would
 * refuse (no title, description, link, image or price, a title over 150 characters, an availability
 * Google does not know, a wrong GTIN, or neither a GTIN nor a brand and an MPN unless {@code
 * identifier_exists} maps to "no") is not written: {@link #write} says why.
 */
public final class GoogleMerchantExport extends ExportWriter {

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
  private static final Pattern ONE_PLACEHOLDER = Pattern.compile("^([^{}]*)\\{([^{}]+)}([^{}]*)$");
  private static final int MAX_TITLE = 150;
  private static final int MAX_DESCRIPTION = 5000;
  private static final int MAX_ADDITIONAL_IMAGES = 10;

  private final Map<String, FieldSource> mapping;
  private final ProductFields fields;
  private final XMLStreamWriter xml;

  /**
   * A feed titled {@code title} for the shop at {@code link}; {@code mapping} by target (see {@link
   * #TARGETS}).
   */
  public GoogleMerchantExport(
      OutputStream out,
      String title,
      String link,
      Map<String, FieldSource> mapping,
      ProductFields fields)
      throws IOException {
    Map<String, FieldSource> all = new LinkedHashMap<>();
    all.put("id", new FieldSource.Field("identifier"));
    all.put("item_group_id", new FieldSource.Field("item_group"));
    all.put("availability", new FieldSource.Constant("in_stock"));
    all.put("condition", new FieldSource.Constant("new"));
    all.putAll(mapping);
    this.mapping = all;
    this.fields = fields;
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("rss");
      xml.writeAttribute("version", "2.0");
      xml.writeNamespace("g", NAMESPACE);
      xml.writeStartElement("channel");
      element("title", title);
      element("link", link);
      element("description", title);
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
    item.put("id", id);
    String title = text(product, "title");
    require(refused, title, "no title");
    if (title != null && title.length() > MAX_TITLE) {
      refused.add("a title of " + title.length() + " characters (Google takes " + MAX_TITLE + ")");
    }
    item.put("title", title);
    String description = text(product, "description");
    description = description == null ? null : Jsoup.parse(description).text();
    require(
        refused,
        description == null || description.isBlank() ? null : description,
        "no description");
    if (description != null && description.length() > MAX_DESCRIPTION) {
      refused.add("a description of " + description.length() + " characters (Google takes 5000)");
    }
    item.put("description", description);
    String link = text(product, "link");
    require(refused, link, "no link");
    item.put("link", link);
    List<String> images = images(product);
    require(refused, images.isEmpty() ? null : images.get(0), "no image");
    item.put("image_link", images.isEmpty() ? null : images.get(0));
    String availability = text(product, "availability");
    if (availability != null && !AVAILABILITIES.contains(availability)) {
      refused.add(
          "an availability Google does not know, '"
              + availability
              + "' (in_stock, out_of_stock, preorder or backorder)");
    }
    item.put("availability", availability);
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
    String identifierExists = text(product, "identifier_exists");
    if (!identified && !"no".equals(identifierExists)) {
      refused.add("neither a GTIN nor a brand and an MPN");
    }
    item.put("brand", brand);
    item.put("gtin", gtin);
    item.put("mpn", mpn);
    item.put("identifier_exists", identified ? null : identifierExists);
    item.put("condition", text(product, "condition"));
    item.put("google_product_category", text(product, "google_product_category"));
    item.put("product_type", text(product, "product_type"));
    item.put("item_group_id", text(product, "item_group_id"));
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
  public void finish() throws IOException {
    try {
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
    String text = source == null ? null : fields.text(product, source);
    return text == null || text.isBlank() ? null : text.strip();
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

  private static void require(List<String> refused, String value, String reason) {
    if (value == null) {
      refused.add(reason);
    }
  }

  private void google(String name, String value) throws XMLStreamException {
    xml.writeStartElement("g", name, NAMESPACE);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private void element(String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }
}
