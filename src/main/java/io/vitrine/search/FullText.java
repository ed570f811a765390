package io.vitrine.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The {@code q} parameter as a scored query. The text is cut into words by each locale's analysis,
 * never parsed as query syntax. Every word must match, in a name, an option label or a description
 * (boosted in that order), exactly or, when the index has no such word in that locale, with a typo;
 * the last word also as the start of a word, for as-you-type. An exact identifier, then an
 * identifier that starts with the text, rank first.
 */
final class FullText {

  private static final float IDENTIFIER_EXACT = 50f;
  private static final float IDENTIFIER_PREFIX = 10f;
  private static final float SHORT = 3f;
  private static final float LABEL = 2f;
  private static final float LONG = 1f;
  private static final float TYPO = 0.4f;
  private static final float PREFIX = 0.3f;

  private FullText() {}

  /** The query of {@code text} (not blank) over {@code locales}. */
  static Query query(
      String text, Collection<String> locales, LanguageAnalyzers analyzers, IndexReader index)
      throws IOException {
    String trimmed = text.strip();
    boolean typing = !Character.isWhitespace(text.charAt(text.length() - 1));
    List<Query> alternatives = new ArrayList<>();
    String key = ValueForms.keyword(trimmed);
    alternatives.add(
        new BoostQuery(new TermQuery(new Term(SearchFields.IDENTIFIER, key)), IDENTIFIER_EXACT));
    alternatives.add(
        new BoostQuery(new PrefixQuery(new Term(SearchFields.IDENTIFIER, key)), IDENTIFIER_PREFIX));
    Query identifierWords =
        allWords(
            words(analyzers.standard(), trimmed),
            typing,
            word ->
                List.of(
                    new BoostQuery(
                        new TermQuery(new Term(SearchFields.IDENTIFIER_WORDS, word)), SHORT)),
            word -> List.of(new PrefixQuery(new Term(SearchFields.IDENTIFIER_WORDS, word))));
    if (identifierWords != null) {
      alternatives.add(identifierWords);
    }
    for (String locale : locales) {
      List<String> words = words(analyzers.forLocale(locale), trimmed);
      Set<String> known = new HashSet<>();
      for (String word : words) {
        if (known(word, locale, index)) {
          known.add(word);
        }
      }
      Query inLocale =
          allWords(
              words,
              typing,
              word -> exactAndTypos(word, locale, !known.contains(word)),
              word -> prefixes(word, locale));
      if (inLocale != null) {
        alternatives.add(inLocale);
      }
    }
    return new DisjunctionMaxQuery(alternatives, 0.1f);
  }

  /**
   * Whether some product has {@code word} in a text of {@code locale}. A word the catalog uses is
   * taken as meant: matching its neighbours too ("shirt" for "short") would cost precision, and
   * expanding every word into its typos costs time on a large index.
   */
  private static boolean known(String word, String locale, IndexReader index) throws IOException {
    for (var kind : SearchFields.TextKind.values()) {
      if (index.docFreq(new Term(kind.field(locale), word)) > 0) {
        return true;
      }
    }
    return false;
  }

  private static List<Query> exactAndTypos(String word, String locale, boolean typos) {
    List<Query> queries = new ArrayList<>();
    int edits = !typos ? 0 : word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
    for (var kind : SearchFields.TextKind.values()) {
      String field = kind.field(locale);
      float boost = boost(kind);
      queries.add(new BoostQuery(new TermQuery(new Term(field, word)), boost));
      if (edits > 0) {
        queries.add(
            new BoostQuery(
                new FuzzyQuery(new Term(field, word), edits, 1, 50, true), boost * TYPO));
      }
    }
    return queries;
  }

  private static List<Query> prefixes(String word, String locale) {
    List<Query> queries = new ArrayList<>();
    for (var kind : SearchFields.TextKind.values()) {
      queries.add(
          new BoostQuery(
              new PrefixQuery(new Term(kind.field(locale), word)), boost(kind) * PREFIX));
    }
    return queries;
  }

  private static float boost(SearchFields.TextKind kind) {
    return switch (kind) {
      case SHORT -> SHORT;
      case LABEL -> LABEL;
      case LONG -> LONG;
    };
  }

  /** Every word must match one of its forms; the last one may also be a prefix. */
  private static Query allWords(
      List<String> words,
      boolean typing,
      java.util.function.Function<String, List<Query>> forms,
      java.util.function.Function<String, List<Query>> prefixForms) {
    if (words.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      List<Query> options = new ArrayList<>(forms.apply(words.get(i)));
      if (typing && i == words.size() - 1) {
        options.addAll(prefixForms.apply(words.get(i)));
      }
      all.add(new DisjunctionMaxQuery(options, 0.1f), Occur.MUST);
    }
    return all.build();
  }

  private static List<String> words(Analyzer analyzer, String text) {
    List<String> words = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("q", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        words.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words;
  }
}
