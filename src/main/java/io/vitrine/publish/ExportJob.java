package io.vitrine.publish;

import io.vitrine.catalog.Channel;
import io.vitrine.jobs.JobWork;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.problem.ProblemException;
import io.vitrine.publish.export.ExportWriter;
import io.vitrine.search.ProductSearch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes an export's file (subject {@code export:<id>}), 1,000 products a batch in id order. Each
 * batch first cuts the file back to what the last committed batch left, then appends its products,
 * and commits the new length with the job's cursor: a batch that rolls back, or a crash, costs
 * nothing but that batch. When no product is left, the file is completed (for XLSX, the workbook is
 * made from the rows the batches staged).
 */
@ApplicationScoped
public class ExportJob implements JobWork {

  public static final String KIND = "export";

  @PersistenceContext EntityManager em;
  @Inject Exports exports;
  @Inject ChannelFeed feed;
  @Inject ProductSearch search;
  @Inject ExportFiles files;
  @Inject ExportProfileKind profiles;

  static String subject(long run) {
    return "export:" + run;
  }

  private static long run(String subject) {
    return Long.parseLong(subject.substring("export:".length()));
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public long total(String subject) {
    ExportRun run = em.find(ExportRun.class, run(subject));
    if (run == null) {
      return 0;
    }
    awaitIndex();
    return search.count(run.search());
  }

  /**
   * Waits until the index holds every write committed before the export began: up to 60 times
   * vitrine.search.wait-ms (5 minutes by default), since after a large import it may lag longer
   * than a request would wait.
   */
  private void awaitIndex() {
    for (int attempt = 1; ; attempt++) {
      try {
        search.awaitCommitted();
        return;
      } catch (ProblemException lagging) {
        if (attempt >= 60) {
          throw lagging;
        }
      }
    }
  }

  @Override
  public Batch next(String subject, long cursor) {
    ExportRun run = em.find(ExportRun.class, run(subject));
    if (run == null || run.complete()) {
      return null;
    }
    Exports.Profile profile = exports.profile(channel(run), run.definition());
    List<Long> ids = search.walk(run.search(), cursor, exports.batchSize());
    try {
      if (ids.isEmpty()) {
        complete(run, profile);
        return null;
      }
      List<JsonObject> products = feed.resolved(profile.channel(), ids);
      Path staging = staging(run, profile);
      try (ExportFiles.Appending file = ExportFiles.append(staging, run.fileLength());
          ExportFiles.Appending report =
              ExportFiles.append(exports.rejections(run), run.rejectionsLength())) {
        ExportWriter writer =
            profile
                .plan()
                .batch(file.out(), profile.fields(), run.fileLength() == 0, run.written());
        Exports.Rejections rejections =
            Exports.Rejections.open(report.out(), run.rejectionsLength() == 0);
        long rejected = rejections.writeEach(writer, products);
        writer.flush();
        rejections.flush();
        run.advance(products.size() - rejected, rejected, file.commit(), report.commit());
      }
      return new Batch(ids.get(ids.size() - 1), ids.size());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The channel as it is now; the job fails, saying why, when it is gone. */
  private Channel channel(ExportRun run) {
    try {
      return feed.channel(run.channel());
    } catch (ProblemException gone) {
      // Without the cause: the job records the innermost one, which says less.
      throw new IllegalStateException(
          "The channel " + run.channel() + " of export " + run.id() + " was deleted.");
    }
  }

  /** Where the batches write: the file itself, or for a staged format the rows to make it from. */
  private Path staging(ExportRun run, Exports.Profile profile) {
    Path file = exports.file(run);
    return profile.plan().staged() ? file.resolveSibling("rows.ndjson") : file;
  }

  private void complete(ExportRun run, Exports.Profile profile) throws IOException {
    Path file = exports.file(run);
    long length;
    if (profile.plan().staged()) {
      Path rows = staging(run, profile);
      try (ExportFiles.Appending cut = ExportFiles.append(rows, run.fileLength())) {
        cut.commit();
      }
      Path made = file.resolveSibling(file.getFileName() + ".tmp");
      try (BufferedReader staged = Files.newBufferedReader(rows, StandardCharsets.UTF_8);
          OutputStream out = Files.newOutputStream(made)) {
        profile.plan().render(staged, out);
      }
      Files.move(made, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      length = Files.size(file);
      files.afterCommit(() -> rows.toFile().delete());
    } else {
      try (ExportFiles.Appending end = ExportFiles.append(file, run.fileLength())) {
        profile
            .plan()
            .batch(end.out(), profile.fields(), run.fileLength() == 0, run.written())
            .finish();
        length = end.commit();
      }
    }
    // An export that took no product and refused none still has its (empty) rejections list.
    try (ExportFiles.Appending report =
        ExportFiles.append(exports.rejections(run), run.rejectionsLength())) {
      Exports.Rejections.open(report.out(), run.rejectionsLength() == 0).flush();
      run.advance(0, 0, run.fileLength(), report.commit());
    }
    run.complete(length, Timestamps.now());
    exports.prune(run, profiles.find(run.channel(), run.profile()));
  }
}
