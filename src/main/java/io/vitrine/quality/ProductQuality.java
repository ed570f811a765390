package io.vitrine.quality;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.AttributeType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.catalog.Channel;
import io.vitrine.catalog.Family;
import io.vitrine.product.ProductValues;
import io.vitrine.product.ValueKey;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The data quality problems of one product in each channel × locale: the rules look at the values
 * the product shows there (of that locale if the attribute is localizable, of that channel if it is
 * scopable), its own and those it inherits. A value seen in several channels or locales is read
 * once.
 */
public final class ProductQuality {

  private final Family family;
  private final Map<ValueKey, JsonValue> values;
  private final CatalogSnapshot schema;
  private final OptionLabels labels;
  private final List<Attribute> attributes = new ArrayList<>();
  private final Map<String, Set<QualityRule>> offByGroup = new HashMap<>();
  private final Map<ValueKey, List<Issue>> textIssues = new HashMap<>();
  private final Map<String, String> visibleTexts = new HashMap<>();

  public ProductQuality(
      Family family, Map<ValueKey, JsonValue> values, CatalogSnapshot schema, OptionLabels labels) {
    this.family = family;
    this.values = values;
    this.schema = schema;
    this.labels = labels;
    for (String code : family.attributes()) {
      Attribute attribute = schema.attributes().get(code);
      if (attribute != null && attribute.type() != AttributeType.IDENTIFIER) {
        attributes.add(attribute);
      }
    }
  }

  /** The problems in {@code channel} and {@code locale}, in {@link Issue#ORDER}. */
  public List<Issue> issues(Channel channel, String locale) {
    List<Issue> issues = new ArrayList<>();
    Map<String, Map<String, List<String>>> unitsByKind = new TreeMap<>();
    for (Attribute attribute : attributes) {
      Set<QualityRule> off = off(attribute);
      ValueKey key = key(attribute, channel, locale);
      JsonValue data = values.get(key);
      if (data == null) {
        continue;
      }
      switch (attribute.type()) {
        case TEXT, TEXTAREA -> {
          if (data instanceof JsonString text && !text.getString().isBlank()) {
            issues.addAll(
                textIssues.computeIfAbsent(key, k -> text(attribute, text.getString(), off)));
          }
        }
        case SIMPLESELECT, MULTISELECT -> unlabelled(attribute, data, locale, off, issues);
        case METRIC -> {
          if (!off.contains(QualityRule.MIXED_UNITS)
              && data instanceof JsonObject metric
              && metric.get("unit") instanceof JsonString unit
              && !metric.isNull("amount")) {
            unitsByKind
                .computeIfAbsent(attribute.metricFamily(), k -> new TreeMap<>())
                .computeIfAbsent(unit.getString(), u -> new ArrayList<>())
                .add(attribute.code());
          }
        }
        default -> {
          // numbers, prices, dates, booleans and assets have no content rules (yet)
        }
      }
    }
    title(channel, locale, issues);
    image(channel, locale, issues);
    unitsByKind.forEach((kind, units) -> mixedUnits(units, standardUnit(kind), issues));
    issues.sort(Issue.ORDER);
    return issues;
  }

  private List<Issue> text(Attribute attribute, String text, Set<QualityRule> off) {
    List<Issue> found = new ArrayList<>(0);
    if (Boolean.TRUE.equals(attribute.gtin())) {
      String problem =
          off.contains(QualityRule.GTIN_CHECK_DIGIT) ? null : Gtin.problem(text.strip());
      if (problem != null) {
        found.add(
            new Issue(
                QualityRule.GTIN_CHECK_DIGIT,
                attribute.code(),
                attribute.code() + " \"" + text.strip() + "\" " + problem + "."));
      }
      return found;
    }
    boolean rich = Boolean.TRUE.equals(attribute.richText());
    TextChecks.check(attribute.code(), rich ? visible(text) : text, !rich, off, found::add);
    return found;
  }

  private void unlabelled(
      Attribute attribute,
      JsonValue data,
      String locale,
      Set<QualityRule> off,
      List<Issue> issues) {
    if (off.contains(QualityRule.OPTION_LABEL_MISSING)) {
      return;
    }
    List<String> missing = new ArrayList<>(0);
    for (String option : ProductValues.optionCodes(data)) {
      if (!labels.labelled(attribute.code(), option, locale)) {
        missing.add(option);
      }
    }
    if (!missing.isEmpty()) {
      issues.add(
          new Issue(
              QualityRule.OPTION_LABEL_MISSING,
              attribute.code(),
              attribute.code()
                  + (missing.size() == 1 ? " option " : " options ")
                  + Issue.few(missing)
                  + (missing.size() == 1 ? " has" : " have")
                  + " no "
                  + locale
                  + " label: the storefront shows the code."));
    }
  }

