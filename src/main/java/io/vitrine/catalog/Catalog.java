package io.vitrine.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Gives the current {@link CatalogSnapshot}. The database holds the catalog's generation, moved on
 * by every committed catalog write; a snapshot is rebuilt when it is older than that, so every node
 * sees a change as soon as it is committed. A product writer checks, in its commit turn, that the
 * generation it judged values against is still the current one ({@link #checkUnchanged}).
 */
@ApplicationScoped
public class Catalog {

  @PersistenceContext EntityManager em;

  private volatile CatalogSnapshot snapshot;

  // Built outside the caller's transaction: its entities are detached and belong to no writer.
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public CatalogSnapshot current() {
    long generation = generation();
    CatalogSnapshot current = snapshot;
    if (current != null && current.generation() == generation) {
      return current;
    }
    synchronized (this) {
      current = snapshot;
      if (current == null || current.generation() < generation) {
        current = load(generation);
        snapshot = current;
      }
      return current;
    }
  }

  /** Called by catalog writers: their change makes every older snapshot stale once committed. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void moveGeneration() {
    em.createNativeQuery("UPDATE catalog_generation SET generation = generation + 1 WHERE id = 1")
        .executeUpdate();
  }

  /**
   * Throws a retryable conflict when the catalog changed after {@code judged} was read. Called by
   * product writers in their commit turn, when every catalog write before them has committed.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void checkUnchanged(CatalogSnapshot judged) {
    if (generation() != judged.generation()) {
      throw new OptimisticLockException(
          "The catalog changed while products were being judged against it");
    }
  }

  private long generation() {
    return ((Number)
            em.createNativeQuery("SELECT generation FROM catalog_generation WHERE id = 1")
                .getSingleResult())
        .longValue();
  }

  private CatalogSnapshot load(long generationNow) {
    var attributes =
        byCode(
            em.createQuery("SELECT a FROM Attribute a", Attribute.class).getResultList(),
            Attribute::code);
    var groups =
        byCode(
            em.createQuery("SELECT g FROM AttributeGroup g", AttributeGroup.class).getResultList(),
            AttributeGroup::code);
    var families =
        byCode(
            em.createQuery("SELECT f FROM Family f", Family.class).getResultList(), Family::code);
    var channels =
        byCode(
            em.createQuery("SELECT c FROM Channel c ORDER BY c.code", Channel.class)
                .getResultList(),
            Channel::code);
    Set<String> locales =
        new TreeSet<>(
            em.createQuery("SELECT l.code FROM CatalogLocale l", String.class).getResultList());
    Set<String> activeLocales = new TreeSet<>();
    Set<String> activeCurrencies = new TreeSet<>();
    channels
        .values()
        .forEach(
            c -> {
              activeLocales.addAll(c.locales());
              activeCurrencies.addAll(c.currencies());
            });
    Map<String, Integer> decimals = new LinkedHashMap<>();
    em.createQuery("SELECT c FROM CatalogCurrency c", CatalogCurrency.class)
        .getResultList()
        .forEach(c -> decimals.put(c.code(), c.decimals()));
    var measurements =
        byCode(
            em.createQuery("SELECT m FROM MeasurementFamily m", MeasurementFamily.class)
                .getResultList(),
            MeasurementFamily::code);
    var familyVariants =
        byCode(
            em.createQuery("SELECT v FROM FamilyVariant v", FamilyVariant.class).getResultList(),
            FamilyVariant::code);
    var associationTypes =
        byCode(
            em.createQuery("SELECT t FROM AssociationType t ORDER BY t.code", AssociationType.class)
                .getResultList(),
            AssociationType::code);
    return new CatalogSnapshot(
        generationNow,
        attributes,
        groups,
        families,
        channels,
        Set.copyOf(locales),
        Set.copyOf(activeLocales),
        Map.copyOf(decimals),
        Set.copyOf(activeCurrencies),
        measurements,
        familyVariants,
        associationTypes);
  }

  private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(code.apply(item), item));
    return Map.copyOf(map);
  }
}
