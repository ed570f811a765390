package io.vitrine.search;

import static io.vitrine.search.SearchFields.TextKind.LABEL;
import static io.vitrine.search.SearchFields.TextKind.LONG;
import static io.vitrine.search.SearchFields.TextKind.SHORT;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.completeness.Completeness.Slot;
import io.vitrine.product.IndexableProducts.Indexable;
import io.vitrine.product.ProductValues;
import io.vitrine.product.ValueKey;
import io.vitrine.quality.OptionLabels;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Turns products, with what they inherit, into Lucene documents (one per product). */
final class IndexDocuments {

  private final CatalogSnapshot schema;
  private final CatalogCache catalog;

  IndexDocuments(CatalogSnapshot schema, CatalogCache catalog) {
    this.schema = schema;
    this.catalog = catalog;
  }

  /**
   * The documents of {@code products} with their stored {@code completeness}, reading the labels of
   * their options first.
   */
  List<Document> build(Collection<Indexable> products, Map<Long, List<Slot>> completeness) {
    Map<String, Set<String>> options =
        OptionLabels.selected(products.stream().map(Indexable::values).toList(), schema);
    catalog.loadLabels(options);
    List<Document> documents = new ArrayList<>(products.size());
    products.forEach(p -> documents.add(document(p, completeness.getOrDefault(p.id(), List.of()))));
    return documents;
  }

  private Document document(Indexable product, List<Slot> completeness) {
    var doc = new Document();
    for (Slot slot : completeness) {
      String channel = slot.channel();
      String locale = slot.locale();
      slotNumber(doc, SearchFields.completeness(channel, locale), slot.ratio());
      slotNumber(doc, SearchFields.quality(channel, locale), slot.score());
      slot.missing().forEach(a -> ordinal(doc, SearchFields.missing(channel, locale), a));
      slot.issues()
          .forEach(
              i ->
                  ordinal(
                      doc,
                      SearchFields.issues(channel, locale),
                      i.rule().code() + " " + i.attribute()));
    }
    doc.add(new StringField(SearchFields.ID, Long.toString(product.id()), Field.Store.NO));
    doc.add(new NumericDocValuesField(SearchFields.ID, product.id()));
    keyword(doc, SearchFields.IDENTIFIER, ValueForms.keyword(product.identifier()));
    doc.add(new TextField(SearchFields.IDENTIFIER_WORDS, product.identifier(), Field.Store.NO));
    if (product.family() != null) {
      facet(doc, SearchFields.FAMILY, product.family());
    }
    facet(doc, SearchFields.ENABLED, Boolean.toString(product.enabled()));
    for (String category : product.categories()) {
      doc.add(new StringField(SearchFields.CATEGORIES, category, Field.Store.NO));
    }
    for (String category : catalog.withAncestors(product.categories())) {
      facet(doc, SearchFields.CATEGORY_PATHS, category);
    }
    doc.add(
        new StringField(
            SearchFields.CLASSIFIED,
            Boolean.toString(!product.categories().isEmpty()),
            Field.Store.NO));
    doc.add(
        new StringField(
            SearchFields.VARIANT, Boolean.toString(!product.models().isEmpty()), Field.Store.NO));
    for (String model : product.models()) {
      doc.add(new StringField(SearchFields.MODELS, ValueForms.keyword(model), Field.Store.NO));
    }
    time(doc, SearchFields.CREATED, product.created().toInstant().toEpochMilli());
    time(doc, SearchFields.UPDATED, product.updated().toInstant().toEpochMilli());
    Set<String> attributes = new HashSet<>();
    product
        .values()
        .forEach(
            (key, data) -> {
              Attribute attribute = schema.attributes().get(key.attribute());
              if (attribute != null) {
                attributes.add(attribute.code());
                doc.add(
                    new StringField(
                        SearchFields.FILLED,
                        SearchFields.slot(key.attribute(), key.locale(), key.scope()),
                        Field.Store.NO));
                value(doc, attribute, key, data);
              }
            });
    attributes.forEach(a -> doc.add(new StringField(SearchFields.ATTRIBUTES, a, Field.Store.NO)));
    return doc;
  }

