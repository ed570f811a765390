package io.vitrine.jobs;

import io.vitrine.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/** The transactions of the job runner: each step of a job commits with its effects. */
@ApplicationScoped
public class JobSteps {

  @PersistenceContext EntityManager em;
  @Inject @Any Instance<JobWork> works;

  /** The oldest job still to run or to finish, if any. */
  @Transactional(TxType.REQUIRES_NEW)
  public Long next() {
    List<Long> ids =
        em.createQuery(
                "SELECT j.id FROM Job j WHERE j.state IN ('QUEUED', 'RUNNING') ORDER BY j.id",
                Long.class)
            .setMaxResults(1)
            .getResultList();
    return ids.isEmpty() ? null : ids.get(0);
  }

  /** Runs one batch of the job; false when the job is over (finished or failed). */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean step(long id) {
    Job job = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (job == null || job.state() == Job.State.FINISHED || job.state() == Job.State.FAILED) {
      return false;
    }
    JobWork work = work(job.kind());
    if (work == null) {
      job.fail("No work of kind '" + job.kind() + "' in this version.", Timestamps.now());
      return false;
    }
    if (job.state() == Job.State.QUEUED) {
      job.start(work.total(job.subject()), Timestamps.now());
    }
    JobWork.Batch batch = work.next(job.subject(), job.cursor());
    if (batch == null) {
      job.finish(Timestamps.now());
      return false;
    }
    job.advance(batch.cursor(), batch.items());
    return true;
  }

  /** Records that the job failed, after its last step rolled back. */
  @Transactional(TxType.REQUIRES_NEW)
  public void fail(long id, String error) {
    Job job = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (job != null) {
      job.fail(error, Timestamps.now());
    }
  }

  private JobWork work(String kind) {
    for (JobWork work : works) {
      if (work.kind().equals(kind)) {
        return work;
      }
    }
    return null;
  }
}
