package io.vitrine.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Gives the current {@link CatalogSnapshot}. Every committed catalog write moves the generation on;
 * the next reader rebuilds the snapshot. A snapshot that was being built while a write committed
 * carries the old generation and is rebuilt by the reader after.
 */
@ApplicationScoped
public class Catalog {

  @PersistenceContext EntityManager em;

  private final AtomicLong generation = new AtomicLong(1);
  private volatile CatalogSnapshot snapshot;

  // Built outside the caller's transaction: its entities are detached and belong to no writer.
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public CatalogSnapshot current() {
    CatalogSnapshot current = snapshot;
    if (current != null && current.generation() == generation.get()) {
      return current;
    }
    synchronized (this) {
      current = snapshot;
      long wanted = generation.get();
      if (current == null || current.generation() != wanted) {
        current = load(wanted);
        snapshot = current;
      }
      return current;
    }
  }

  void onCatalogChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
    generation.incrementAndGet();
  }

  private CatalogSnapshot load(long generationNow) {
    var attributes =
        byCode(
            em.createQuery("SELECT a FROM Attribute a", Attribute.class).getResultList(),
            Attribute::code);
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
    return new CatalogSnapshot(
        generationNow,
        attributes,
        families,
        channels,
        Set.copyOf(locales),
        Set.copyOf(activeLocales),
        Map.copyOf(decimals),
        Set.copyOf(activeCurrencies),
        measurements);
  }

  private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(code.apply(item), item));
    return Map.copyOf(map);
  }
}
