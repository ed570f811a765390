package io.vitrine.catalog;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Categories and their trees. Setting {@code parent} moves a category with its subtree; {@code
 * position} orders it among its siblings (0 first), the others shifting to make room.
 */
@ApplicationScoped
public class CategoryKind extends CatalogKind<Category> {

  @Inject Usages usages;

  public CategoryKind() {
    super("category", Category.class);
  }

  @Override
  protected Category create(String parent, String code) {
    return new Category(code);
  }

  @Override
  public JsonObject toJson(Category category) {
    var json = head(category);
    if (category.parent() == null) {
      json.addNull("parent");
    } else {
      json.add("parent", category.parent());
    }
    return tail(json.add("position", category.position()), category).build();
  }

  @Override
  protected void read(JsonInput in, Category category, Edit edit) {
    in.requiredString("code");
    String parent = in.code("parent");
    Integer position = in.integer("position");
    Map<String, String> labels = in.labels("labels");
    in.rejectUnknown("a category", "created", "updated");
    if (parent != null) {
      checkParent(in, category.code(), parent);
      if (!edit.isNew() && category.parent() == null) {
        Usage channels = channelsUsing(category);
        if (channels.count() > 0) {
          edit.refuse(
              "The category '"
                  + category.code()
                  + "' is the tree of "
                  + channels.describe()
                  + " and must stay a root; give those channels another tree first.",
              List.of(channels));
        }
      }
    }
    if (position != null && position < 0) {
      in.invalid("position", "must be 0 or more.");
    }
    if (!in.violations().isEmpty() || edit.isRefused()) {
      return;
    }
    category.setLabels(labels);
    boolean moves = edit.isNew() || !Objects.equals(parent, category.parent());
    if (moves || (position != null && position != category.position())) {
      move(category, parent, position, edit.isNew());
    }
  }

  private void checkParent(JsonInput in, String code, String parent) {
    if (parent.equals(code)) {
      in.invalid("parent", "a category cannot be its own parent.");
      return;
    }
    Category ancestor = em.find(Category.class, parent);
    if (ancestor == null) {
      in.invalid("parent", "there is no category '" + parent + "'.");
      return;
    }
    while (ancestor != null) {
      if (ancestor.code().equals(code)) {
        in.invalid(
            "parent",
            "'"
                + parent
                + "' is inside '"
                + code
                + "': a category cannot move into its own subtree.");
        return;
      }
      ancestor = ancestor.parent() == null ? null : em.find(Category.class, ancestor.parent());
    }
  }

  private void move(Category category, String parent, Integer wanted, boolean isNew) {
    if (!isNew) {
      shift(category.parent(), category.position() + 1, -1, category.code());
    }
    long siblings =
        withParent(
                em.createQuery(
                        "SELECT COUNT(c) FROM Category c WHERE "
                            + sameParent(parent)
                            + " AND c.code <> :code",
                        Long.class)
                    .setParameter("code", category.code()),
                parent)
            .getSingleResult();
    int position = (int) Math.min(wanted == null ? siblings : wanted, siblings);
    shift(parent, position, +1, category.code());
    category.placeUnder(parent, position);
  }

  /** Moves the siblings at {@code from} or later by {@code delta}, bumping their versions. */
  private void shift(String parent, int from, int delta, String except) {
    var update =
        em.createQuery(
                "UPDATE Category c SET c.position = c.position + :delta, c.version = c.version + 1 WHERE "
                    + sameParent(parent)
                    + " AND c.position >= :from AND c.code <> :code")
            .setParameter("delta", delta)
            .setParameter("from", from)
            .setParameter("code", except);
    if (parent != null) {
      update.setParameter("parent", parent);
    }
    update.executeUpdate();
  }

  // ":parent IS NULL" cannot be typed by PostgreSQL, so root and non-root queries differ in text.
  private static String sameParent(String parent) {
    return parent == null ? "c.parent IS NULL" : "c.parent = :parent";
  }

  private static <T> TypedQuery<T> withParent(TypedQuery<T> query, String parent) {
    return parent == null ? query : query.setParameter("parent", parent);
  }

  @Override
  protected List<Usage> usages(Category category) {
    List<Usage> found = new ArrayList<>();
    usages.collect(
        found,
        "child categories",
        "SELECT code FROM category WHERE parent_code = ?1 ORDER BY code",
        category.code());
    usages.collectHolders(found, "", "category", "u.category_code = ?1", category.code());
    Usage channels = channelsUsing(category);
    if (channels.count() > 0) {
      found.add(channels);
    }
    return found;
  }

  private Usage channelsUsing(Category category) {
    return usages.find(
        "channels",
        "SELECT code FROM channel WHERE category_tree = ?1 ORDER BY code",
        category.code());
  }

  /**
   * Lists accept {@code parent=<code>} (the children of a category) and {@code root=true} (trees).
   */
  @Override
  protected TypedQuery<Category> page(
      String parent, String after, MultivaluedMap<String, String> filters) {
    var jpql = new StringBuilder("SELECT c FROM Category c WHERE ").append(filter(filters));
    if (after != null) {
      jpql.append(" AND c.code > :after");
    }
    var query = em.createQuery(jpql.append(" ORDER BY c.code").toString(), Category.class);
    if (after != null) {
      query.setParameter("after", after);
    }
    return bind(query, filters);
  }

  @Override
  protected long count(String parent, MultivaluedMap<String, String> filters) {
    return bind(
            em.createQuery("SELECT COUNT(c) FROM Category c WHERE " + filter(filters), Long.class),
            filters)
        .getSingleResult();
  }

  private static String filter(MultivaluedMap<String, String> filters) {
    if (filters.getFirst("parent") != null) {
      return "c.parent = :parent";
    }
    return "true".equals(filters.getFirst("root")) ? "c.parent IS NULL" : "1 = 1";
  }

  private static <T> TypedQuery<T> bind(
      TypedQuery<T> query, MultivaluedMap<String, String> filters) {
    return withParent(query, filters.getFirst("parent"));
  }
}
