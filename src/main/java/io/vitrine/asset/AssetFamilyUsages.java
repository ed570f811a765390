package io.vitrine.asset;

import io.vitrine.catalog.DeletionAsked;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Keeps asset families whole: the attribute a naming convention fills, and a channel a rendition is
 * shown in, cannot be deleted while a family names them.
 */
@ApplicationScoped
public class AssetFamilyUsages {

  @PersistenceContext EntityManager em;

  void onDeletion(@Observes DeletionAsked deletion) {
    String kind = deletion.kind();
    if (!kind.equals("attribute") && !kind.equals("channel")) {
      return;
    }
    List<String> using =
        em
            .createQuery("SELECT f FROM AssetFamily f ORDER BY f.code", AssetFamily.class)
            .getResultList()
            .stream()
            .filter(
                f ->
                    kind.equals("attribute")
                        ? f.naming().map(n -> n.attribute().equals(deletion.code())).orElse(false)
                        : f.renditions().stream()
                            .anyMatch(r -> r.channels().contains(deletion.code())))
            .map(AssetFamily::code)
            .toList();
    deletion.usedBy("asset families", using);
  }
}
