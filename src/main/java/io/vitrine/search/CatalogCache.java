package io.vitrine.search;

import io.vitrine.catalog.CatalogTerms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the index needs of the catalog beyond its snapshot: category ancestors and option labels,
 * read once and forgotten when an event says they changed. Used by the indexer's thread only.
 */
final class CatalogCache {

  private final CatalogTerms terms;
  private Map<String, String> parents;
  private final Map<String, Map<String, String>> labels = new HashMap<>();

  CatalogCache(CatalogTerms terms) {
    this.terms = terms;
  }

  /** The categories and every category above them. */
  Set<String> withAncestors(Collection<String> categories) {
    if (parents == null) {
      parents = terms.categoryParents();
    }
    Set<String> all = new HashSet<>();
    for (String category : categories) {
      for (String c = category; c != null && all.add(c); c = parents.get(c)) {
        // climbing to the root; a code seen already ends the climb (and any cycle)
      }
    }
    return all;
  }

  /** The labels of an option by locale, for options loaded by {@link #loadLabels}. */
  Map<String, String> labels(String attribute, String option) {
    return labels.getOrDefault(attribute + "." + option, Map.of());
  }

  /** Reads the labels of options not seen yet, one query per attribute. */
  void loadLabels(Map<String, Set<String>> optionsByAttribute) {
    optionsByAttribute.forEach(
        (attribute, options) -> {
          List<String> missing = new ArrayList<>();
          options.forEach(
              o -> {
                if (!labels.containsKey(attribute + "." + o)) {
                  missing.add(o);
                }
              });
          if (!missing.isEmpty()) {
            Map<String, Map<String, String>> found = terms.optionLabels(attribute, missing);
            missing.forEach(o -> labels.put(attribute + "." + o, found.getOrDefault(o, Map.of())));
          }
        });
  }

  void forgetCategories() {
    parents = null;
  }

  void forgetOption(String attributeDotOption) {
    labels.remove(attributeDotOption);
  }
}
