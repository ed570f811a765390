package io.vitrine.search;

import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Violations;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.function.BiFunction;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.util.BytesRef;

/**
 * The {@code sort} parameter as a Lucene sort that ends with the product id, and the cursors of its
 * pages: the sort values of the last product shown, with the query they belong to.
 */
final class SortOrder {

  private final String name;
  private final Sort sort;
  private final boolean relevance;

  private SortOrder(String name, Sort sort, boolean relevance) {
    this.name = name;
    this.sort = sort;
    this.relevance = relevance;
  }

  Sort sort() {
    return sort;
  }

  boolean needsScores() {
    return relevance;
  }

  /** The order {@code sort} asks for; by relevance with full text, else by identifier. */
  static SortOrder parse(
      String sort,
      boolean fullText,
      CatalogSnapshot schema,
      String locale,
      String scope,
      Violations violations) {
    String name =
        sort == null || sort.isBlank() ? (fullText ? "relevance" : "identifier") : sort.strip();
    boolean descending = name.startsWith("-");
    String field = descending ? name.substring(1) : name;
    // Ties go by creation order whichever the direction, so pages stay stable either way.
    SortField id = new SortField(SearchFields.ID, SortField.Type.LONG);
    SortField primary;
    switch (field) {
      case "relevance" -> {
        if (!fullText || descending) {
          violations.add(
              "sort", "relevance sorts full-text results, best first: give q, and no '-'.");
          return null;
        }
        return new SortOrder(
            name,
            new Sort(SortField.FIELD_SCORE, new SortField(SearchFields.ID, SortField.Type.LONG)),
            true);
      }
      case "identifier" -> primary = string(SearchFields.IDENTIFIER, descending);
      case "created" -> primary = number(SearchFields.CREATED, SortField.Type.LONG, descending);
      case "updated" -> primary = number(SearchFields.UPDATED, SortField.Type.LONG, descending);
      default -> {
        primary = attribute(field, descending, schema, locale, scope, violations);
        if (primary == null) {
          return null;
        }
      }
    }
    return new SortOrder(name, new Sort(primary, id), false);
  }

  private static SortField attribute(
      String name,
      boolean descending,
      CatalogSnapshot schema,
      String locale,
      String scope,
      Violations violations) {
    NamedAttribute named =
        NamedAttribute.resolve(
            name,
            schema,
            locale,
            scope,
            "sort",
            "is not a sort: use relevance, identifier, created, updated, an attribute code or"
                + " <price attribute>.<currency>, with '-' in front to sort descending.",
            violations);
    if (named == null) {
      return null;
    }
    String f = named.field();
    return switch (named.attribute().type()) {
      case TEXT, TEXTAREA -> string(f, descending);
      case SIMPLESELECT, BOOLEAN -> {
        var sorted = new SortedSetSortField(f, descending);
        sorted.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
        yield sorted;
      }
      case NUMBER, METRIC, PRICE_COLLECTION -> number(f, SortField.Type.DOUBLE, descending);
      case DATE -> number(f, SortField.Type.LONG, descending);
      default -> {
        violations.add(
            "sort",
            "'" + named.attribute().code() + "' (" + named.typeName() + ") cannot be sorted on.");
        yield null;
      }
    };
  }

  /** Missing values last, in both directions. */
  private static SortField string(String field, boolean descending) {
    var sort = new SortField(field, SortField.Type.STRING, descending);
    sort.setMissingValue(descending ? SortField.STRING_FIRST : SortField.STRING_LAST);
    return sort;
  }

  private static SortField number(String field, SortField.Type type, boolean descending) {
    var sort = new SortField(field, type, descending);
    if (type == SortField.Type.DOUBLE) {
      sort.setMissingValue(descending ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    } else {
      sort.setMissingValue(descending ? Long.MIN_VALUE : Long.MAX_VALUE);
    }
    return sort;
  }

  /** Longer texts are not copied into a cursor (it must fit in a URL): it names the product. */
  private static final int LONGEST_TEXT_IN_CURSOR = 200;

  /**
   * The cursor after {@code last} (product {@code id}): its sort values and the query they belong
   * to.
   */
  String cursor(FieldDoc last, long id, String queryKey) {
    JsonArrayBuilder values = Jsonp.arrayBuilder();
    for (Object value : last.fields) {
      if (value == null) {
        values.addNull();
      } else if (value instanceof BytesRef bytes) {
        String text = bytes.utf8ToString();
        if (text.length() > LONGEST_TEXT_IN_CURSOR) {
          values.add(Jsonp.objectBuilder().add("of", id));
        } else {
          values.add(text);
        }
      } else if (value instanceof Long l) {
        values.add(l);
      } else if (value instanceof Double d) {
        values.add(Double.toString(d));
      } else if (value instanceof Float f) {
        values.add(Float.toString(f));
      } else {
        throw new IllegalStateException("Unexpected sort value " + value.getClass());
      }
    }
    return Jsonp.objectBuilder().add("q", queryKey).add("after", values).build().toString();
  }

  /**
   * The position a cursor names, or null when it is not a cursor of this query and sort. A text the
   * cursor only names by product is read from the index ({@code textOf}: product id and field).
   */
  FieldDoc after(String cursor, String queryKey, BiFunction<Long, SortField, BytesRef> textOf) {
    try {
      JsonObject json = Jsonp.reader(new StringReader(cursor)).readObject();
      if (!queryKey.equals(json.getString("q", null))) {
        return null;
      }
      JsonArray values = json.getJsonArray("after");
      SortField[] fields = sort.getSort();
      if (values == null || values.size() != fields.length) {
        return null;
      }
      Object[] after = new Object[fields.length];
      float score = Float.NaN;
      for (int i = 0; i < fields.length; i++) {
        JsonValue value = values.get(i);
        SortField.Type type = fields[i].getType();
        if (value == JsonValue.NULL) {
          if (type != SortField.Type.STRING && type != SortField.Type.CUSTOM) {
            return null;
          }
          after[i] = null;
          continue;
        }
        switch (type) {
          case STRING, CUSTOM -> {
            if (value instanceof JsonObject named) {
              after[i] = textOf.apply(named.getJsonNumber("of").longValueExact(), fields[i]);
              if (after[i] == null) {
                return null;
              }
            } else {
              after[i] = new BytesRef(((JsonString) value).getString());
            }
          }
          case LONG -> after[i] = ((JsonNumber) value).longValueExact();
          case DOUBLE -> after[i] = Double.parseDouble(((JsonString) value).getString());
          case SCORE -> {
            score = Float.parseFloat(((JsonString) value).getString());
            after[i] = score;
          }
          default -> {
            return null;
          }
        }
      }
      return new FieldDoc(Integer.MAX_VALUE, score, after);
    } catch (RuntimeException e) {
      return null;
    }
  }

  String name() {
    return name;
  }
}
