package io.vitrine.asset;

import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/** Asset rows: written once an upload is checked and kept, read for descriptions and lists. */
@ApplicationScoped
public class AssetRecords {

  @PersistenceContext EntityManager em;

  /** A stored asset, whether this upload created it, and the other assets with the same bytes. */
  public record Saved(Asset asset, boolean created, List<String> sameContentAs) {}

  @Transactional
  public Saved save(
      String code,
      String fileName,
      String sha256,
      long size,
      AssetInspector.Inspection inspection,
      String ifMatch) {
    Asset asset = em.find(Asset.class, code, LockModeType.PESSIMISTIC_WRITE);
    Versions.checkIfMatch(ifMatch, asset == null ? null : asset.version());
    boolean created = asset == null;
    if (created) {
      asset = new Asset(code);
    }
    asset.describe(fileName, sha256, size, inspection, Timestamps.now());
    if (created) {
      em.persist(asset);
    }
    em.flush();
    return new Saved(asset, created, sameContent(asset));
  }

  /** A 412 when {@code ifMatch} does not name the asset's current version. */
  @Transactional(TxType.SUPPORTS)
  public void checkIfMatch(String code, String ifMatch) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      Asset asset = em.find(Asset.class, code);
      Versions.checkIfMatch(ifMatch, asset == null ? null : asset.version());
    }
  }

  @Transactional(TxType.SUPPORTS)
  public Asset get(String code) {
    Asset asset = em.find(Asset.class, code);
    if (asset == null) {
      throw new ProblemException(Problem.notFound("asset", code));
    }
    return asset;
  }

  /** The other assets whose bytes are the same as {@code asset}'s. */
  private List<String> sameContent(Asset asset) {
    return em.createQuery(
            "SELECT a.code FROM Asset a WHERE a.sha256 = :sha AND a.code <> :code ORDER BY a.code",
            String.class)
        .setParameter("sha", asset.sha256())
        .setParameter("code", asset.code())
        .setMaxResults(100)
        .getResultList();
  }

  /** Up to {@code limit} assets after {@code after}, by code. */
  @Transactional(TxType.SUPPORTS)
  public List<Asset> list(String after, int limit) {
    var query =
        em.createQuery(
                "SELECT a FROM Asset a"
                    + (after == null ? "" : " WHERE a.code > :after")
                    + " ORDER BY a.code",
                Asset.class)
            .setMaxResults(limit);
    return after == null
        ? query.getResultList()
        : query.setParameter("after", after).getResultList();
  }
}
