package io.vitrine.events;

import io.vitrine.platform.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;

/**
 * Appends change events to the outbox inside the writer's transaction. The sequence numbers come
 * from a counter row whose lock the writer then holds until it commits, so sequence order is commit
 * order and a reader that has seen event n has seen every event before it. Call it last in a
 * transaction, after every other write, so that the lock is held only for the commit.
 */
@ApplicationScoped
public class ChangeEventLog {

  @PersistenceContext EntityManager em;
  @Inject Event<ChangesAppended> appended;
  @Inject Event<ChangesRecording> recording;

  /**
   * Takes this transaction's turn in commit order now rather than at its end: every other writer
   * then waits until this one commits. Catalog writers take it first, so that what they check and
   * change cannot interleave with a product write judged against the schema they are changing.
   */
  @Transactional(TxType.MANDATORY)
  public void takeCommitTurn() {
    em.createNativeQuery(
            "SELECT last_seq FROM event_counter WHERE name = 'change_event' FOR UPDATE")
        .getSingleResult();
  }

  @Transactional(TxType.MANDATORY)
  public void append(List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    // Before the counter's lock is taken: derived writes must not lengthen the commit turn.
    recording.fire(new ChangesRecording(List.copyOf(changes)));
    em.flush();
    int count = changes.size();
    em.createNativeQuery(
            "UPDATE event_counter SET last_seq = last_seq + ?1 WHERE name = 'change_event'")
        .setParameter(1, count)
        .executeUpdate();
    long last = lastSeq();
    long seq = last - count + 1;
    var now = Timestamps.now();
    for (Change change : changes) {
      em.persist(new ChangeEvent(seq++, change, now));
    }
    em.flush();
    appended.fire(new ChangesAppended(last));
  }

  /** The sequence of the last event (0 before the first), committed or of this transaction. */
  @Transactional(TxType.SUPPORTS)
  public long lastSeq() {
    return ((Number)
            em.createNativeQuery("SELECT last_seq FROM event_counter WHERE name = 'change_event'")
                .getSingleResult())
        .longValue();
  }

  /** The events after {@code afterSeq}, oldest first: what a reader of the outbox catches up on. */
  @Transactional(TxType.SUPPORTS)
  public List<ChangeEvent> since(long afterSeq, int limit) {
    return em.createQuery(
            "SELECT e FROM ChangeEvent e WHERE e.seq > :after ORDER BY e.seq", ChangeEvent.class)
        .setParameter("after", afterSeq)
        .setMaxResults(limit)
        .getResultList();
  }
}
