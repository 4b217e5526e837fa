package dev.chorus.core.inbox;

import dev.chorus.core.error.Unavailable;
import dev.chorus.core.store.Database;
import dev.chorus.core.store.DatabaseUrl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite store's full-text index of heard items, in a database file of its own beside the store
 * ({@code chorus-search.db} beside {@code chorus.db}), written by its own thread. SQLite lets one
 * writer at a time into a file; kept in the store by a trigger, the index took about a third of the
 * pipeline writer's time, and the writer is what limits ingest (docs/DECISIONS.md). Here it is
 * written beside the store, on the other core.
 *
 * <p>The index follows {@code inbound_items} by row id: each round indexes the items after the last
 * one it indexed and forgets deleted ones (a trigger lists them in {@code search_deletions}), its
 * position committed with the entries, so a crash indexes nothing twice and loses nothing. A search
 * first brings the index up to date when little is waiting ({@link #CATCH_UP_ON_SEARCH} items), so
 * what was just stored is found; only while a whole store is indexed anew (a first start after the
 * upgrade, a restore) may the newest items be missing from results for a while.
 *
 * <p>The index is derived data: a file from another store (compared by {@code search_owner}), from
 * an older version of this class, or unreadable is deleted and built again. Thread-safe.
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

  /** Raised when the index's table or tokenizer changes: an older file is built again. */
  static final int VERSION = 1;

  /** A search brings the index up to date first when at most this many items wait. */
  static final int CATCH_UP_ON_SEARCH = 20_000;

  private static final int ROWS_PER_ROUND = 2_000;
  private static final int DELETIONS_PER_ROUND = 5_000;
  private static final long IDLE_MILLIS = 250;

  private record Row(long rowid, String title, String body, String authorHandle) {}

  private record Deletion(long id, long rowid) {}

  private record Pending(List<Deletion> deletions, long from, List<Row> rows, List<Row> reused) {}

  private final Database db;
  private final Path file;
  private final ReentrantLock lock = new ReentrantLock();
  private final Object wake = new Object();
  private Connection index; // guarded by lock
  private long lastRowid; // guarded by lock
  private long lastDeletion; // guarded by lock
  private Thread thread;
  private volatile boolean closing;

  /**
   * @param db the SQLite store; the index file is opened (and built) on first use
   */
  public SearchIndex(Database db) {
    if (!db.url().isSqlite()) {
      throw new IllegalArgumentException("the search index file is for the SQLite store only");
    }
    this.db = db;
    this.file = db.url().sqliteSearchFile();
  }

  public Path file() {
    return file;
  }

  /** Starts the thread that keeps the index up to date. */
  public synchronized void start() {
    if (thread != null) return;
    thread = new Thread(this::follow, "chorus-search-index");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    boolean failing = false;
    while (!closing) {
      int done = 0;
      try {
        lock.lock();
        try {
          // One round at a time, so a search waiting for the lock waits for one round at most.
          done = round();
        } finally {
          lock.unlock();
        }
        failing = false;
      } catch (RuntimeException e) {
        if (!failing) LOG.warn("indexing heard items for search failed: {}", e.getMessage());
        failing = true;
        closeIndex();
      }
      if (done == 0 || failing) {
        synchronized (wake) {
          if (closing) break;
          try {
            wake.wait(failing ? 5_000 : IDLE_MILLIS);
          } catch (InterruptedException e) {
            break;
          }
        }
      }
    }
  }

  /** Indexes everything stored so far; returns how many items and deletions it took in. */
  public int catchUp() {
    lock.lock();
    try {
      return catchUpLocked(Integer.MAX_VALUE);
    } finally {
      lock.unlock();
    }
  }

  private int catchUpLocked(int atMost) {
    int total = 0;
    while (total < atMost) {
      int n = round();
      if (n == 0) break;
      total += n;
    }
    return total;
  }

  /**
   * Runs {@code work} with the index attached to {@code h} as the schema {@code search} (its FTS5
   * table is {@code search.items}, row ids those of {@code inbound_items}). {@code h} must not be
   * in a transaction: SQLite attaches only outside one.
   */
  public <R> R search(Handle h, Supplier<R> work) {
    boolean locked = false;
    try {
      locked = lock.tryLock(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (locked) {
      try {
        catchUpLocked(CATCH_UP_ON_SEARCH);
      } finally {
        lock.unlock();
      }
    }
    if (!Files.exists(file)) {
      // Only when the index thread has held the lock since before the file existed.
      throw new Unavailable("the search index is being built; search again in a moment");
    }
    // A search that failed to detach (a connection closed mid-search) must not break the next one.
    boolean attached =
        h.createQuery("SELECT COUNT(*) FROM pragma_database_list WHERE name = 'search'")
                .mapTo(Integer.class)
                .one()
            > 0;
    if (!attached) h.execute("ATTACH DATABASE ? AS search", file.toString());
    try {
      return work.get();
    } finally {
      h.execute("DETACH DATABASE search");
    }
  }

  /** One round: deletions, then the next items by row id. Returns how much it took in. */
  private int round() {
    try {
      open();
      Pending pending = db.read(this::pending);
      List<Deletion> deletions = pending.deletions();
      List<Row> rows = pending.rows();
      List<Row> reused = pending.reused();
      long from = pending.from();
      if (deletions.isEmpty() && rows.isEmpty() && from == lastRowid) return 0;
      long position = rows.isEmpty() ? from : rows.get(rows.size() - 1).rowid();
      long deletedUpTo =
          deletions.isEmpty() ? lastDeletion : deletions.get(deletions.size() - 1).id();
      write(deletions, reused, rows, position, deletedUpTo);
      lastRowid = position;
      lastDeletion = deletedUpTo;
      if (!deletions.isEmpty()) {
        db.inTransaction(
            h ->
                h.createUpdate("DELETE FROM search_deletions WHERE id <= :id")
                    .bind("id", deletedUpTo)
                    .execute());
      }
      return deletions.size() + rows.size();
    } catch (SQLException e) {
      throw new Unavailable("the search index " + file + " failed: " + e.getMessage(), e);
    }
  }

  /** What waits, read on one connection, each statement in the order the round relies on. */
  private Pending pending(Handle h) {
    List<Deletion> deletions =
        h.createQuery(
                "SELECT id, item_rowid FROM search_deletions WHERE id > :after ORDER BY id LIMIT :n")
            .bind("after", lastDeletion)
            .bind("n", DELETIONS_PER_ROUND)
            .map((rs, ctx) -> new Deletion(rs.getLong(1), rs.getLong(2)))
            .list();
    long newest =
        h.createQuery("SELECT COALESCE(MAX(rowid), 0) FROM inbound_items").mapTo(Long.class).one();
    // When the newest items were deleted, the next item takes the row id after the newest left.
    long from = Math.min(lastRowid, newest);
    List<Row> rows =
        h.createQuery(
                "SELECT rowid, title, body, author_handle FROM inbound_items WHERE rowid > :from"
                    + " ORDER BY rowid LIMIT :n")
            .bind("from", from)
            .bind("n", ROWS_PER_ROUND)
            .map(SearchIndex::row)
            .list();
    // A deleted item's row id at or below the position may have gone to a new item since.
    List<Row> reused = new ArrayList<>();
    for (Deletion d : deletions) {
      if (d.rowid() > from) continue;
      h.createQuery("SELECT rowid, title, body, author_handle FROM inbound_items WHERE rowid = :r")
          .bind("r", d.rowid())
          .map(SearchIndex::row)
          .findOne()
          .ifPresent(reused::add);
    }
    return new Pending(deletions, from, rows, reused);
  }

  private void write(
      List<Deletion> deletions, List<Row> reused, List<Row> rows, long position, long deletedUpTo)
      throws SQLException {
    try {
      try (PreparedStatement delete = index.prepareStatement("DELETE FROM items WHERE rowid = ?")) {
        for (Deletion d : deletions) {
          delete.setLong(1, d.rowid());
          delete.executeUpdate();
        }
      }
      try (PreparedStatement insert =
          index.prepareStatement(
              "INSERT OR REPLACE INTO items (rowid, title, body, author_handle) VALUES (?, ?, ?,"
                  + " ?)")) {
        for (List<Row> list : List.of(reused, rows)) {
          for (Row r : list) {
            insert.setLong(1, r.rowid());
            insert.setString(2, r.title());
            insert.setString(3, r.body());
            insert.setString(4, r.authorHandle());
            insert.executeUpdate();
          }
        }
      }
      try (PreparedStatement state =
          index.prepareStatement("UPDATE state SET last_rowid = ?, last_deletion = ?")) {
        state.setLong(1, position);
        state.setLong(2, deletedUpTo);
        state.executeUpdate();
      }
      index.commit();
    } catch (SQLException e) {
      try {
        index.rollback();
      } catch (SQLException ignored) {
        // the connection is closed and opened again on the next round
      }
      throw e;
    }
  }

  private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
  }

  /** Opens the index file, building it anew when it belongs to another store or version. */
  private void open() throws SQLException {
    if (index != null) return;
    String owner =
        db.read(
            h ->
                h.createQuery("SELECT owner FROM search_owner WHERE id = 1")
                    .mapTo(String.class)
                    .one());
    Connection c = connect();
    boolean fresh;
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), owner TEXT NOT"
              + " NULL, version INTEGER NOT NULL, last_rowid INTEGER NOT NULL, last_deletion"
              + " INTEGER NOT NULL)");
      try (ResultSet rs =
          s.executeQuery("SELECT owner, version, last_rowid, last_deletion FROM state")) {
        fresh = !rs.next() || !owner.equals(rs.getString(1)) || rs.getInt(2) != VERSION;
        if (!fresh) {
          lastRowid = rs.getLong(3);
          lastDeletion = rs.getLong(4);
        }
      }
    } catch (SQLException e) {
      c.close();
      LOG.warn("the search index {} is unreadable ({}); building it again", file, e.getMessage());
      fresh = true;
      c = null;
    }
    if (fresh) {
      if (c != null) c.close();
      try {
        DatabaseUrl.forgetSearchIndex(db.url().sqliteFile());
      } catch (IOException e) {
        throw new SQLException("cannot delete the old search index " + file + ": " + e, e);
      }
      c = connect();
      // Deletions listed before now are of items the new index never sees.
      long deletedUpTo =
          db.read(
              h ->
                  h.createQuery("SELECT COALESCE(MAX(id), 0) FROM search_deletions")
                      .mapTo(Long.class)
                      .one());
      try (Statement s = c.createStatement()) {
        s.execute(
            "CREATE TABLE state (id INTEGER PRIMARY KEY CHECK (id = 1), owner TEXT NOT NULL,"
                + " version INTEGER NOT NULL, last_rowid INTEGER NOT NULL, last_deletion INTEGER"
                + " NOT NULL)");
        // Which items hold a word, not where (detail=none): searches are words that must all
        // occur (Search.fts5), never phrases. unicode61 folds case and accents: "cafe" finds
        // "Café". Contentless: the text stays in inbound_items; rows can still be deleted.
        s.execute(
            "CREATE VIRTUAL TABLE items USING fts5(title, body, author_handle, content = '',"
                + " contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', detail ="
                + " none)");
      }
      try (PreparedStatement p =
          c.prepareStatement(
              "INSERT INTO state (id, owner, version, last_rowid, last_deletion) VALUES (1, ?, ?,"
                  + " 0, ?)")) {
        p.setString(1, owner);
        p.setInt(2, VERSION);
        p.setLong(3, deletedUpTo);
        p.executeUpdate();
      }
      lastRowid = 0;
      lastDeletion = deletedUpTo;
      LOG.info("building the search index {} from the stored items", file);
    }
    c.setAutoCommit(false);
    index = c;
  }

  private Connection connect() throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(5_000);
    config.setGetGeneratedKeys(false);
    SQLiteDataSource ds = new SQLiteDataSource(config);
    ds.setUrl("jdbc:sqlite:" + file);
    return ds.getConnection();
  }

  private void closeIndex() {
    lock.lock();
    try {
      if (index == null) return;
      try {
        index.close();
      } catch (SQLException e) {
        LOG.debug("closing the search index failed", e);
      }
      index = null;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the thread and closes the file. */
  @Override
  public void close() {
    synchronized (wake) {
      closing = true;
      wake.notifyAll();
    }
    Thread t;
    synchronized (this) {
      t = thread;
    }
    if (t != null) {
      try {
        t.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeIndex();
  }
}
