package io.vitrine.asset;

import io.vitrine.platform.json.JsonInput;
import io.vitrine.platform.problem.Violations;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Uploads assets: the body is streamed to disk (never held in memory), checked for what it really
 * is, and only then kept and described. A refused upload leaves nothing: no file, no row.
 */
@ApplicationScoped
public class Assets {

  /** Letters, digits, _ - and . (not first): a file name's stem, never a path. */
  static final Pattern CODE = io.vitrine.product.ValueRules.ASSET_CODE;

  @Inject AssetFiles files;
  @Inject AssetRecords records;
  @Inject AssetLinks links;
  @Inject Renditions renditions;

  /**
   * Held from keeping bytes until their row commits, and from a deletion's last look at the rows
   * until its files are gone: bytes are never deleted under an upload that is about to name them.
   */
  private final Object[] bytesLocks = new Object[64];

  {
    for (int i = 0; i < bytesLocks.length; i++) {
      bytesLocks[i] = new Object();
    }
  }

  private Object bytesLock(String sha256) {
    return bytesLocks[Math.floorMod(sha256.hashCode(), bytesLocks.length)];
  }

  @Inject
  @ConfigProperty(name = "vitrine.assets.max-pixels", defaultValue = "40000000")
  long maxPixels;

  private AssetInspector inspector;

  @PostConstruct
  void init() {
    inspector = new AssetInspector(maxPixels);
  }

  /** An upload's result: the asset as stored, its family (or null), what its name linked it to. */
  public record Upload(AssetRecords.Saved saved, AssetFamily family, AssetLinks.Link link) {}

  /**
   * Stores {@code body} as asset {@code code}, creating it or replacing its file. {@code family}
   * null keeps an existing asset's family; {@code fileName} defaults to the code; {@code
   * declaredType} is the request's Content-Type. Once stored, the family's naming convention links
   * the asset to its product.
   */
  public Upload put(
      String code,
      String family,
      String fileName,
      String declaredType,
      String ifMatch,
      long announced,
      InputStream body) {
    String name = fileName == null || fileName.isBlank() ? code : fileName.strip();
    var violations = new Violations();
    if (!CODE.matcher(code).matches()) {
      violations.add(
          "code",
          "must be 1 to 255 letters, digits, _, - or . (not first), with no path: '"
              + printable(code)
              + "' is not.");
    }
    String nameProblem = fileNameProblem(name);
    if (nameProblem != null) {
      violations.add("file_name", nameProblem);
    }
    if (family != null && !JsonInput.CODE.matcher(family).matches()) {
      violations.add("family", JsonInput.codeMessage(family));
    }
    violations.throwIfAny();
    AssetFamily chosen = family != null ? records.family(family) : records.familyOf(code);
    // Before the bytes are read: a stale If-Match should not cost an upload. (Checked again, with
    // the row locked, when it is written.)
    records.checkIfMatch(code, ifMatch);
    try (AssetFiles.Upload upload = files.receive(body, announced)) {
      AssetInspector.Inspection inspection;
      try {
        inspection = inspector.inspect(upload.file(), name, declaredType);
      } catch (AssetInspector.Refused refused) {
        new Violations().add("file", refused.getMessage()).throwIfAny();
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (chosen != null) {
        // Before the bytes are kept; checked again with the family locked when the row is written.
        chosen.checkTakes(inspection);
      }
      // Kept before the row commits: if the row does not, the bytes stay unreferenced, which is
      // harmless; the other way round, a row could name bytes that are not there.
      AssetRecords.Saved saved;
      synchronized (bytesLock(upload.sha256())) {
        files.keep(upload);
        try {
          saved =
              records.save(
                  code,
                  chosen == null ? null : chosen.code(),
                  name,
                  upload.sha256(),
                  upload.size(),
                  inspection,
                  ifMatch);
        } catch (RuntimeException refused) {
          // A 409 or 412 found with the row locked: the bytes kept for it go unless others have
          // them.
          forgetUnusedHeld(upload.sha256());
          throw refused;
        }
      }
      if (saved.replacedSha256() != null) {
        forgetUnused(saved.replacedSha256());
      }
      return new Upload(saved, chosen, chosen == null ? null : links.link(saved.asset(), chosen));
    }
  }

  /**
   * Deletes the asset (refused while products show it); its bytes and renditions go once no other
   * asset has the same bytes.
   */
  public void delete(String code, String ifMatch) {
    forgetUnused(records.delete(code, ifMatch));
  }

  private void forgetUnused(String sha256) {
    synchronized (bytesLock(sha256)) {
      forgetUnusedHeld(sha256);
    }
  }

  /** {@link #forgetUnused}, with the bytes' lock already held. */
  private void forgetUnusedHeld(String sha256) {
    if (!records.anyWith(sha256)) {
      files.forget(sha256);
      renditions.forget(sha256);
    }
  }

  public java.nio.file.Path file(Asset asset) {
    return files.path(asset.sha256());
  }

  /** Why {@code name} cannot be a file name, or null: no paths, no control characters. */
  static String fileNameProblem(String name) {
    if (name.length() > 255) {
      return "must be at most 255 characters long.";
    }
    if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")) {
      return "must be a file's name, not a path: '" + printable(name) + "' is not.";
    }
    if (name.chars().anyMatch(c -> Character.isISOControl(c))) {
      return "must not hold control characters: '" + printable(name) + "' does.";
    }
    return null;
  }

  /** {@code text} with control characters shown as \\uXXXX, for a message. */
  private static String printable(String text) {
    StringBuilder shown = new StringBuilder();
    text.chars()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                shown.append(String.format("\\\\u%04x", c));
              } else {
                shown.append((char) c);
              }
            });
    return shown.toString();
  }
}