  private void value(Document doc, Attribute attribute, ValueKey key, JsonValue data) {
    String field =
        SearchFields.value(attribute.type(), attribute.code(), key.locale(), key.scope());
    switch (attribute.type()) {
      case TEXT, IDENTIFIER -> {
        String text = ((JsonString) data).getString();
        keyword(doc, field, ValueForms.keyword(text));
        fullText(doc, SHORT, key.locale(), text);
      }
      case TEXTAREA -> {
        String text = ValueForms.plainText(((JsonString) data).getString());
        keyword(doc, field, ValueForms.keyword(text));
        fullText(doc, LONG, key.locale(), text);
      }
      case SIMPLESELECT, MULTISELECT -> {
        for (String code : ProductValues.optionCodes(data)) {
          String lower = ValueForms.keyword(code);
          facet(doc, field, lower);
          doc.add(
              new StringField(
                  SearchFields.OPTIONS, attribute.code() + "." + lower, Field.Store.NO));
          catalog
              .labels(attribute.code(), code)
              .forEach(
                  (locale, label) -> {
                    if (key.locale() == null || key.locale().equals(locale)) {
                      addText(doc, LABEL.field(locale), label);
                    }
                  });
        }
      }
      case BOOLEAN -> facet(doc, field, data.toString());
      case NUMBER -> number(doc, field, ValueForms.number(data));
      case METRIC -> {
        JsonObject metric = data.asJsonObject();
        ValueForms.conversion(attribute, metric.getString("unit"), schema)
            .ifPresent(
                steps ->
                    number(
                        doc,
                        field,
                        ValueForms.standard(ValueForms.decimal(metric.get("amount")), steps)));
      }
      case PRICE_COLLECTION -> {
        for (JsonValue price : data.asJsonArray()) {
          JsonObject p = price.asJsonObject();
          number(
              doc,
              SearchFields.price(
                  attribute.code(), key.locale(), key.scope(), p.getString("currency")),
              ValueForms.number(p.get("amount")));
        }
      }
      case DATE -> {
        long day = LocalDate.parse(((JsonString) data).getString()).toEpochDay();
        doc.add(new LongPoint(field, day));
        doc.add(new NumericDocValuesField(field, day));
      }
      case ASSET_COLLECTION -> {
        // Only whether it is filled counts, and that is the FILLED field.
      }
    }
  }

  /** Into the locale's field, or every active locale's for a value that is not localizable. */
  private void fullText(Document doc, SearchFields.TextKind kind, String locale, String text) {
    if (locale != null) {
      addText(doc, kind.field(locale), text);
    } else {
      schema.activeLocales().forEach(l -> addText(doc, kind.field(l), text));
    }
  }

  private static void addText(Document doc, String field, String text) {
    doc.add(new TextField(field, text, Field.Store.NO));
  }

  private static void keyword(Document doc, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.NO));
    doc.add(new SortedDocValuesField(field, new BytesRef(value)));
  }

  private static void facet(Document doc, String field, String value) {
    doc.add(new StringField(field, value, Field.Store.NO));
    doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
  }

  /** A whole number to filter on (a point) and to count (doc values). */
  private static void slotNumber(Document doc, String field, int value) {
    doc.add(new IntPoint(field, value));
    doc.add(new NumericDocValuesField(field, value));
  }

  /** A value the summary counts by ordinal, not searched. */
  private static void ordinal(Document doc, String field, String value) {
    doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
  }

  private static void number(Document doc, String field, double value) {
    doc.add(new DoublePoint(field, value));
    doc.add(new DoubleDocValuesField(field, value));
  }

  private static void time(Document doc, String field, long millis) {
    doc.add(new LongPoint(field, millis));
    doc.add(new NumericDocValuesField(field, millis));
  }
}
