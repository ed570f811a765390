package io.vitrine.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;

/**
 * One Lucene index directory: its writer, its near-real-time searchers, and the sequence of the
 * last change event applied to it. The sequence is stored with each commit, so that a reopened
 * index knows which events it missed. Written by one thread at a time.
 */
final class LiveIndex implements Closeable {

  static final String APPLIED_SEQ = "vitrine.applied_seq";
  static final String FORMAT = "vitrine.format";

  /** Moves on when the document layout changes: an index of another format is rebuilt. */
  static final String CURRENT_FORMAT = "4"; // 2: completeness, 3: data quality, 4: sorted by id

  private final Path path;
  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final boolean compatible;
  private volatile long appliedSeq;

  LiveIndex(Path path, Analyzer analyzer) {
    this.path = path;
    try {
      directory = FSDirectory.open(path);
      // Read before opening a writer: a writer refuses an index of another sort (format 3 and
      // before were not sorted), and such an index is rebuilt anyway.
      Map<String, String> data =
          DirectoryReader.indexExists(directory)
              ? SegmentInfos.readLatestCommit(directory).getUserData()
              : Map.of();
      String seq = data.get(APPLIED_SEQ);
      compatible = seq != null && CURRENT_FORMAT.equals(data.get(FORMAT));
      appliedSeq = compatible ? Long.parseLong(seq) : -1;
      var config =
          new IndexWriterConfig(analyzer)
              .setOpenMode(
                  compatible
                      ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                      : IndexWriterConfig.OpenMode.CREATE)
              .setRAMBufferSizeMB(64)
              // Feeds walk a channel's products by id, a page at a time: sorted segments let
              // each page start at its cursor and stop after its last product.
              .setIndexSort(new Sort(new SortField(SearchFields.ID, SortField.Type.LONG)));
      writer = new IndexWriter(directory, config);
      searchers = new SearcherManager(writer, new SearcherFactory());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the search index at " + path, e);
    }
  }

  Path path() {
    return path;
  }

  /** Whether the index was committed by this format of documents (a new directory is not). */
  boolean compatible() {
    return compatible;
  }

  /** The last event whose effect searchers see (after {@link #refresh}). */
  long appliedSeq() {
    return appliedSeq;
  }

  void replace(long productId, Document document) {
    try {
      writer.updateDocument(idTerm(productId), document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void delete(long productId) {
    try {
      writer.deleteDocuments(idTerm(productId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void add(List<Document> documents) {
    try {
      writer.addDocuments(documents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes everything written so far visible to new searchers, as of event {@code seq}. */
  void refresh(long seq) {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    appliedSeq = seq;
  }

  /** Makes everything refreshed so far durable, with the sequence it corresponds to. */
  void commit() {
    try {
      writer.setLiveCommitData(
          Map.of(APPLIED_SEQ, Long.toString(appliedSeq), FORMAT, CURRENT_FORMAT).entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Product ids of the documents matching {@code query}, on the latest refreshed view. */
  List<Long> ids(Query query) {
    IndexSearcher searcher = acquire();
    try {
      return Hits.ids(searcher, query);
    } finally {
      release(searcher);
    }
  }

  IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int documents() {
    return writer.getDocStats().numDocs;
  }

  /** Commits and closes. */
  @Override
  public void close() {
    try {
      commit();
    } finally {
      abandon();
    }
  }

  /** Closes without committing: what a crash leaves, and what a discarded rebuild needs. */
  void abandon() {
    try {
      searchers.close();
      writer.rollback();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Term idTerm(long productId) {
    return new Term(SearchFields.ID, Long.toString(productId));
  }
}
