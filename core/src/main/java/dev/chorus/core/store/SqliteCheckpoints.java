package dev.chorus.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * Copies SQLite's write-ahead log back into the database file from a thread of its own, once a
 * second. Left to SQLite, the commit that fills the log past 1,000 pages does it, and the thread
 * that committed waits for it, disk sync included: the pipeline's writer lost about 14% of its time
 * there (docs/PERFORMANCE.md). A passive checkpoint takes no lock writers wait for, so commits go
 * on while it copies. The log is reused from its start once everything in it is copied and no
 * reader still needs it, as before.
 */
final class SqliteCheckpoints implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteCheckpoints.class);

  /**
   * A page written several times within the interval is copied once: every 200 ms the copies cost
   * 12 µs per ingested mention, every second 7 (IngestBench); the log holds about a second of
   * writes.
   */
  private static final long EVERY_MILLIS = 1_000;

  private final SQLiteDataSource source;
  private final DatabaseUrl url;
  private final Thread thread;
  private final Object wake = new Object();
  private volatile boolean closing;

  SqliteCheckpoints(SQLiteDataSource source, DatabaseUrl url) {
    this.source = source;
    this.url = url;
    this.thread = new Thread(this::run, "chorus-sqlite-checkpoints");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  private void run() {
    Connection c = null;
    boolean failing = false;
    while (!closing) {
      try {
        if (c == null) c = source.getConnection();
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
        failing = false;
      } catch (SQLException e) {
        // Said once per run of failures: the next tick tries again with a new connection.
        if (!failing) LOG.warn("checkpointing {} failed: {}", url.sqliteFile(), e.getMessage());
        failing = true;
        c = closeQuietly(c);
      }
      synchronized (wake) {
        if (closing) break;
        try {
          wake.wait(EVERY_MILLIS);
        } catch (InterruptedException e) {
          break;
        }
      }
    }
    closeQuietly(c);
  }

  private static Connection closeQuietly(Connection c) {
    if (c == null) return null;
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("closing the checkpoint connection failed", e);
    }
    return null;
  }

  /** Stops the thread; the pool's last connection to close checkpoints what is left. */
  @Override
  public void close() {
    synchronized (wake) {
      closing = true;
      wake.notifyAll();
    }
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
