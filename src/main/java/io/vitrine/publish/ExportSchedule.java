package io.vitrine.publish;

import io.vitrine.platform.BackgroundThread;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Starts the exports that profiles with a schedule are due, checking once a minute. */
@ApplicationScoped
public class ExportSchedule {

  private static final Logger LOG = Logger.getLogger(ExportSchedule.class.getName());

  @Inject Exports exports;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "vitrine.export.schedule-check-seconds", defaultValue = "60")
  long checkSeconds;

  private final BackgroundThread worker = new BackgroundThread("vitrine-export-schedule");

  /** Creates the thread: see {@link BackgroundThread#prepare} for when. */
  public void prepare() {
    worker.prepare(threads, this::run);
  }

  /** Starts checking; the database must be migrated. */
  public void start() {
    prepare();
    worker.start();
  }

  @PreDestroy
  void stop() {
    worker.stop();
  }

  /** Each in a transaction of its own: one that cannot start does not stop the others. */
  private void startDue() {
    for (ExportProfile.Key due : exports.due()) {
      try {
        exports.start(due.channel, due.code);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "The scheduled export of " + due.channel + "/" + due.code + " cannot start",
            e);
      }
    }
  }

  private void run() {
    while (worker.running()) {
      try {
        worker.idle(checkSeconds * 1000, () -> true);
        if (worker.running()) {
          startDue();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not start the scheduled exports", e);
      }
    }
  }
}
