package io.vitrine.search;

import io.vitrine.catalog.Attribute;
import io.vitrine.catalog.CatalogSnapshot;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The products a catalog change reaches without a change event of their own: those classified under
 * a changed category, holding a changed option, or with a value of a changed attribute. The indexer
 * re-reads them; a channel feed sends them again.
 */
final class ReachedProducts {

  private ReachedProducts() {}

  /** The query of the products {@code entityType} {@code code} reaches, or null: none. */
  static Query of(String entityType, String code, CatalogSnapshot schema) {
    return switch (entityType) {
      case "category" -> term(SearchFields.CATEGORY_PATHS, code);
      case "attribute_option" -> {
        int dot = code.indexOf('.');
        yield term(
            SearchFields.OPTIONS,
            code.substring(0, dot + 1) + ValueForms.keyword(code.substring(dot + 1)));
      }
      case "attribute" -> term(SearchFields.ATTRIBUTES, code);
      case "measurement_family" -> {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean some = false;
        for (Attribute attribute : schema.attributes().values()) {
          if (code.equals(attribute.metricFamily())) {
            any.add(term(SearchFields.ATTRIBUTES, attribute.code()), Occur.SHOULD);
            some = true;
          }
        }
        yield some ? any.build() : null;
      }
      default -> null;
    };
  }

  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value));
  }
}
