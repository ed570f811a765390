package io.vitrine.catalog;

import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Pages.PageRequest;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.json.Jsonp;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Usage;
import io.vitrine.platform.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates, changes, deletes and lists catalog resources of any {@link CatalogKind}, each write in
 * one transaction with its change event. A request that is refused changes nothing.
 */
@ApplicationScoped
public class CatalogStore {

  @PersistenceContext EntityManager em;
  @Inject ChangeEventLog events;
  @Inject Catalog catalog;
  @Inject jakarta.enterprise.event.Event<CatalogChanged> changed;
  @Inject jakarta.enterprise.event.Event<DeletionAsked> deletionAsked;

  /** A written resource: its JSON, its version, and whether this write created it. */
  public record Saved(JsonObject json, long version, boolean created) {}

  /** A resource read for display. */
  public record Found(JsonObject json, long version) {}

  @Transactional
  public <E extends CatalogEntity> Saved create(
      CatalogKind<E> kind, String parent, JsonObject body) {
    events.takeCommitTurn();
    kind.checkParent(parent);
    JsonValue code = body.get("code");
    if (!(code instanceof jakarta.json.JsonString text)
        || !JsonInput.CODE.matcher(text.getString()).matches()) {
      new Violations()
          .add(
              "code",
              code == null
                  ? "is required."
                  : "must be a code: letters, digits and underscores, at most 100 characters.")
          .throwIfAny();
      return null;
    }
    String key = ((jakarta.json.JsonString) code).getString();
    if (kind.find(parent, key) != null) {
      throw new ProblemException(Problem.alreadyExists(kind.label(), key));
    }
    return write(kind, parent, kind.create(parent, key), body, true);
  }

  /**
   * Applies a JSON merge patch (RFC 7396) to the resource, or creates it from the patch when it
   * does not exist yet, as Akeneo's PATCH does.
   */
  @Transactional
  public <E extends CatalogEntity> Saved upsert(
      CatalogKind<E> kind, String parent, String code, JsonObject patch, String ifMatch) {
    events.takeCommitTurn();
    kind.checkParent(parent);
    E entity = kind.findForUpdate(parent, code);
    Versions.checkIfMatch(ifMatch, entity == null ? null : entity.version());
    JsonValue bodyCode = patch.get("code");
    if (bodyCode != null && !Jsonp.value(code).equals(bodyCode)) {
      new Violations()
          .add(
              "code",
              "cannot be changed (the address says '"
                  + code
                  + "'); create a new "
                  + kind.label()
                  + " instead.")
          .throwIfAny();
    }
    if (entity == null) {
      if (!JsonInput.CODE.matcher(code).matches()) {
        new Violations().add("code", JsonInput.codeMessage(code)).throwIfAny();
      }
      JsonObject created =
          Jsonp.mergePatch(patch)
              .apply(Jsonp.objectBuilder().add("code", code).build())
              .asJsonObject();
      return write(kind, parent, kind.create(parent, code), created, true);
    }
    JsonObject merged = Jsonp.mergePatch(patch).apply(kind.toJson(entity)).asJsonObject();
    return write(kind, parent, entity, merged, false);
  }

  private <E extends CatalogEntity> Saved write(
      CatalogKind<E> kind, String parent, E entity, JsonObject json, boolean isNew) {
    // Kinds query while they read; nothing may be flushed before the whole request is judged.
    em.setFlushMode(FlushModeType.COMMIT);
    JsonObject before = isNew ? null : withoutTimes(kind.toJson(entity));
    var violations = new Violations();
    var edit = new Edit(isNew);
    var in = new JsonInput(json, violations);
    kind.read(in, entity, edit);
    checkLabelLocales(json, violations);
    violations.throwIfAny();
    if (edit.isRefused()) {
      throw new ProblemException(Problem.inUse(edit.reasons(), edit.usages()));
    }
    if (!isNew && withoutTimes(kind.toJson(entity)).equals(before)) {
      return new Saved(kind.toJson(entity), entity.version(), false);
    }
    entity.stamp(Timestamps.now());
    if (isNew) {
      em.persist(entity);
    }
    em.flush();
    changed.fire(
        new CatalogChanged(
            kind.name(), eventCode(parent, entity), before, withoutTimes(kind.toJson(entity))));
    events.append(
        List.of(
            new Change(
                kind.name(),
                eventCode(parent, entity),
                null,
                isNew ? Change.Action.CREATED : Change.Action.UPDATED,
                entity.version())));
    catalog.moveGeneration();
    return new Saved(kind.toJson(entity), entity.version(), isNew);
  }

