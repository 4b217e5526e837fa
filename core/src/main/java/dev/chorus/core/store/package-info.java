/**
 * The database. {@link dev.chorus.core.store.Database} opens SQLite (WAL, foreign keys, busy
 * timeout) or PostgreSQL through HikariCP, migrates it with Flyway ({@code db/migration/common} for
 * both, {@code db/migration/{vendor}} for what differs) and hands out JDBI transactions. {@link
 * dev.chorus.core.store.StoreFailures} turns a locked, full or unreachable database into {@link
 * dev.chorus.core.error.Unavailable}. {@link dev.chorus.core.store.SqliteBackup} makes and restores
 * consistent online backups.
 */
package dev.chorus.core.store;
