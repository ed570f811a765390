package io.vitrine.jobs;

/**
 * What one kind of job does, batch by batch, after a cursor (an id: work is walked in id order). A
 * batch runs in the job's transaction: its effects and the job's new cursor commit together.
 */
public interface JobWork {

  /** The kind of job this work does, as stored in {@code job.kind}. */
  String kind();

  /** How many items the job of {@code subject} has to go through, estimated when it starts. */
  long total(String subject);

  /** Works on the next items after {@code cursor}; null when there are none left. */
  Batch next(String subject, long cursor);

  /** A batch done: the cursor to continue after, and how many items it went through. */
  record Batch(long cursor, int items) {}
}
