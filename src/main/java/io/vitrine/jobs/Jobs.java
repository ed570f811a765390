package io.vitrine.jobs;

import io.vitrine.platform.BackgroundThread;
import io.vitrine.platform.Timestamps;
import io.vitrine.platform.database.ConcurrentWrites;
import io.vitrine.platform.problem.Problem;
import io.vitrine.platform.problem.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues jobs and runs them, one at a time and oldest first, on a thread of their own. A job queued
 * in a transaction starts once that transaction commits; a job interrupted by a stop or a crash
 * resumes after its last committed batch when the server starts again.
 */
@ApplicationScoped
public class Jobs {

  private static final Logger LOG = Logger.getLogger(Jobs.class.getName());
  private static final long IDLE_POLL_MS = 1000;
  private static final int MAX_FAILURES = 3;

  @PersistenceContext EntityManager em;
  @Inject JobSteps steps;
  @Resource ManagedThreadFactory threads;

  private final BackgroundThread worker = new BackgroundThread("vitrine-jobs");

  /** Signals, after commit, that a job was queued. */
  public record Queued(long id) {}

  @Inject jakarta.enterprise.event.Event<Queued> queued;

  /**
   * Queues a job in the current transaction, unless the same job is already queued and not started
   * (it will do the same work then).
   */
  @Transactional(TxType.MANDATORY)
  public Job enqueue(String kind, String subject) {
    List<Job> waiting =
        em.createQuery(
                "SELECT j FROM Job j WHERE j.kind = :kind AND j.subject = :subject"
                    + " AND j.state = 'QUEUED'",
                Job.class)
            .setParameter("kind", kind)
            .setParameter("subject", subject)
            .getResultList();
    if (!waiting.isEmpty()) {
      return waiting.get(0);
    }
    Job job = new Job(kind, subject, Timestamps.now());
    em.persist(job);
    em.flush();
    queued.fire(new Queued(job.id()));
    return job;
  }

  @Transactional(TxType.SUPPORTS)
  public Job find(long id) {
    return em.find(Job.class, id);
  }

  /** The job, locked until the transaction ends, as the runner locks it for each batch. */
  @Transactional(TxType.MANDATORY)
  public Job findForUpdate(long id) {
    return em.find(Job.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
  }

  /** The newest jobs first, optionally of one kind and state. */
  @Transactional(TxType.SUPPORTS)
  public List<Job> list(String kind, Job.State state, long beforeId, int limit) {
    // Built to the filters given: a null parameter has no SQL type on PostgreSQL.
    var jpql = new StringBuilder("SELECT j FROM Job j WHERE j.id < :before");
    if (kind != null) {
      jpql.append(" AND j.kind = :kind");
    }
    if (state != null) {
      jpql.append(" AND j.state = :state");
    }
    var query =
        em.createQuery(jpql.append(" ORDER BY j.id DESC").toString(), Job.class)
            .setParameter("before", beforeId)
            .setMaxResults(limit);
    if (kind != null) {
      query.setParameter("kind", kind);
    }
    if (state != null) {
      query.setParameter("state", state.name());
    }
    return query.getResultList();
  }

  /** Creates the runner's thread: see {@link BackgroundThread#prepare} for when. */
  public void prepare() {
    worker.prepare(threads, this::run);
  }

  /** Starts running jobs; the database must be migrated. */
  public void start() {
    prepare();
    worker.start();
  }

  @PreDestroy
  void stop() {
    worker.stop();
  }

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) Queued job) {
    worker.wake();
  }

  private void run() {
    long failing = -1;
    int failures = 0;
    while (worker.running()) {
      Long id = null;
      try {
        id = steps.next();
        if (id == null) {
          worker.idle(IDLE_POLL_MS, () -> true);
          continue;
        }
        while (worker.running() && steps.step(id)) {
          failures = 0;
        }
        failures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // A batch rolled back. A conflict with a concurrent write (a lock timeout, a deadlock, the
        // catalog changed under it) is tried again without counting; another error three times in
        // a row for the same job fails that job, so that later jobs still run.
        if (id == null || ConcurrentWrites.lost(e)) {
          LOG.log(Level.FINE, "Job " + id + " meets a concurrent write; trying again", e);
        } else {
          failures = id == failing ? failures + 1 : 1;
          failing = id;
          LOG.log(Level.WARNING, "Job " + id + " failed a batch (" + failures + ")", e);
          if (failures >= MAX_FAILURES) {
            try {
              steps.fail(id, String.valueOf(rootCause(e).getMessage()));
              failures = 0;
            } catch (RuntimeException again) {
              LOG.log(Level.WARNING, "Could not record the failure of job " + id, again);
            }
          }
        }
        pause();
      }
    }
  }

  /**
   * Queues a failed job again: it resumes after its last committed batch. Null when there is no
   * such job; a 409 when it has not failed.
   */
  @Transactional(TxType.REQUIRED)
  public Job retry(long id) {
    Job job = em.find(Job.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
    if (job == null) {
      return null;
    }
    if (job.state() != Job.State.FAILED) {
      throw new ProblemException(
          Problem.conflict(
              "Job "
                  + id
                  + " is "
                  + job.state().name().toLowerCase(java.util.Locale.ROOT)
                  + ": only a failed job can be run again."));
    }
    job.retry();
    queued.fire(new Queued(id));
    return job;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void pause() {
    try {
      Thread.sleep(IDLE_POLL_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
