package io.vitrine.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/** Reading product ids out of the index. */
final class Hits {

  private Hits() {}

  /** The product ids of every document matching {@code query}. */
  static List<Long> ids(IndexSearcher searcher, Query query) {
    List<Long> ids = new ArrayList<>();
    try {
      searcher.search(
          query,
          new SimpleCollector() {
            private NumericDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
              values = context.reader().getNumericDocValues(SearchFields.ID);
            }

            @Override
            public void collect(int doc) throws IOException {
              if (values.advanceExact(doc)) {
                ids.add(values.longValue());
              }
            }

            @Override
            public ScoreMode scoreMode() {
              return ScoreMode.COMPLETE_NO_SCORES;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** The value in the single-valued keyword field {@code field} of every document matching. */
  static List<String> keywords(IndexSearcher searcher, Query query, String field) {
    List<String> found = new ArrayList<>();
    try {
      searcher.search(
          query,
          new SimpleCollector() {
            private SortedDocValues values;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
              values = DocValues.getSorted(context.reader(), field);
            }

            @Override
            public void collect(int doc) throws IOException {
              if (values.advanceExact(doc)) {
                found.add(values.lookupOrd(values.ordValue()).utf8ToString());
              }
            }

            @Override
            public ScoreMode scoreMode() {
              return ScoreMode.COMPLETE_NO_SCORES;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * The sort text of product {@code id} in {@code sort}'s field (the lowest, for a multi-valued
   * one), or null if the product or its value is gone.
   */
  static BytesRef text(IndexSearcher searcher, long id, SortField sort) {
    try {
      TopDocs found =
          searcher.search(new TermQuery(new Term(SearchFields.ID, Long.toString(id))), 1);
      if (found.scoreDocs.length == 0) {
        return null;
      }
      int doc = found.scoreDocs[0].doc;
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      SortedSetDocValues values = DocValues.getSortedSet(leaf.reader(), sort.getField());
      if (!values.advanceExact(doc - leaf.docBase)) {
        return null;
      }
      return BytesRef.deepCopyOf(values.lookupOrd(values.nextOrd()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The product id of a document of the whole index (a top hit's {@code doc}). */
  static long id(IndexSearcher searcher, int doc) {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    try {
      NumericDocValues values = leaf.reader().getNumericDocValues(SearchFields.ID);
      if (values == null || !values.advanceExact(doc - leaf.docBase)) {
        throw new IllegalStateException("A document without a product id: " + doc);
      }
      return values.longValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
