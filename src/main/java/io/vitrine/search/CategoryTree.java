package io.vitrine.search;

import io.vitrine.platform.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The category tree, to show category facet counts as a tree (one tree with a channel). */
final class CategoryTree {

  private final Map<String, String> parents;
  private final String root;

  CategoryTree(Map<String, String> parents, String root) {
    this.parents = parents;
    this.root = root;
  }

  /** The counted categories as nested nodes, each level by count then code. */
  JsonArray json(Map<String, Integer> counts) {
    Map<String, List<String>> children = new HashMap<>();
    List<String> roots = new ArrayList<>();
    for (String code : counts.keySet()) {
      String parent = parents.get(code);
      if (parent == null || !counts.containsKey(parent)) {
        if (root == null || code.equals(root)) {
          roots.add(code);
        }
      } else {
        children.computeIfAbsent(parent, p -> new ArrayList<>()).add(code);
      }
    }
    return nodes(roots, children, counts);
  }

  private static JsonArray nodes(
      List<String> codes, Map<String, List<String>> children, Map<String, Integer> counts) {
    JsonArrayBuilder array = Jsonp.arrayBuilder();
    codes.stream()
        .sorted(
            Comparator.<String, Integer>comparing(counts::get)
                .reversed()
                .thenComparing(Comparator.naturalOrder()))
        .forEach(
            code ->
                array.add(
                    Jsonp.objectBuilder()
                        .add("value", code)
                        .add("count", counts.get(code))
                        .add(
                            "children",
                            nodes(children.getOrDefault(code, List.of()), children, counts))));
    return array.build();
  }
}
