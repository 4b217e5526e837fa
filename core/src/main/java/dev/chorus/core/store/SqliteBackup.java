package dev.chorus.core.store;

import dev.chorus.core.error.Invalid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/**
 * Consistent online backups of the SQLite store and their restore. A backup is taken with {@code
 * VACUUM INTO} from a live database, so it is a single, compact, self-contained file even while the
 * server writes. A restore checks the file first (an SQLite database, intact, a Chorus store, not
 * from a newer Chorus) and only then swaps it in; the previous database is kept beside it.
 */
public final class SqliteBackup {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private SqliteBackup() {}

  /** Writes a consistent copy of {@code db} to {@code target}, which must not exist yet. */
  public static long backup(Database db, Path target) {
    if (!db.url().isSqlite()) {
      throw new Invalid(
          "database",
          "backup copies the embedded SQLite store; for PostgreSQL use pg_dump and pg_restore");
    }
    Path abs = target.toAbsolutePath().normalize();
    if (Files.exists(abs)) throw new Invalid("to", abs + " already exists; choose a new file");
    Path tmp = abs.resolveSibling(abs.getFileName() + ".partial");
    try {
      Files.createDirectories(abs.getParent());
      Files.deleteIfExists(tmp);
      db.read(
          h -> {
            h.execute("VACUUM INTO '" + tmp.toString().replace("'", "''") + "'");
            return null;
          });
      fsync(tmp);
      Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
      return Files.size(abs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the backup to " + abs, e);
    }
  }

  /**
   * Checks that {@code file} is a restorable Chorus backup for a build that knows migrations up to
   * {@code latestVersion}.
   *
   * @throws Invalid with field {@code from} and the reason when it is not
   */
  public static void verify(Path file, String latestVersion) {
    if (!Files.isRegularFile(file)) throw new Invalid("from", file + " does not exist");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(head, MAGIC)) {
        throw new Invalid("from", file + " is not an SQLite database (wrong file header)");
      }
    } catch (IOException e) {
      throw new Invalid("from", "cannot read " + file + ": " + e.getMessage());
    }
    SQLiteConfig ro = new SQLiteConfig();
    ro.setReadOnly(true);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, ro.toProperties());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
        String result = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(result)) {
          throw new Invalid("from", file + " is damaged: integrity check says " + result);
        }
      }
      if (!hasTable(s, "chorus_meta") || !hasTable(s, "flyway_schema_history")) {
        throw new Invalid("from", file + " is an SQLite database but not a Chorus store");
      }
      try (ResultSet rs =
          s.executeQuery("SELECT meta_value FROM chorus_meta WHERE meta_key = 'product'")) {
        if (!rs.next() || !"chorus".equals(rs.getString(1))) {
          throw new Invalid("from", file + " is not a Chorus store");
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL"
                  + " ORDER BY installed_rank DESC LIMIT 1")) {
        String v = rs.next() ? rs.getString(1) : "0";
        if (compare(v, latestVersion) > 0) {
          throw new Invalid(
              "from",
              file
                  + " was made by a newer Chorus (schema "
                  + v
                  + "; this one knows up to "
                  + latestVersion
                  + "); upgrade Chorus first");
        }
      }
    } catch (SQLException e) {
      throw new Invalid("from", file + " cannot be opened as a database: " + e.getMessage());
    }
  }

  /**
   * Verifies {@code from} and puts it in place of the database file {@code dbFile}. The server must
   * be stopped. Returns where the previous database was kept (null when there was none).
   */
  public static Path restore(Path from, Path dbFile, String latestVersion, long now) {
    verify(from, latestVersion);
    Path db = dbFile.toAbsolutePath().normalize();
    Path tmp = db.resolveSibling(db.getFileName() + ".restoring");
    try {
      Files.createDirectories(db.getParent());
      Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
      fsync(tmp);
      Path kept = null;
      if (Files.exists(db)) {
        checkpoint(db);
        kept = db.resolveSibling(db.getFileName() + ".before-restore-" + now);
        Files.move(db, kept, StandardCopyOption.ATOMIC_MOVE);
      }
      // The old write-ahead log belongs to the old file; it must not be replayed onto the new one.
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
      // The search index is built from the items: the restored store's, on the next start.
      DatabaseUrl.forgetSearchIndex(db);
      Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE);
      return kept;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore into " + db, e);
    }
  }

  private static void checkpoint(Path db) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (SQLException e) {
      throw new Invalid("database", "cannot checkpoint the current database: " + e.getMessage());
    }
  }

  private static boolean hasTable(Statement s, String name) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '" + name + "'")) {
      return rs.next() && rs.getInt(1) == 1;
    }
  }

  private static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) return Long.compare(p, q);
    }
    return 0;
  }

  private static void fsync(Path p) throws IOException {
    try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
  }
}
