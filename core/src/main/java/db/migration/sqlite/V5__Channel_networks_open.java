package db.migration.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Removes the list of networks from {@code channels.network} on SQLite, so that a new network needs
 * no migration (PostgreSQL drops the constraint in its own {@code V5} SQL file).
 *
 * <p>SQLite cannot drop a CHECK with ALTER TABLE. Rebuilding the table would cascade: {@code
 * inbound_items} and later tables reference {@code channels} with ON DELETE CASCADE, and a DROP
 * TABLE deletes their rows while foreign keys are on (which Flyway's transaction cannot turn off).
 * This uses instead the procedure the SQLite documentation gives for removing CHECK constraints
 * (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"): edit
 * the table's definition in {@code sqlite_schema} with {@code writable_schema} on, bump {@code
 * schema_version} so every connection reloads it, then check integrity. No row is rewritten.
 */
public final class V5__Channel_networks_open extends BaseJavaMigration {
  /** V2's column constraint, exactly as it was written (whitespace aside). */
  static final Pattern NETWORK_CHECK =
      Pattern.compile(
          "\\s+CHECK\\s*\\(\\s*network\\s+IN\\s*\\(\\s*'mastodon'\\s*,\\s*'bluesky'\\s*,"
              + "\\s*'rss'\\s*,\\s*'webhook'\\s*\\)\\s*\\)",
          Pattern.CASE_INSENSITIVE);

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      String sql =
          single(s, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'channels'");
      Matcher m = NETWORK_CHECK.matcher(sql);
      if (!m.find()) {
        // Someone changed the table by hand: refuse rather than guess at its definition.
        throw new SQLException("channels.network has no recognisable CHECK to remove: " + sql);
      }
      String relaxed = m.replaceFirst("");
      int version = Integer.parseInt(single(s, "PRAGMA schema_version"));
      s.execute("PRAGMA writable_schema = ON");
      try (var update =
          c.prepareStatement(
              "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'channels'")) {
        update.setString(1, relaxed);
        if (update.executeUpdate() != 1) throw new SQLException("channels table not updated");
        s.execute("PRAGMA schema_version = " + (version + 1));
      } finally {
        // The connection goes back to the pool: it must never keep the schema writable.
        s.execute("PRAGMA writable_schema = OFF");
      }
      // The changed table only: a whole-database check would read every stored item.
      String integrity = single(s, "PRAGMA integrity_check(channels)");
      if (!"ok".equals(integrity)) {
        throw new SQLException(
            "integrity check failed after relaxing channels.network: " + integrity);
      }
    }
  }

  private static String single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) throw new SQLException("no answer to " + sql);
      return rs.getString(1);
    }
  }
}
