package io.vitrine.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Typos are forgiven for words the catalog lacks, never by matching another word it has. */
class FullTextTest {

  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();

  private List<String> find(String q) throws IOException {
    String field = SearchFields.TextKind.SHORT.field("en_US");
    try (var directory = new ByteBuffersDirectory()) {
      try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzers.perField))) {
        for (String name : List.of("Linen shirt", "Denim shorts", "Wool beanie")) {
          var doc = new Document();
          doc.add(new StringField("name", name, Field.Store.YES));
          doc.add(new TextField(field, name, Field.Store.NO));
          writer.addDocument(doc);
        }
      }
      try (var reader = DirectoryReader.open(directory)) {
        var searcher = new IndexSearcher(reader);
        var found = new TreeSet<String>();
        for (ScoreDoc doc :
            searcher.search(FullText.query(q, List.of("en_US"), analyzers, reader), 10).scoreDocs) {
          found.add(searcher.storedFields().document(doc.doc).get("name"));
        }
        return List.copyOf(found);
      }
    }
  }

  @Test
  void aWordTheCatalogHasIsTakenAsMeant() throws IOException {
    assertEquals(List.of("Linen shirt"), find("shirt "), "not also 'shorts', one edit away");
  }

  @Test
  void aWordTheCatalogLacksIsATypo() throws IOException {
    assertEquals(List.of("Linen shirt"), find("shrit "));
    assertEquals(List.of("Wool beanie"), find("beenie "));
  }

  @Test
  void theLastWordIsAlsoAPrefixWhileTyping() throws IOException {
    assertEquals(List.of("Denim shorts", "Linen shirt"), find("sh"));
  }
}
