package io.vitrine.completeness;

import io.vitrine.catalog.Catalog;
import io.vitrine.catalog.CatalogChanged;
import io.vitrine.events.Change;
import io.vitrine.events.ChangesRecording;
import io.vitrine.jobs.Jobs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keeps completeness and data quality in step, in the writer's transaction: a written (or touched)
 * product gets its rows now; a change to what they depend on queues a recompute job in the same
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
            && (change.changed("attributes")
                || change.changed("attribute_requirements")
                || change.changed("attribute_as_label")
                || change.changed("attribute_as_image"))) {
          recompute(change.code());
        }
      }
      case "channel" -> {
        if (change.changed("locales")
            || change.changed("currencies")
            || change.changed("title_min_length")
            || change.changed("title_max_length")) {
          jobs.enqueue(CompletenessRecompute.KIND, CompletenessRecompute.ALL);
        }
      }
      case "attribute" -> {
        // Whether markup without text fills a textarea depends on rich_text; the rules a value is
        // checked by, on rich_text, gtin and the group. (The localizable and scopable flags change
        // only while no product has a value for the attribute: a required attribute stays one
        // missing value per channel × locale either way.)
        if (change.before() != null
            && change.after() != null
            && (change.changed("rich_text") || change.changed("gtin") || change.changed("group"))) {
          recomputeHolders(Set.of(change.code()));
        }
      }
      case "attribute_group" -> {
        if (change.before() != null
            && change.after() != null
            && change.changed("disabled_quality_rules")) {
          Set<String> attributes = new HashSet<>();
          change
              .after()
              .getJsonArray("attributes")
              .getValuesAs(JsonString.class)
              .forEach(a -> attributes.add(a.getString()));
          recomputeHolders(attributes);
        }
      }
      // Whether an option has a label in each locale is a quality rule.
      case "attribute_option" -> {
        if (change.before() != null
            && change.after() != null
            && !labelled(change.before()).equals(labelled(change.after()))) {
          recomputeHolders(Set.of(change.after().getString("attribute")));
        }
      }
      default -> {
        // Nothing else changes what a product lacks or how its content is judged.
      }
    }
  }

  /** The locales an option has a label in: what quality judges (not the wording). */
  private static Set<String> labelled(JsonObject option) {
    Set<String> locales = new HashSet<>();
    JsonObject labels = option.getJsonObject("labels");
    if (labels != null) {
      labels.forEach(
          (locale, label) -> {
            if (label instanceof JsonString s && !s.getString().isBlank()) {
              locales.add(locale);
            }
          });
    }
    return locales;
  }

  /** Queues a recompute of each family that has one of {@code attributes}. */
  private void recomputeHolders(Set<String> attributes) {
    catalog.current().families().values().stream()
        .filter(f -> f.attributes().stream().anyMatch(attributes::contains))
        .forEach(f -> recompute(f.code()));
  }

  private void recompute(String family) {
    jobs.enqueue(CompletenessRecompute.KIND, CompletenessRecompute.family(family));
  }
}