  private void title(Channel channel, String locale, List<Issue> issues) {
    Integer min = channel.titleMinLength();
    Integer max = channel.titleMaxLength();
    Attribute title =
        family.attributeAsLabel() == null
            ? null
            : schema.attributes().get(family.attributeAsLabel());
    if ((min == null && max == null)
        || title == null
        || off(title).contains(QualityRule.TITLE_LENGTH)) {
      return;
    }
    JsonValue data = values.get(key(title, channel, locale));
    String text = data instanceof JsonString s ? s.getString() : "";
    if (Boolean.TRUE.equals(title.richText())) {
      text = visible(text);
    }
    text = text.strip();
    int length = text.codePointCount(0, text.length());
    if ((min == null || length >= min) && (max == null || length <= max)) {
      return;
    }
    String wanted =
        min != null && max != null
            ? min + " to " + max
            : min != null ? "at least " + min : "at most " + max;
    issues.add(
        new Issue(
            QualityRule.TITLE_LENGTH,
            title.code(),
            title.code()
                + (length == 0
                    ? " is empty"
                    : " has " + length + (length == 1 ? " character" : " characters"))
                + "; "
                + channel.code()
                + " wants titles of "
                + wanted
                + " characters."));
  }

  private void image(Channel channel, String locale, List<Issue> issues) {
    Attribute image =
        family.attributeAsImage() == null
            ? null
            : schema.attributes().get(family.attributeAsImage());
    if (image == null || off(image).contains(QualityRule.IMAGE_MISSING)) {
      return;
    }
    JsonValue data = values.get(key(image, channel, locale));
    boolean present =
        data != null
            && switch (data.getValueType()) {
              case ARRAY -> !data.asJsonArray().isEmpty();
              case STRING -> !((JsonString) data).getString().isBlank();
              case NULL -> false;
              default -> true;
            };
    if (!present) {
      issues.add(
          new Issue(
              QualityRule.IMAGE_MISSING,
              image.code(),
              image.code() + " is empty: the product has no image."));
    }
  }

  private String standardUnit(String measurementFamily) {
    var family = schema.measurementFamilies().get(measurementFamily);
    return family == null ? null : family.standardUnit();
  }

  /**
   * Attributes whose unit differs from the one most of their kind use are reported; on a tie, the
   * usual unit is the family's standard unit if it is among them, else the first by code.
   */
  private static void mixedUnits(
      Map<String, List<String>> attributesByUnit, String standard, List<Issue> issues) {
    if (attributesByUnit.size() < 2) {
      return;
    }
    String usual =
        Collections.max(
                attributesByUnit.entrySet(),
                (a, b) ->
                    a.getValue().size() != b.getValue().size()
                        ? Integer.compare(a.getValue().size(), b.getValue().size())
                        : a.getKey().equals(standard)
                            ? 1
                            : b.getKey().equals(standard) ? -1 : b.getKey().compareTo(a.getKey()))
            .getKey();
    attributesByUnit.forEach(
        (unit, codes) -> {
          if (!unit.equals(usual)) {
            for (String code : codes) {
              issues.add(
                  new Issue(
                      QualityRule.MIXED_UNITS,
                      code,
                      code
                          + " is in "
                          + unit
                          + " while "
                          + Issue.few(attributesByUnit.get(usual))
                          + (attributesByUnit.get(usual).size() == 1 ? " is" : " are")
                          + " in "
                          + usual
                          + "."));
            }
          }
        });
  }

  private Set<QualityRule> off(Attribute attribute) {
    return offByGroup.computeIfAbsent(
        attribute.group() == null ? "" : attribute.group(),
        g -> {
          Set<QualityRule> off = EnumSet.noneOf(QualityRule.class);
          schema
              .disabledQualityRules(attribute)
              .forEach(code -> QualityRule.fromCode(code).ifPresent(off::add));
          return off;
        });
  }

  private static ValueKey key(Attribute attribute, Channel channel, String locale) {
    return new ValueKey(
        attribute.code(),
        attribute.localizable() ? locale : null,
        attribute.scopable() ? channel.code() : null);
  }

  /**
   * Separates the blocks (paragraphs, list items, lines) of rich text: whitespace to {@link
   * String#isBlank} and {@link String#strip}, but the end of a sentence to the word rules, so that
   * "Care" in a heading and "Care instructions" in the paragraph below are not a repeated word.
   */
  static final char BLOCK = '\u2029';

  /**
   * The text a reader sees in HTML, blocks separated by {@link #BLOCK}, read once per product for
   * completeness and quality alike.
   */
  public String visible(String html) {
    if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
      return html;
    }
    return visibleTexts.computeIfAbsent(html, ProductQuality::parseVisible);
  }

  private static String parseVisible(String html) {
    StringBuilder text = new StringBuilder(html.length());
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              text.append(t.text());
            } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
              text.append(BLOCK);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
              text.append(BLOCK);
            }
          }
        },
        Jsoup.parse(html).body());
    return text.toString();
  }
}
