package dev.chorus.core.store;

import dev.chorus.core.error.ChorusException;
import dev.chorus.core.error.Unavailable;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Classifies store failures once. A database that is locked, full, read-only or unreachable is a
 * {@link Unavailable} (503) that says so; anything else is a bug and stays as it is.
 */
public final class StoreFailures {
  private StoreFailures() {}

  /** Returns the exception to throw for {@code e}: an {@link Unavailable} or {@code e} itself. */
  public static RuntimeException translate(RuntimeException e) {
    if (e instanceof ChorusException) return e;
    String reason = unavailableReason(e);
    return reason == null ? e : new Unavailable(reason, e);
  }

  /** Why the store is unavailable, or null when {@code t} is not such a failure. */
  static String unavailableReason(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLiteException s) {
        String r = sqlite(s.getResultCode());
        if (r != null) return r;
      }
      // HikariCP gives up waiting for a connection: the database is unreachable or saturated.
      if (c instanceof SQLTransientConnectionException) {
        return "The database is not answering right now; nothing was saved. Try again shortly.";
      }
      if (c instanceof SQLException s && s.getSQLState() != null) {
        String r = postgres(s.getSQLState());
        if (r != null) return r;
      }
      if (c.getCause() == c) break;
    }
    return null;
  }

  private static String sqlite(SQLiteErrorCode code) {
    if (code == null) return null;
    return switch (code.code & 0xff) {
      // SQLITE_BUSY, SQLITE_LOCKED: another writer held the lock past the busy timeout.
      case 5, 6 -> "The database is busy (locked by another writer); nothing was saved. Try again.";
      // SQLITE_FULL: the disk or the page limit is full.
      case 13 -> "The database disk is full; nothing was saved. Free space and try again.";
      // SQLITE_IOERR, SQLITE_CANTOPEN: the file cannot be read or written.
      case 10, 14 -> "The database file cannot be read or written; nothing was saved.";
      // SQLITE_READONLY: the file or its folder is read-only.
      case 8 -> "The database is read-only; nothing was saved.";
      default -> null;
    };
  }

  private static String postgres(String state) {
    // Class 08: connection exceptions; 57P: the server is shutting down or cannot connect.
    if (state.startsWith("08") || state.startsWith("57P")) {
      return "The database server is not reachable; nothing was saved. Try again shortly.";
    }
    // Class 53: insufficient resources (disk full, out of memory, too many connections).
    if (state.startsWith("53")) {
      return "The database server is out of resources (disk, memory or connections); nothing was"
          + " saved.";
    }
    // 40001 serialization failure, 40P01 deadlock, 55P03 lock not available.
    if (state.equals("40001") || state.equals("40P01") || state.equals("55P03")) {
      return "The database is busy; nothing was saved. Try again.";
    }
    return null;
  }
}
