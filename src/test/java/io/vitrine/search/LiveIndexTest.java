package io.vitrine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a crash leaves: the index reopens at its last commit and knows which events to replay. */
class LiveIndexTest {

  @TempDir Path directory;

  private static Document product(long id) {
    var doc = new Document();
    doc.add(new StringField(SearchFields.ID, Long.toString(id), Field.Store.NO));
    doc.add(new NumericDocValuesField(SearchFields.ID, id));
    return doc;
  }

  private LiveIndex open() {
    return new LiveIndex(directory, new StandardAnalyzer());
  }

  @Test
  void aNewIndexHasAppliedNothingAndMustBeBuilt() {
    LiveIndex index = open();
    assertEquals(-1, index.appliedSeq());
    assertFalse(index.compatible(), "a directory never committed is rebuilt from the database");
    index.abandon();
  }

  @Test
  void aCrashLosesOnlyWhatWasNotCommittedAndTheSequenceSaysSo() {
    LiveIndex index = open();
    index.add(List.of(product(1), product(2)));
    index.refresh(10);
    index.commit();
    index.replace(3, product(3));
    index.delete(1);
    index.refresh(15);
    assertEquals(List.of(2L, 3L), sorted(index.ids(new MatchAllDocsQuery())), "searchers see 15");
    index.abandon(); // a kill -9: no commit

    LiveIndex reopened = open();
    assertTrue(reopened.compatible());
    assertEquals(10, reopened.appliedSeq(), "events after 10 are replayed");
    assertEquals(List.of(1L, 2L), sorted(reopened.ids(new MatchAllDocsQuery())));
    reopened.close();

    LiveIndex closed = open();
    assertEquals(10, closed.appliedSeq(), "a clean close commits what it has");
    closed.abandon();
  }

  @Test
  void anIndexOfAnEarlierFormatOpensAsOneToRebuild() throws Exception {
    // Format 3 was not sorted by id: a writer asked for the sort refuses such an index.
    try (var old =
        new org.apache.lucene.index.IndexWriter(
            org.apache.lucene.store.FSDirectory.open(directory),
            new org.apache.lucene.index.IndexWriterConfig(new StandardAnalyzer()))) {
      old.addDocument(product(1));
      old.setLiveCommitData(
          java.util.Map.of(LiveIndex.APPLIED_SEQ, "7", LiveIndex.FORMAT, "3").entrySet());
      old.commit();
    }
    LiveIndex index = open();
    assertFalse(index.compatible());
    assertEquals(-1, index.appliedSeq());
    index.abandon();
  }

  private static List<Long> sorted(List<Long> ids) {
    return ids.stream().sorted().toList();
  }
}
