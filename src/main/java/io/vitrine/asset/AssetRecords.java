package io.vitrine.asset;

import io.vitrine.catalog.Usages;
import io.vitrine.events.Change;
import io.vitrine.events.ChangeEventLog;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.http.Versions;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.platform.problem.Usage;
import io.vitrine.platform.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
  @Inject Usages usages;
  @Inject jakarta.enterprise.event.Event<Renditions.AssetStored> stored;
  @Inject ChangeEventLog events;

  /** An asset with its family (null when it has none). */
  public record Described(Asset asset, AssetFamily family) {}

  /**
   * A stored asset, whether this upload created it, the other assets with the same bytes, and the
   * SHA-256 of the bytes it had before when they were others (else null).
   */
  public record Saved(
      Asset asset, boolean created, List<String> sameContentAs, String replacedSha256) {}

  @Transactional
  public Saved save(
      String code,
      String family,
      String fileName,
      String sha256,
      long size,
      AssetInspector.Inspection inspection,
      String ifMatch) {
    Asset asset = em.find(Asset.class, code, LockModeType.PESSIMISTIC_WRITE);
    Versions.checkIfMatch(ifMatch, asset == null ? null : asset.version());
    if (family != null) {
      // Shared with other uploads, exclusive with an edit of the family: a family that stops
      // taking a kind cannot miss an asset of it saved meanwhile.
      AssetFamily locked = em.find(AssetFamily.class, family, LockModeType.PESSIMISTIC_READ);
      if (locked == null) {
        family(family);
      }
      locked.checkTakes(inspection);
    }
    boolean created = asset == null;
    String before = created ? null : asset.sha256();
    String familyBefore = created ? null : asset.family();
    if (created) {
      refuseCodeTakenInOtherCase(code);
      asset = new Asset(code);
    } else if (!java.util.Objects.equals(asset.family(), family)) {
      refuseMovingUsedAsset(asset, family);
    }
    asset.describe(family, fileName, sha256, size, inspection, Timestamps.now());
    if (created) {
      em.persist(asset);
    }
    em.flush();
    if (!created && (!sha256.equals(before) || !java.util.Objects.equals(family, familyBefore))) {
      // Products showing it now show other bytes (or other renditions): feeds re-send them.
      events.append(
          List.of(new Change("asset", code, null, Change.Action.UPDATED, asset.version())));
    }
    stored.fire(new Renditions.AssetStored(code));
    return new Saved(asset, created, sameContent(asset), sha256.equals(before) ? null : before);
  }

  private void refuseCodeTakenInOtherCase(String code) {
    List<String> taken =
        em.createQuery("SELECT a.code FROM Asset a WHERE a.codeKey = :key", String.class)
            .setParameter("key", Asset.key(code))
            .getResultList();
    if (!taken.isEmpty()) {
      throw new ProblemException(
          Problem.conflict(
              "The code '"
                  + code
                  + "' is the asset '"
                  + taken.get(0)
                  + "': asset codes are told apart without regard to case. Upload to '"
                  + taken.get(0)
                  + "' to replace its file, or choose another code."));
    }
  }

  /** An asset family by code; a 422 naming {@code family} when there is none. */
  @Transactional(TxType.SUPPORTS)
  public AssetFamily family(String code) {
    AssetFamily family = em.find(AssetFamily.class, code);
    if (family == null) {
      new Violations().add("family", "there is no asset family '" + code + "'.").throwIfAny();
    }
    return family;
  }

  /** The asset family {@code code}, or null (also when {@code code} is null). */
  @Transactional(TxType.SUPPORTS)
  public AssetFamily familyOrNull(String code) {
    return code == null ? null : em.find(AssetFamily.class, code);
  }

  /** The family of the asset {@code code}, or null when it has none or does not exist. */
  @Transactional(TxType.SUPPORTS)
  public AssetFamily familyOf(String code) {
    Described described = describedOrNull(code);
    return described == null ? null : described.family();
  }

  /**
   * An attribute may take one family's assets only, so an asset that products show stays in its
   * family until none does.
   */
  private void refuseMovingUsedAsset(Asset asset, String family) {
    List<Usage> holders = holders(asset.code());
    if (!holders.isEmpty()) {
      throw new ProblemException(
          Problem.inUse(
              "The asset '"
                  + asset.code()
                  + "' cannot move to "
                  + (family == null ? "no family" : "the family '" + family + "'")
                  + " while products use it: "
                  + Usage.describeAll(holders)
                  + ".",
              holders));
    }
  }

  /** The products and product models that show {@code asset}. */
  @Transactional(TxType.SUPPORTS)
  public List<Usage> holders(String code) {
    return usages.holders("", "asset", "u.asset_code = ?1", code);
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

  /**
   * Deletes the asset, unless products use it (a 409 naming them) or {@code ifMatch} is stale;
   * returns the SHA-256 of its bytes.
   */
  @Transactional
  public String delete(String code, String ifMatch) {
    Asset asset = em.find(Asset.class, code, LockModeType.PESSIMISTIC_WRITE);
    if (asset == null) {
      throw new ProblemException(Problem.notFound("asset", code));
    }
    Versions.checkIfMatch(ifMatch, asset.version());
    List<Usage> holders = holders(code);
    if (!holders.isEmpty()) {
      throw new ProblemException(
          Problem.inUse(
              "The asset '"
                  + code
                  + "' cannot be deleted: it is shown by "
                  + Usage.describeAll(holders)
                  + ". Remove it from their asset collections first.",
              holders));
    }
    em.remove(asset);
    em.flush();
    return asset.sha256();
  }

  /** Whether an asset has the bytes of SHA-256 {@code sha256}. */
  @Transactional(TxType.SUPPORTS)
  public boolean anyWith(String sha256) {
    return !em.createQuery("SELECT a.code FROM Asset a WHERE a.sha256 = :sha", String.class)
        .setParameter("sha", sha256)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /** The assets among {@code codes} (at most a thousand) that exist. */
  @Transactional(TxType.SUPPORTS)
  public List<Asset> byCodes(List<String> codes) {
    return em.createQuery("SELECT a FROM Asset a WHERE a.code IN :codes", Asset.class)
        .setParameter("codes", codes)
        .getResultList();
  }

  /** The file names of the assets among {@code codes} that exist, by code. */
  @Transactional(TxType.SUPPORTS)
  public java.util.Map<String, String> fileNames(List<String> codes) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    if (!codes.isEmpty()) {
      em.createQuery(
              "SELECT a.code, a.fileName FROM Asset a WHERE a.code IN :codes", Object[].class)
          .setParameter("codes", codes)
          .getResultList()
          .forEach(row -> names.put((String) row[0], (String) row[1]));
    }
    return names;
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

  /** The asset and its family, or null when there is no such asset. */
  @Transactional(TxType.SUPPORTS)
  public Described describedOrNull(String code) {
    Asset asset = em.find(Asset.class, code);
    if (asset == null) {
      return null;
    }
    return new Described(asset, familyOrNull(asset.family()));
  }

  /** The asset and its family; a 404 when there is no such asset. */
  @Transactional(TxType.SUPPORTS)
  public Described described(String code) {
    Described described = describedOrNull(code);
    if (described == null) {
      throw new ProblemException(Problem.notFound("asset", code));
    }
    return described;
  }

  @Transactional(TxType.SUPPORTS)
  public List<String> familyCodes() {
    return em.createQuery("SELECT f.code FROM AssetFamily f ORDER BY f.code", String.class)
        .getResultList();
  }

  /** Up to {@code limit} codes of {@code family}'s assets after {@code after}, in order. */
  @Transactional(TxType.SUPPORTS)
  public List<String> codesOfFamily(String family, String after, int limit) {
    return em.createQuery(
            "SELECT a.code FROM Asset a WHERE a.family = :family AND a.code > :after"
                + " ORDER BY a.code",
            String.class)
        .setParameter("family", family)
        .setParameter("after", after == null ? "" : after)
        .setMaxResults(limit)
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
