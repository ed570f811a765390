package io.vitrine.catalog;

import io.vitrine.platform.Timestamps;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Usage;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * One kind of catalog resource (channel, attribute, family, …): how it is found, read from a
 * request, shown as JSON, and what stops its deletion. {@link CatalogStore} runs the same create,
 * update, delete and list steps for every kind. {@code parent} is the attribute code for options
 * and null for every other kind.
 */
public abstract class CatalogKind<E extends CatalogEntity> {

  @PersistenceContext protected EntityManager em;

  private final String name;
  private final Class<E> entityClass;

  protected CatalogKind(String name, Class<E> entityClass) {
    this.name = name;
    this.entityClass = entityClass;
  }

  /** The kind's name in messages and in change events: "channel", "attribute_option", … */
  public String name() {
    return name;
  }

  public String label() {
    return name.replace('_', ' ');
  }

  public E find(String parent, String code) {
    return em.find(entityClass, primaryKey(parent, code));
  }

  /** The resource, locked until the transaction ends: writers of one resource queue. */
  public E findForUpdate(String parent, String code) {
    return em.find(entityClass, primaryKey(parent, code), LockModeType.PESSIMISTIC_WRITE);
  }

  protected Object primaryKey(String parent, String code) {
    return code;
  }

  /** Called before any other step on a parent: throws when the parent is missing or unfit. */
  public void checkParent(String parent) {}

  protected abstract E create(String parent, String code);

  /** Every field of the resource; the fields a client may send back unchanged included. */
  public abstract JsonObject toJson(E entity);

  /**
   * Reads {@code in} (the whole resource: for a PATCH, the stored one merged with the patch) into
   * {@code entity}. Records every violation in {@code in}; touches the entity only when there is
   * none, so nothing half-read is ever flushed.
   */
  protected abstract void read(JsonInput in, E entity, Edit edit);

  /** What would lose something it needs if this resource were deleted. */
  protected List<Usage> usages(E entity) {
    return List.of();
  }

  /** Refusals that do not depend on usage, such as "the identifier attribute cannot be deleted". */
  protected String undeletable(E entity) {
    return null;
  }

  /** List query ordered by code, after {@code after}; {@code filters} are the request's query. */
  protected TypedQuery<E> page(
      String parent, String after, MultivaluedMap<String, String> filters) {
    String entity = entityClass.getSimpleName();
    var jpql = new StringBuilder("SELECT e FROM " + entity + " e WHERE 1 = 1");
    if (after != null) {
      jpql.append(" AND e.code > :after");
    }
    jpql.append(" ORDER BY e.code");
    var query = em.createQuery(jpql.toString(), entityClass);
    if (after != null) {
      query.setParameter("after", after);
    }
    return query;
  }

  protected long count(String parent, MultivaluedMap<String, String> filters) {
    return em.createQuery("SELECT COUNT(e) FROM " + entityClass.getSimpleName() + " e", Long.class)
        .getSingleResult();
  }

  /**
   * Records a violation for each code in {@code codes} (read from {@code field}) that names no
   * resource of {@code type}.
   */
  protected void requireExisting(
      JsonInput in,
      String field,
      List<String> codes,
      Class<? extends CatalogEntity> type,
      String what) {
    if (codes == null || codes.isEmpty()) {
      return;
    }
    Set<String> found =
        new HashSet<>(
            em.createQuery(
                    "SELECT e.code FROM " + type.getSimpleName() + " e WHERE e.code IN :codes",
                    String.class)
                .setParameter("codes", codes)
                .getResultList());
    for (int i = 0; i < codes.size(); i++) {
      if (!found.contains(codes.get(i))) {
        in.invalid(field + "[" + i + "]", "there is no " + what + " '" + codes.get(i) + "'.");
      }
    }
  }

  /** The code of the catalog's identifier attribute (there is at most one). */
  protected Optional<String> identifierAttribute() {
    return em
        .createQuery("SELECT a.code FROM Attribute a WHERE a.type = :type", String.class)
        .setParameter("type", AttributeType.IDENTIFIER)
        .getResultList()
        .stream()
        .findFirst();
  }

  /**
   * The channels that convert some metric attribute to some unit for which {@code
   * converts(attribute, unit)} holds, as a usage (empty when none).
   */
  protected Optional<Usage> channelsConverting(BiPredicate<String, String> converts) {
    List<String> channels =
        em
            .createQuery("SELECT c FROM Channel c ORDER BY c.code", Channel.class)
            .getResultList()
            .stream()
            .filter(
                c ->
                    c.conversionUnits().entrySet().stream()
                        .anyMatch(e -> converts.test(e.getKey(), e.getValue())))
            .map(Channel::code)
            .toList();
    return channels.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Usage(
                "channels (conversion units)",
                channels.size(),
                channels.stream().limit(Usage.EXAMPLES).toList()));
  }

  /** The common head of every resource's JSON: code first, as Akeneo shows it. */
  protected static JsonObjectBuilder head(CatalogEntity entity) {
    return Jsonp.objectBuilder().add("code", entity.code());
  }

  /** The common tail: labels and times. */
  protected static JsonObjectBuilder tail(JsonObjectBuilder json, CatalogEntity entity) {
    json.add("labels", labels(entity.labels()));
    Timestamps.add(json, "created", entity.created());
    return Timestamps.add(json, "updated", entity.updated());
  }

  protected static JsonObject labels(Map<String, String> labels) {
    var json = Jsonp.objectBuilder();
    labels.forEach(json::add);
    return json.build();
  }
}
