package io.vitrine.product;

import io.vitrine.platform.database.ConcurrentWrites;
import io.vitrine.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Runs write batches (of products or of product models). When a batch fails in the database
 * (another writer took the same identifier, unique value or axis combination first, or changed the
 * same record), its commands are written one by one, each retried, so that the conflict lands on
 * the command that caused it and every other command still gets its answer.
 */
final class Retries {

  static final int BATCH = 100;
  private static final int ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(Retries.class.getName());

  private final Function<List<ProductCommand>, List<ProductOutcome>> writer;
  private final MetricRegistry metrics;
  private final String counter;
  private final String targetField;

  Retries(
      Function<List<ProductCommand>, List<ProductOutcome>> writer,
      MetricRegistry metrics,
      String counter,
      String targetField) {
    this.writer = writer;
    this.metrics = metrics;
    this.counter = counter;
    this.targetField = targetField;
  }

  ProductOutcome save(ProductCommand command) {
    return counted(attempts(command));
  }

  private ProductOutcome attempts(ProductCommand command) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        return writer.apply(List.of(command)).get(0);
      } catch (RuntimeException e) {
        if (!ConcurrentWrites.lost(e)) {
          throw e;
        }
        last = e;
      }
    }
    LOG.log(Level.INFO, "Write lost to concurrent writers " + ATTEMPTS + " times", last);
    return ProductOutcome.failed(
        command,
        command.target(targetField),
        Problem.conflict(
            "Other writers changed the same records, unique values or axis values at the same"
                + " time; send the change again."));
  }

  List<ProductOutcome> saveAll(List<ProductCommand> commands) {
    List<ProductOutcome> outcomes = new ArrayList<>(commands.size());
    for (int from = 0; from < commands.size(); from += BATCH) {
      List<ProductCommand> batch = commands.subList(from, Math.min(commands.size(), from + BATCH));
      try {
        writer.apply(batch).forEach(o -> outcomes.add(counted(o)));
      } catch (RuntimeException e) {
        for (ProductCommand command : batch) {
          outcomes.add(saveAlone(command));
        }
      }
    }
    return outcomes;
  }

  private ProductOutcome counted(ProductOutcome outcome) {
    metrics.counter(outcome.succeeded() ? counter : counter + "_refused").inc();
    return outcome;
  }

  private ProductOutcome saveAlone(ProductCommand command) {
    try {
      return save(command);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Write failed unexpectedly (bulk line " + command.line() + ")", e);
      return ProductOutcome.failed(
          command,
          command.target(targetField),
          Problem.of(
              "internal-error",
              "Internal error",
              500,
              "This line could not be written; the error has been logged."));
    }
  }
}
