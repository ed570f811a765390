package io.vitrine.publish;

import io.vitrine.catalog.DeletionAsked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Keeps export profiles whole: their channel, an attribute their columns or mapping read, or a
 * family or category their filters name, cannot be deleted while they do (the profile would refuse
 * every product, or fail to save at its next edit).
 */
@ApplicationScoped
public class ExportProfileUsages {

  @PersistenceContext EntityManager em;

  void onDeletion(@Observes DeletionAsked deletion) {
    String kind = deletion.kind();
    if (!List.of("channel", "attribute", "family", "category").contains(kind)) {
      return;
    }
    List<String> using =
        em
            .createQuery(
                "SELECT p FROM ExportProfile p ORDER BY p.channel, p.code", ExportProfile.class)
            .getResultList()
            .stream()
            .filter(
                p ->
                    switch (kind) {
                      case "channel" -> p.channel().equals(deletion.code());
                      case "attribute" -> p.fieldsRead().contains(deletion.code());
                      case "family" -> p.filtered("families").contains(deletion.code());
                      default -> p.filtered("categories").contains(deletion.code());
                    })
            .map(p -> p.channel() + "/" + p.code())
            .toList();
    deletion.usedBy("export profiles", using);
  }
}
