package io.vitrine.search;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;

/**
 * The analysis of full-text fields: each locale's language (stop words, stemming, elision), then
 * accents folded away, so that "ecru" finds "écru". Query words go through the same analysis.
 */
final class LanguageAnalyzers {

  private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();
  private final Analyzer standard = folded(new StandardAnalyzer());

  /** Picks the analyzer by the field's locale: what an IndexWriter and the query side both use. */
  final Analyzer perField =
      new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
          String locale = SearchFields.localeOf(fieldName);
          return locale == null ? standard : forLocale(locale);
        }
      };

  Analyzer forLocale(String locale) {
    String language = locale.split("[_-]")[0].toLowerCase(Locale.ROOT);
    return byLanguage.computeIfAbsent(language, l -> folded(language(l)));
  }

  Analyzer standard() {
    return standard;
  }

  private static Analyzer language(String language) {
    return switch (language) {
      case "en" -> new EnglishAnalyzer();
      case "fr" -> new FrenchAnalyzer();
      case "de" -> new GermanAnalyzer();
      case "es" -> new SpanishAnalyzer();
      case "it" -> new ItalianAnalyzer();
      case "nl" -> new DutchAnalyzer();
      default -> new StandardAnalyzer();
    };
  }

  private static Analyzer folded(Analyzer language) {
    return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return language;
      }

      @Override
      protected TokenStreamComponents wrapComponents(
          String fieldName, TokenStreamComponents components) {
        return new TokenStreamComponents(
            components.getSource(), new ASCIIFoldingFilter(components.getTokenStream()));
      }
    };
  }
}
