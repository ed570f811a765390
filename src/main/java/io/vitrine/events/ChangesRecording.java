package io.vitrine.events;

import java.util.List;

/**
 * Fired synchronously, inside the writer's transaction, just before its changes are recorded in the
 * outbox: what must be derived in the same transaction (completeness) observes it.
 */
public record ChangesRecording(List<Change> changes) {}
