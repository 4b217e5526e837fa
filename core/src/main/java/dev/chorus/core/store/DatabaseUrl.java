package dev.chorus.core.store;

import dev.chorus.core.error.Invalid;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the data lives: an SQLite file, or a PostgreSQL server given as {@code
 * postgresql://user:password@host:port/db} (or a {@code jdbc:postgresql:} URL).
 *
 * @param vendor {@code sqlite} or {@code postgresql}; also the Flyway {@code {vendor}} folder
 * @param jdbcUrl the JDBC URL without credentials
 * @param user null for SQLite or when the URL carries none
 * @param password null for SQLite or when the URL carries none
 * @param sqliteFile the database file for SQLite, null for PostgreSQL
 */
public record DatabaseUrl(
    String vendor, String jdbcUrl, String user, String password, Path sqliteFile) {
  public DatabaseUrl {
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
  }

  public static DatabaseUrl sqlite(Path file) {
    Path abs = file.toAbsolutePath().normalize();
    return new DatabaseUrl("sqlite", "jdbc:sqlite:" + abs, null, null, abs);
  }

  /** Parses a PostgreSQL URL; anything else is {@link Invalid} with field {@code database}. */
  public static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) throw new Invalid("database", "the database URL is empty");
    String u = url.strip();
    if (u.startsWith("jdbc:postgresql:")) return new DatabaseUrl("postgresql", u, null, null, null);
    if (u.startsWith("jdbc:sqlite:")) return sqlite(Path.of(u.substring("jdbc:sqlite:".length())));
    if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
      throw new Invalid(
          "database",
          "unsupported database URL '"
              + u.replaceAll(":[^:@/]*@", ":***@")
              + "': use postgresql://user:password@host:5432/name");
    }
    URI uri;
    try {
      uri = URI.create(u);
    } catch (IllegalArgumentException e) {
      throw new Invalid("database", "the database URL is malformed: " + e.getMessage());
    }
    if (uri.getHost() == null) throw new Invalid("database", "the database URL names no host");
    String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (db.isEmpty()) throw new Invalid("database", "the database URL names no database");
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      if (parts.length == 2) password = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new DatabaseUrl(
        "postgresql",
        "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + db + query,
        user,
        password,
        null);
  }

  public boolean isSqlite() {
    return vendor.equals("sqlite");
  }

  /**
   * The SQLite store's search index, a file of its own beside the store: {@code chorus-search.db}
   * beside {@code chorus.db} (dev.chorus.core.inbox.SearchIndex). Null for PostgreSQL.
   */
  public Path sqliteSearchFile() {
    if (sqliteFile == null) return null;
    String name = sqliteFile.getFileName().toString();
    String stem = name.endsWith(".db") ? name.substring(0, name.length() - 3) : name;
    return sqliteFile.resolveSibling(stem + "-search.db");
  }

  /** Deletes the SQLite search index files of {@code storeFile}; it is derived, and built again. */
  public static void forgetSearchIndex(Path storeFile) throws java.io.IOException {
    Path f = sqlite(storeFile).sqliteSearchFile();
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      java.nio.file.Files.deleteIfExists(f.resolveSibling(f.getFileName() + suffix));
    }
  }

  @Override
  public String toString() {
    return jdbcUrl + (user == null ? "" : " as " + user);
  }
}
