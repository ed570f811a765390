/** Readiness: the database answers and its schema is migrated. */
package io.vitrine.platform.health;
