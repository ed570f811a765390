/**
 * The database: a data source chosen by URL (H2 or PostgreSQL) and the Flyway migrations run at
 * start-up.
 */
package io.vitrine.platform.database;