  @Transactional
  public <E extends CatalogEntity> void delete(
      CatalogKind<E> kind, String parent, String code, String ifMatch) {
    events.takeCommitTurn();
    kind.checkParent(parent);
    E entity = kind.findForUpdate(parent, code);
    if (entity == null) {
      throw new ProblemException(Problem.notFound(kind.label(), code));
    }
    Versions.checkIfMatch(ifMatch, entity.version());
    String reason = kind.undeletable(entity);
    if (reason != null) {
      throw new ProblemException(Problem.conflict(reason));
    }
    List<Usage> usages = new ArrayList<>(kind.usages(entity));
    deletionAsked.fire(new DeletionAsked(kind.name(), eventCode(parent, entity), usages));
    if (!usages.isEmpty()) {
      throw new ProblemException(
          Problem.inUse(
              "The "
                  + kind.label()
                  + " '"
                  + code
                  + "' cannot be deleted: it is used by "
                  + Usage.describeAll(usages)
                  + ".",
              usages));
    }
    long version = entity.version();
    JsonObject before = withoutTimes(kind.toJson(entity));
    em.remove(entity);
    em.flush();
    changed.fire(new CatalogChanged(kind.name(), eventCode(parent, entity), before, null));
    events.append(
        List.of(
            new Change(
                kind.name(), eventCode(parent, entity), null, Change.Action.DELETED, version + 1)));
    catalog.moveGeneration();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public <E extends CatalogEntity> Found get(CatalogKind<E> kind, String parent, String code) {
    kind.checkParent(parent);
    E entity = kind.find(parent, code);
    if (entity == null) {
      throw new ProblemException(Problem.notFound(kind.label(), code));
    }
    return new Found(kind.toJson(entity), entity.version());
  }

  /** Up to limit + 1 resources after the cursor (the extra one only tells that more follow). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public <E extends CatalogEntity> Listed list(
      CatalogKind<E> kind,
      String parent,
      PageRequest request,
      MultivaluedMap<String, String> query) {
    kind.checkParent(parent);
    List<E> entities =
        kind.page(parent, request.after(), query)
            .setMaxResults(request.limit() + 1)
            .getResultList();
    List<JsonObject> items = entities.stream().map(kind::toJson).toList();
    Long count = request.withCount() ? kind.count(parent, query) : null;
    return new Listed(items, count);
  }

  /** A page of resources as JSON, with the total when it was asked for. */
  public record Listed(List<JsonObject> items, Long count) {}

  private static String eventCode(String parent, CatalogEntity entity) {
    return parent == null ? entity.code() : parent + "." + entity.code();
  }

  private static JsonObject withoutTimes(JsonObject json) {
    var copy = Jsonp.objectBuilder(json);
    copy.remove("created");
    copy.remove("updated");
    return copy.build();
  }

  /** Labels may only be given in locales Vitrine knows (a typo such as en_UK is caught here). */
  private void checkLabelLocales(JsonObject json, Violations violations) {
    JsonValue labels = json.get("labels");
    if (!(labels instanceof JsonObject object) || object.isEmpty()) {
      return;
    }
    Set<String> known =
        new TreeSet<>(
            em.createQuery(
                    "SELECT l.code FROM CatalogLocale l WHERE l.code IN :codes", String.class)
                .setParameter("codes", List.copyOf(object.keySet()))
                .getResultList());
    for (String locale : object.keySet()) {
      if (JsonInput.LOCALE_CODE.matcher(locale).matches() && !known.contains(locale)) {
        violations.add(
            "labels." + locale, "'" + locale + "' is not a locale Vitrine knows; create it first.");
      }
    }
  }
}
