package io.vitrine.product;

import io.vitrine.catalog.AssociationType;
import io.vitrine.catalog.CatalogSnapshot;
import io.vitrine.platform.problem.Violations;
import io.vitrine.product.AssociationChange.Slot;
import io.vitrine.product.AssociationChange.Target;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The associations a write batch reads and changes. Owners' links are loaded once; each command's
 * lists replace the owner's lists of the same type and kind, and a two-way type mirrors every link
 * it adds or removes onto the target. At the end the rows that changed are written, and {@link
 * #changed()} names every product and model whose links changed, the mirrored ones included, so
 * that each gets a new version and a change event.
 */
final class AssociationBatch {

  private final AssociationRows rows;
  private final EntityManager em;
  private final CatalogSnapshot schema;
  private final Map<Node, Set<Link>> original = new HashMap<>();
  private final Map<Node, Set<Link>> current = new HashMap<>();

  /** Targets by identifier or code key, as the batch knows them. */
  private final Map<Node.Type, Map<String, Node>> byKey = new HashMap<>();

  AssociationBatch(AssociationRows rows, EntityManager em, CatalogSnapshot schema) {
    this.rows = rows;
    this.em = em;
    this.schema = schema;
    byKey.put(Node.Type.PRODUCT, new HashMap<>());
    byKey.put(Node.Type.MODEL, new HashMap<>());
  }

  /**
   * Loads the links of {@code owners}, and of the targets their two-way links mirror onto; those
   * whose row says they have no links are known to have none without a query.
   */
  <T> void load(Collection<T> owners, Function<T, Node> node, Predicate<T> linked) {
    for (T owner : owners) {
      if (!linked.test(owner)) {
        original.put(node.apply(owner), Set.of());
        current.put(node.apply(owner), new LinkedHashSet<>());
      }
    }
    Set<Node> mirrored = new HashSet<>();
    for (Node owner : ensureLoaded(owners.stream().map(node).toList())) {
      for (Link link : current.get(owner)) {
        if (twoWay(link.type())) {
          mirrored.add(link.target());
        }
      }
    }
    ensureLoaded(mirrored);
  }

  private Set<Node> ensureLoaded(Collection<Node> nodes) {
    Set<Node> missing = new HashSet<>(nodes);
    missing.removeAll(current.keySet());
    if (!missing.isEmpty()) {
      rows.load(missing)
          .links()
          .forEach(
              (node, links) -> {
                original.put(node, Set.copyOf(links));
                current.put(node, new LinkedHashSet<>(links));
              });
    }
    return missing;
  }

  /** Finds the targets every change names, by identifier or code without regard to case. */
  void resolve(Collection<AssociationChange> changes) {
    for (Node.Type kind : Node.Type.values()) {
      Set<String> keys = new HashSet<>();
      changes.forEach(c -> c.names(kind).forEach(n -> keys.add(Product.key(n))));
      keys.removeAll(byKey.get(kind).keySet());
      if (keys.isEmpty()) {
        continue;
      }
      String jpql =
          kind == Node.Type.PRODUCT
              ? "SELECT p.id, p.identifierKey FROM Product p WHERE p.identifierKey IN :keys"
              : "SELECT m.id, m.codeKey FROM ProductModel m WHERE m.codeKey IN :keys";
      for (Object[] row :
          em.createQuery(jpql, Object[].class)
              .setParameter("keys", List.copyOf(keys))
              .getResultList()) {
        byKey.get(kind).put((String) row[1], new Node(kind, ((Number) row[0]).longValue()));
      }
    }
  }

  /** Tells the batch that a product or model it writes now has this identifier or code. */
  void known(Node node, String oldName, String name) {
    if (oldName != null) {
      byKey.get(node.type()).remove(Product.key(oldName));
    }
    byKey.get(node.type()).put(Product.key(name), node);
    current.computeIfAbsent(node, n -> new LinkedHashSet<>());
    original.computeIfAbsent(node, n -> Set.of());
  }

  /**
   * The links {@code change} asks for, by list, with every unknown target and every link of the
   * owner to itself recorded in {@code violations}.
   */
  Map<Slot, List<Link>> check(
      AssociationChange change, Node.Type ownerType, String ownerName, Violations violations) {
    Map<Slot, List<Link>> resolved = new HashMap<>();
    change
        .slots()
        .forEach(
            (slot, targets) -> {
              List<Link> links = new ArrayList<>();
              for (Target target : targets) {
                Node node = byKey.get(slot.kind()).get(Product.key(target.name()));
                if (node == null) {
                  violations.add(
                      target.path(),
                      "there is no "
                          + (slot.kind() == Node.Type.PRODUCT ? "product" : "product model")
                          + " '"
                          + target.name()
                          + "'.");
                } else if (slot.kind() == ownerType
                    && Product.key(target.name()).equals(Product.key(ownerName))) {
                  violations.add(target.path(), "a product or model cannot be linked to itself.");
                } else {
                  links.add(new Link(slot.type(), node, target.quantity()));
                }
              }
              resolved.put(slot, links);
            });
    return resolved;
  }

  /** Replaces the owner's lists with those given, mirroring two-way links. */
  void apply(Node owner, Map<Slot, List<Link>> lists) {
    ensureLoaded(List.of(owner));
    Set<Link> links = current.get(owner);
    lists.forEach(
        (slot, wanted) -> {
          List<Link> old =
              links.stream()
                  .filter(l -> l.type().equals(slot.type()) && l.target().type() == slot.kind())
                  .toList();
          old.forEach(links::remove);
          links.addAll(wanted);
          if (twoWay(slot.type())) {
            Set<Node> before = new HashSet<>();
            old.forEach(l -> before.add(l.target()));
            Set<Node> after = new HashSet<>();
            wanted.forEach(l -> after.add(l.target()));
            ensureLoaded(after);
            for (Node gone : before) {
              if (!after.contains(gone)) {
                current.get(gone).remove(new Link(slot.type(), owner, null));
              }
            }
            for (Node added : after) {
              current.get(added).add(new Link(slot.type(), owner, null));
            }
          }
        });
  }

  /** Whether applying {@code lists} would leave the owner's links as they are. */
  boolean wouldKeep(Node owner, Map<Slot, List<Link>> lists) {
    Set<Link> links = linksOf(owner);
    for (var list : lists.entrySet()) {
      Set<Link> now = new HashSet<>();
      for (Link link : links) {
        if (link.type().equals(list.getKey().type())
            && link.target().type() == list.getKey().kind()) {
          now.add(link);
        }
      }
      if (!now.equals(new HashSet<>(list.getValue()))) {
        return false;
      }
    }
    return true;
  }

  /** The links of {@code node} as the batch has left them. */
  Set<Link> linksOf(Node node) {
    ensureLoaded(List.of(node));
    return Set.copyOf(current.get(node));
  }

  /** Every product and model whose links differ from what was stored. */
  Set<Node> changed() {
    Set<Node> changed = new HashSet<>();
    current.forEach(
        (node, links) -> {
          if (!links.equals(original.get(node))) {
            changed.add(node);
          }
        });
    return changed;
  }

  void write() {
    Map<Node, Set<Link>> after = new HashMap<>();
    changed().forEach(node -> after.put(node, current.get(node)));
    rows.rewrite(original, after);
  }

  private boolean twoWay(String type) {
    return schema.associationType(type).map(AssociationType::twoWay).orElse(false);
  }
}
