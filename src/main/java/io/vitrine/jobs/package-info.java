/**
 * Background jobs that survive a restart: a job's cursor and counters move in the same transaction
 * as each batch of its work, one thread runs queued jobs in order, and {@code /api/v1/jobs} shows
 * their progress. Completeness recomputes use it; exports and rebuilds are meant to.
 */
package io.vitrine.jobs;
