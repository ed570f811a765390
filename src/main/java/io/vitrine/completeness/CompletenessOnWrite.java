package io.vitrine.completeness;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogChanged;
import io.vitrine.events.Change;
import io.vitrine.events.ChangesRecording;
import io.vitrine.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps completeness in step, in the writer's transaction: a written (or touched) product gets its
 * rows now; a change to what completeness depends on queues a recompute job in the same
 * transaction, so the change and the job commit together.
 */
@ApplicationScoped
public class CompletenessOnWrite {

  @Inject CompletenessStore store;
  @Inject Catalog catalog;
  @Inject Jobs jobs;
  @Inject FreshCompleteness fresh;

  void onProducts(@Observes ChangesRecording recording) {
    Set<Long> ids = new LinkedHashSet<>();
    for (Change change : recording.changes()) {
      if (change.entityType().equals("product")
          && change.action() != Change.Action.DELETED
          && change.entityId() != null
          && !fresh.isFresh(change.entityId())) {
        ids.add(change.entityId());
      }
    }
    if (!ids.isEmpty()) {
      store.refresh(ids, catalog.current());
      fresh.add(ids);
    }
  }

  void onCatalog(@Observes CatalogChanged change) {
    switch (change.kind()) {
      // A new family has no products yet; a family in use cannot be deleted.
      case "family" -> {
        if (change.before() != null
            && change.after() != null
            && (change.changed("attributes") || change.changed("attribute_requirements"))) {
          jobs.enqueue(CompletenessRecompute.KIND, CompletenessRecompute.family(change.code()));
        }
      }
      case "channel" -> {
        if (change.changed("locales") || change.changed("currencies")) {
          jobs.enqueue(CompletenessRecompute.KIND, CompletenessRecompute.ALL);
        }
      }
      case "attribute" -> {
        // Whether markup without text fills a textarea depends on rich_text. (The localizable and
        // scopable flags change only while no product has a value for the attribute: a required
        // attribute stays one missing value per channel × locale either way.)
        if (change.before() != null && change.after() != null && change.changed("rich_text")) {
          catalog.current().families().values().stream()
              .filter(f -> f.attributes().contains(change.code()))
              .forEach(
                  f ->
                      jobs.enqueue(
                          CompletenessRecompute.KIND, CompletenessRecompute.family(f.code())));
        }
      }
      default -> {
        // Nothing else changes what a product lacks.
      }
    }
  }
}
