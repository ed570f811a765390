package io.vitrine.product;

import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Pages.PageRequest;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Usage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Product model reads and writes. A model with sub-models or variants cannot be deleted: they would
 * lose the values they inherit.
 */
@ApplicationScoped
public class ProductModels {

  @PersistenceContext EntityManager em;
  @Inject ProductModelWriter writer;
  @Inject ChangeEventLog events;
  @Inject AssociationRows associations;
  @Inject MetricRegistry metrics;

  public ProductOutcome save(ProductCommand command) {
    return retries().save(command);
  }

  public List<ProductOutcome> saveAll(List<ProductCommand> commands) {
    return retries().saveAll(commands);
  }

  private Retries retries() {
    return new Retries(writer::write, metrics, "vitrine_product_model_writes", "code");
  }

  @Transactional(TxType.SUPPORTS)
  public ProductModel get(String code) {
    return find(code, LockModeType.NONE);
  }

  private ProductModel find(String code, LockModeType lock) {
    List<ProductModel> found =
        em.createQuery("SELECT m FROM ProductModel m WHERE m.codeKey = :key", ProductModel.class)
            .setParameter("key", Product.key(code))
            .setLockMode(lock)
            .getResultList();
    if (found.isEmpty()) {
      throw new ProblemException(Problem.notFound("product model", code));
    }
    return found.get(0);
  }

  /** Up to limit + 1 models after the cursor, ordered by code without regard to case. */
  @Transactional(TxType.SUPPORTS)
  public List<ProductModel> page(PageRequest request) {
    var query =
        em.createQuery(
            "SELECT m FROM ProductModel m"
                + (request.after() == null ? "" : " WHERE m.codeKey > :after")
                + " ORDER BY m.codeKey",
            ProductModel.class);
    if (request.after() != null) {
      query.setParameter("after", request.after());
    }
    List<ProductModel> models = query.setMaxResults(request.limit() + 1).getResultList();
    models.forEach(ProductModel::categories);
    return models;
  }

  @Transactional(TxType.SUPPORTS)
  public long count() {
    return em.createQuery("SELECT COUNT(m) FROM ProductModel m", Long.class).getSingleResult();
  }

  @Transactional
  public void delete(String code, String ifMatch) {
    ProductModel model = find(code, LockModeType.PESSIMISTIC_WRITE);
    Versions.checkIfMatch(ifMatch, model.version());
    List<Usage> children = new ArrayList<>();
    collect(
        children,
        "sub-models",
        "SELECT m.code FROM ProductModel m WHERE m.parentId = :id ORDER BY m.code",
        model);
    collect(
        children,
        "variant products",
        "SELECT p.identifier FROM Product p WHERE p.parentId = :id ORDER BY p.identifier",
        model);
    if (!children.isEmpty()) {
      throw new ProblemException(
          Problem.inUse(
              "The product model '"
                  + model.code()
                  + "' cannot be deleted while it has "
                  + Usage.describeAll(children)
                  + ": they inherit its values. Delete or move them first.",
              children));
    }
    long version = model.version();
    var touches = new Touches(em, Timestamps.now());
    associations.ownersLinkingTo(model.node()).forEach(touches::node);
    em.remove(model);
    em.flush();
    List<Change> changes = new ArrayList<>();
    changes.add(
        new Change("product_model", model.code(), model.id(), Change.Action.DELETED, version + 1));
    changes.addAll(touches.changes(Map.of()));
    events.append(changes);
  }

  private void collect(List<Usage> into, String kind, String jpql, ProductModel model) {
    // Writers of new children lock the model too: none can slip in between this and the delete.
    List<String> codes =
        em.createQuery(jpql, String.class).setParameter("id", model.id()).getResultList();
    if (!codes.isEmpty()) {
      into.add(new Usage(kind, codes.size(), codes.stream().limit(Usage.EXAMPLES).toList()));
    }
  }
}
